import { useEffect, useMemo, useRef, useState } from 'react';
import { getHost } from '../host';
import { editor } from '../store/editor';
import { Icon } from '../ui/icons';
import { LogController, type LogTarget, type LogViewState, type ReadLog } from './logController';
import { downloadParts, logFileName, readWholeLog } from './logFile';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function copyToClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without clipboard permission (an insecure origin, an old engine): the classic way.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/**
 * One try's log: the terminal, with search, copy, save, follow and "load earlier". The element with
 * `data-testid="log-<taskId>"` holds the terminal and a plain-text mirror of its newest lines.
 */
export function LogView({ target, dagId }: { target: LogTarget; dagId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const mirror = useRef<HTMLPreElement>(null);
  const controller = useRef<LogController | null>(null);
  const [view, setView] = useState<LogViewState | null>(null);
  const [query, setQuery] = useState('');
  const { runId, taskId, tryNumber } = target;

  const readLog: ReadLog = useMemo(
    () => (start, end) => getHost().runs.readLog({ run_id: runId, task_id: taskId, try_number: tryNumber, start, end }),
    [runId, taskId, tryNumber],
  );

  useEffect(() => {
    if (!box.current || !mirror.current) return;
    mirror.current.textContent = '';
    const c = new LogController(box.current, mirror.current, { runId, taskId, tryNumber }, readLog, setView);
    controller.current = c;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => c.fit());
    });
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      c.dispose();
      controller.current = null;
    };
  }, [runId, taskId, tryNumber, readLog]);

  const find = (backwards = false) => controller.current?.find(query, backwards);
  const save = async () => {
    try {
      downloadParts(logFileName(dagId, runId, taskId, tryNumber), await readWholeLog(readLog));
    } catch (error) {
      editor().notify('error', `Could not save the log: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const copy = async () => {
    const c = controller.current;
    if (!c) return;
    await copyToClipboard(c.copyText());
    editor().notify('success', 'Log copied');
  };

  const status = !view
    ? ''
    : view.error
      ? view.error
      : view.loading
        ? 'loading…'
        : view.lines !== null
          ? `${view.lines.toLocaleString()} lines · ${formatBytes(view.size)}`
          : `from byte ${view.windowStart.toLocaleString()} of ${formatBytes(view.size)}`;

  return (
    <div className="log-view">
      <div className="log-bar">
        <div className="log-search">
          <Icon name="search" size={14} />
          <input
            className="input"
            type="search"
            aria-label="Search log"
            placeholder="Search log"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              if (!e.target.value) controller.current?.clearSearch();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                find(e.shiftKey);
              } else if (e.key === 'Escape') {
                setQuery('');
                controller.current?.clearSearch();
              }
            }}
            data-testid="log-search"
          />
          <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" onClick={() => find(true)} disabled={!query}>
            <Icon name="chevron" size={14} />
          </button>
          <button type="button" className="icon-button" aria-label="Next match" title="Next match (Enter)" onClick={() => find()} disabled={!query}>
            <Icon name="chevron-down" size={14} />
          </button>
          {view?.search && query ? (
            <span className="log-matches" data-testid="log-matches">
              {view.search.count === 0 ? 'no match' : view.search.index >= 0 ? `${view.search.index + 1} of ${view.search.count}` : `${view.search.count}+ matches`}
            </span>
          ) : null}
        </div>
        <span className={`log-status${view?.error ? ' error-text' : ''}`} data-testid="log-status">
          {status}
        </span>
        {view && view.windowStart > 0 ? (
          <button type="button" className="button small" onClick={() => void controller.current?.loadEarlier()} data-testid="log-earlier">
            Load earlier
          </button>
        ) : null}
        <button
          type="button"
          className={`button small${view && !view.following ? ' primary' : ''}`}
          aria-pressed={view?.following ?? true}
          onClick={() => controller.current?.follow()}
          title={view?.attached === false ? 'Newer lines are not shown: jump to the end of the log' : 'Scroll with new output'}
          data-testid="log-follow"
        >
          <Icon name="chevron-down" size={14} />
          {view?.attached === false ? 'Jump to end' : 'Follow'}
        </button>
        <button type="button" className="icon-button" aria-label="Copy log" title="Copy the selection, or the whole log shown" onClick={() => void copy()}>
          <Icon name="copy" size={14} />
        </button>
        <button type="button" className="icon-button" aria-label="Save log" title="Save the whole log to a file" onClick={() => void save()}>
          <Icon name="export" size={14} />
        </button>
      </div>
      <div className="log-body" data-testid={`log-${taskId}`} data-try={tryNumber} data-following={view?.following ? 'true' : 'false'} data-lines={view?.lines ?? ''}>
        <div ref={box} className="log-terminal" />
        <pre ref={mirror} className="visually-hidden log-mirror" aria-label={`Newest lines of the log of ${taskId}, try ${tryNumber}`} />
      </div>
    </div>
  );
}
