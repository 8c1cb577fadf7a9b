// Lists the keyboard shortcuts (from shortcuts.ts) for staff who sell without touching the screen.
import { Modal } from './modal.tsx';
import { SHORTCUTS } from './shortcuts.ts';

export function HelpDialog(props: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose}>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
