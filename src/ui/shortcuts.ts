// The till's keyboard shortcuts, in one list that the key handlers and the help dialog both read,
// so the help never drifts from what the keys do.

export interface Shortcut {
  keys: string;
  does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'F2 or /', does: 'Search products' },
  { keys: 'Enter (in search)', does: 'Add the first result' },
  { keys: 'F9 or Ctrl+Enter', does: 'Pay' },
  { keys: '+ / −', does: "Change the selected line's quantity" },
  { keys: 'Delete', does: 'Remove the selected line' },
  { keys: 'Alt+1 … Alt+5', does: 'Sell, History, Shift, Stock, Settings' },
  { keys: 'Escape', does: 'Close the dialog' },
  { keys: 'F1 or ?', does: 'This help' },
  { keys: 'Scan a barcode', does: 'Adds the product, wherever the focus is' },
];

/** True when a key press is text going into a field, so single-key shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** True while a modal dialog is open: screen shortcuts pause so keys go to the dialog. */
export function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
