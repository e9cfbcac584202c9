import { closeDialog } from '../app/dialogs';
import { displayKeys, SHORTCUTS, type Shortcut } from '../app/shortcuts';
import { Modal } from './Modal';

const SECTIONS: Shortcut['section'][] = ['File', 'Edit', 'Canvas', 'Run', 'Help'];

const MOUSE: [string, string][] = [
  ['Drag an operator onto the canvas', 'Add a task there'],
  ['Click an operator', 'Add a task at the centre'],
  ['Drag from a task’s right handle to another’s left', 'Connect (upstream → downstream)'],
  ['Shift + drag on the canvas', 'Select with a box'],
  ['Ctrl/⌘ + click', 'Add to the selection'],
  ['Drag the canvas, scroll', 'Pan, zoom'],
  ['Double-click a group', 'Collapse or expand it'],
];

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
                {SHORTCUTS.filter((s) => s.section === section).map((s) => (
                  <tr key={s.keys}>
                    <td>{s.label}</td>
                    <td>
                      <kbd>{displayKeys(s.keys)}</kbd>
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
    </Modal>
  );
}
