// The till's keyboard shortcuts, in one list that the key handlers and the help dialog both read,
// so the help never drifts from what the keys do.

/** The shortcuts in the help's order; their keys and meaning are in the catalogs (help.keys, help.does). */
export const SHORTCUTS = ['search', 'addFirst', 'pay', 'quantity', 'times', 'remove', 'screens', 'close', 'help', 'scan'] as const;
export type ShortcutId = (typeof SHORTCUTS)[number];

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
