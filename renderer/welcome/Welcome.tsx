import { useEffect, useState } from 'react';
import { getHost } from '../host';
import { importJson, newPipeline, open, openExample, openPath } from '../files/fileCommands';
import { RecentFileList, useRecentFiles } from '../dialogs/RecentFileList';
import { editor } from '../store/editor';
import { Icon } from '../ui/icons';

interface Example {
  name: string;
  title: string;
  description: string;
  tasks: number;
}

interface StartAction {
  icon: string;
  label: string;
  run: () => void;
  keys?: string;
  testId?: string;
}

const START_ACTIONS: readonly StartAction[] = [
  { icon: 'file-plus', label: 'New pipeline', run: () => void newPipeline(), keys: 'Ctrl+N', testId: 'welcome-new' },
  { icon: 'open', label: 'Open a file…', run: () => void open(), keys: 'Ctrl+O' },
  { icon: 'import', label: 'Import JSON…', run: () => void importJson() },
  { icon: 'grid', label: 'Go to the empty canvas', run: () => editor().setScreen('editor') },
];

/** The first screen: start a pipeline, reopen a recent one, or explore an example. */
export function Welcome() {
  const [examples, setExamples] = useState<Example[] | null>(null);
  const recent = useRecentFiles();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getHost()
      .examples.list({})
      .then(
        (r) => setExamples(r.examples),
        (e: unknown) => {
          setExamples([]);
          setError(e instanceof Error ? e.message : String(e));
        },
      );
  }, []);
  return (
    <div className="welcome" data-testid="welcome">
      <div className="welcome-inner">
        <div className="welcome-hero">
          <Icon name="logo" size={40} />
          <div>
            <h1>dagstudio</h1>
            <p>Design, run and export machine-learning pipelines as DAGs — with Airflow’s semantics, on your machine.</p>
          </div>
        </div>
        <div className="welcome-columns">
          <section aria-labelledby="welcome-start">
            <h2 id="welcome-start">Start</h2>
            <ul className="welcome-actions">
              {START_ACTIONS.map((a) => (
                <li key={a.label}>
                  <button type="button" className="welcome-action" onClick={a.run} data-testid={a.testId}>
                    <Icon name={a.icon} size={18} />
                    <span>{a.label}</span>
                    {a.keys ? <kbd>{a.keys}</kbd> : null}
                  </button>
                </li>
              ))}
            </ul>
            {recent.length ? (
              <>
                <h2>Recent</h2>
                <RecentFileList files={recent.slice(0, 6)} onOpen={(path) => void openPath(path)} />
              </>
            ) : null}
          </section>
          <section aria-labelledby="welcome-examples">
            <h2 id="welcome-examples">Examples</h2>
            {error ? <p className="error-text">{error}</p> : null}
            {examples === null ? <p className="muted">Loading…</p> : null}
            {examples?.length === 0 && !error ? <p className="muted">No examples are installed.</p> : null}
            <ul className="example-list">
              {examples?.map((ex) => (
                <li key={ex.name}>
                  <button type="button" className="example-card" onClick={() => void openExample(ex.name)} data-testid={`example-${ex.name}`}>
                    <span className="example-title">{ex.title}</span>
                    <span className="example-description">{ex.description}</span>
                    <span className="example-meta">
                      {ex.tasks} tasks · {ex.name}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
