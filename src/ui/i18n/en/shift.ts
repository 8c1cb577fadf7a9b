// The shift screen: open with a float, close with the counted cash.
export const shift = {
  title: 'Shift',
  openTitle: 'Open a shift',
  openIntro: 'Count the cash in the drawer before the first sale.',
  openingFloat: 'Opening float',
  openNowTitle: 'Shift open',
  since: 'Since {{time}} with a float of {{amount}}.',
  countedCash: 'Counted cash',
  enterAmount: 'Enter an amount.',
  open: 'Open shift',
  close: 'Close shift and print Z report',
  opened: 'Shift opened.',
  closed: 'Shift closed.',
  printZ: 'Print Z report',
} as const;
