// Every dialog of the till: a native <dialog> opened modally, so the browser traps focus, makes the
// rest inert and turns Escape into "cancel"; focus goes back where it was when the dialog closes.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n/i18n-context.tsx';

export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Extra class for sizing (e.g. "modal-wide"). */
  class?: string;
}

let nextId = 0;

export function Modal(props: ModalProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`modal-title-${++nextId}`);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open === true) dialog.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`modal ${props.class ?? ''}`}
      aria-labelledby={titleId.current}
      onCancel={(e) => {
        // Escape: let Preact decide, so the dialog never closes behind the state's back.
        e.preventDefault();
        props.onClose();
      }}
    >
      <header class="modal-header">
        <h2 id={titleId.current}>{props.title}</h2>
        <button type="button" class="icon-button" aria-label={t('common.close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      <div class="modal-body">{props.children}</div>
    </dialog>
  );
}
