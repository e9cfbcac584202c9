import { closeDialog } from '../app/dialogs';
import { displayKeys, SHORTCUTS, type Shortcut } from '../app/shortcuts';
import { Modal } from './Modal';

const SECTIONS: Shortcut['section'][] = ['File', 'Edit', 'Canvas', 'Run', 'Help'];

const MOUSE: [string, string][] = [
  ['Drag an operator onto the canvas', 'Add a task there (inside the group it lands on)'],
  ['Click an operator', 'Add a task at the centre'],
  ['Drag from a task’s right handle to another’s left', 'Connect (upstream → downstream)'],
  ['Shift + drag on the canvas', 'Select with a box'],
  ['Ctrl/⌘ + click', 'Add to the selection'],
  ['Drag the canvas, scroll', 'Pan, zoom'],
  ['Drag tasks onto a group’s frame, or off it', 'Move them into or out of the group'],
  ['Double-click a group', 'Collapse or expand it'],
];

/** One row per action, with every combination that does it (Redo: Ctrl+Shift+Z or Ctrl+Y). */
function byLabel(section: Shortcut['section']): [string, string[]][] {
  const rows = new Map<string, string[]>();
  for (const s of SHORTCUTS) if (s.section === section) rows.set(s.label, [...(rows.get(s.label) ?? []), s.keys]);
  return [...rows];
}

/** The keyboard shortcuts (from the same table the key handler uses) and the mouse gestures. */
export function HelpDialog() {
  return (
    <Modal title="Keyboard shortcuts" onClose={closeDialog} wide testId="help-dialog">
      <div className="help-grid">
        {SECTIONS.map((section) => (
          <section key={section}>
            <h3>{section}</h3>
            <table className="shortcut-table">
              <tbody>
                {byLabel(section).map(([label, keys]) => (
                  <tr key={label}>
                    <td>{label}</td>
                    <td>
                      {keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 ? ' or ' : null}
                          <kbd>{displayKeys(k)}</kbd>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <section>
          <h3>Mouse</h3>
          <table className="shortcut-table">
            <tbody>
              {MOUSE.map(([gesture, effect]) => (
                <tr key={gesture}>
                  <td>{effect}</td>
                  <td className="muted">{gesture}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <p className="muted">
        Copy and Cut also put the tasks on the system clipboard, so Paste brings them into another dagstudio window or tab (the browser may ask
        to let the page read the clipboard; without that, Paste uses this window’s own copy).
      </p>
    </Modal>
  );
}
