import { useEffect, useState } from 'react';
import { getHost } from '../host';
import { importJson, newPipeline, open, openExample, openPath, recentFiles } from '../files/fileCommands';
import { editor } from '../store/editor';
import { Icon } from '../ui/icons';

interface Example {
  name: string;
  title: string;
  description: string;
  tasks: number;
}

/** The first screen: start a pipeline, reopen a recent one, or explore an example. */
export function Welcome() {
  const [examples, setExamples] = useState<Example[] | null>(null);
  const [recent, setRecent] = useState<{ path: string; name: string; exists: boolean }[]>([]);
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
    void recentFiles().then(setRecent);
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
              <li>
                <button type="button" className="welcome-action" onClick={() => void newPipeline()} data-testid="welcome-new">
                  <Icon name="file-plus" size={18} />
                  <span>New pipeline</span>
                  <kbd>Ctrl+N</kbd>
                </button>
              </li>
              <li>
                <button type="button" className="welcome-action" onClick={() => void open()}>
                  <Icon name="open" size={18} />
                  <span>Open a file…</span>
                  <kbd>Ctrl+O</kbd>
                </button>
              </li>
              <li>
                <button type="button" className="welcome-action" onClick={() => void importJson()}>
                  <Icon name="import" size={18} />
                  <span>Import JSON…</span>
                </button>
              </li>
              <li>
                <button type="button" className="welcome-action" onClick={() => editor().setScreen('editor')}>
                  <Icon name="grid" size={18} />
                  <span>Go to the empty canvas</span>
                </button>
              </li>
            </ul>
            {recent.length ? (
              <>
                <h2>Recent</h2>
                <ul className="file-list">
                  {recent.slice(0, 6).map((f) => (
                    <li key={f.path}>
                      <button type="button" className="file-entry" disabled={!f.exists} onClick={() => void openPath(f.path)}>
                        <Icon name="file" size={15} />
                        <span className="file-name">{f.name}</span>
                        <span className="file-path">{f.path}</span>
                      </button>
                    </li>
                  ))}
                </ul>
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
