import type { Pipeline } from '../../shared/pipeline/schema';
import type { Problem } from '../../shared/problems';
import { closeDialog } from '../app/dialogs';
import { acceptImport } from '../files/fileCommands';
import { Modal } from './Modal';

/** A file that is not a clean pipeline: its problems, one per line; the open pipeline has not been touched. */
export function ImportProblemsDialog({ fileName, problems, pipeline, intro }: { fileName: string; problems: Problem[]; pipeline?: Pipeline | null; intro?: string }) {
  return (
    <Modal
      title={`${fileName} has ${problems.length} problem${problems.length === 1 ? '' : 's'}`}
      onClose={closeDialog}
      wide
      testId="import-problems"
      footer={
        <>
          {pipeline ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                closeDialog();
                void acceptImport(pipeline);
              }}
            >
              Open anyway
            </button>
          ) : null}
          <button type="button" className="button primary" onClick={closeDialog} data-autofocus>
            Close
          </button>
        </>
      }
    >
      <p>{intro ?? 'The file was not loaded; the pipeline you have open is unchanged.'}</p>
      <ul className="problem-lines" role="list">
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path || '(file)'}</code> {p.message}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
