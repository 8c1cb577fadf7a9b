// The frame around the screens: navigation, shortcuts help, notices.
export const shell = {
  screens: { sell: 'Sell', history: 'History', shift: 'Shift', stock: 'Stock', settings: 'Settings' },
  screensNav: 'Screens',
  shortcutsButton: 'Keyboard shortcuts',
  dismiss: 'Dismiss message',
  scanNotHere: 'Scanned {{code}}: products are added on the Sell screen and counted on the Stock screen.',
} as const;
