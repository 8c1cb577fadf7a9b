// Before the till's screens: opening the database, the other-tab screens, pairing.
export const boot = {
  opening: 'Opening the till…',
  starting: 'Starting the till…',
  dbFailedTitle: 'The till could not open its database',
  startFailedTitle: 'The till could not start',
  reload: 'Reload',
  ownership: {
    elsewhereTitle: 'The till is open in another tab',
    elsewhereDetail: 'Only one tab can sell at a time, so every sale lands in one place. Use the till here and the other tab will stop; a sale in progress comes along.',
    elsewhereAction: 'Use here',
    movedTitle: 'The till moved to another tab',
    movedDetail: 'This tab no longer records sales. Take it back to sell here; the other tab will stop.',
    movedAction: 'Take it back',
    takingOver: 'Taking over…',
  },
  setup: {
    title: 'Set up this till',
    pairAgainTitle: 'Pair this till again',
    intro: 'Enter the server address and the pairing code from the back office.',
    serverUrl: 'Server URL',
    code: 'Pairing code',
    codeHint: '8 letters and digits, e.g. ABCD-EFGH. A code pairs one till and is valid for 15 minutes.',
    pairing: 'Pairing…',
    pair: 'Pair till',
  },
} as const;
