import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunRecord, RunSummary } from '../../shared/api/runs';
import { getHost } from '../host';
import { isActive } from './liveRecord';

/*
 * Run history of the open pipeline: the list (newest first) and the full records the grid needs. A finished
 * run's record only changes when one of its tasks is retried or cleared, which arrives as a run-state event;
 * so records are cached and fetched again only then.
 */

/** Runs the list shows; the grid shows the newest GRID_RUNS of them. */
export const LIST_RUNS = 100;
export const GRID_RUNS = 25;

export interface HistoryState {
  dagId: string | null;
  runs: RunSummary[];
  records: ReadonlyMap<string, RunRecord>;
  loading: boolean;
  error: string | null;
}

export const historyStore = createStore<HistoryState>()(() => ({ dagId: null, runs: [], records: new Map(), loading: false, error: null }));

let generation = 0;
const stale = new Set<string>();

/** Loads the list of `dagId`'s runs and the records of the newest few (`withRecords` for the grid). */
export async function refreshHistory(dagId: string, withRecords: boolean): Promise<void> {
  const mine = ++generation;
  if (historyStore.getState().dagId !== dagId) historyStore.setState({ dagId, runs: [], records: new Map(), error: null });
  historyStore.setState({ loading: true });
  try {
    const { runs } = await getHost().runs.list({ dag_id: dagId, limit: LIST_RUNS });
    if (mine !== generation) return;
    historyStore.setState({ runs, loading: withRecords });
    if (!withRecords) return;
    const cached = historyStore.getState().records;
    const wanted = runs.slice(0, GRID_RUNS).filter((r) => !cached.has(r.run_id) || stale.has(r.run_id) || isActive(r) || isActive(cached.get(r.run_id)));
    const fetched = await Promise.all(wanted.map((r) => getHost().runs.get({ run_id: r.run_id }).then((reply) => reply.run, () => null)));
    if (mine !== generation) return;
    const records = new Map(historyStore.getState().records);
    for (const record of fetched) {
      if (!record) continue;
      records.set(record.run_id, record);
      stale.delete(record.run_id);
    }
    historyStore.setState({ records, loading: false });
  } catch (error) {
    if (mine === generation) historyStore.setState({ loading: false, error: error instanceof Error ? error.message : String(error) });
  }
}

/** A run changed state (started, ended, was resumed): its cached record is out of date. */
export function markStale(runId: string): void {
  stale.add(runId);
}

export function useHistory<T>(selector: (state: HistoryState) => T): T {
  return useStore(historyStore, selector);
}
