// Words many screens share.
export const common = {
  loading: 'Loading…',
  close: 'Close',
  cancel: 'Cancel',
  back: 'Back',
  remove: 'Remove',
  print: 'Print',
  done: 'Done',
  saving: 'Saving…',
  method: { cash: 'Cash', card: 'Card' },
} as const;
