import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Connection, Variable } from '../../shared/settings';
import { getHost } from '../host';

/** Variables and connections as the host lists them (secrets come back masked), refreshed after each change. */
export interface HostData {
  connections: Connection[];
  variables: Variable[];
  loaded: boolean;
  error: string | null;
}

export const hostDataStore = createStore<HostData>()(() => ({ connections: [], variables: [], loaded: false, error: null }));

export async function refreshHostData(): Promise<void> {
  try {
    const host = getHost();
    const [c, v] = await Promise.all([host.connections.list({}), host.variables.list({})]);
    hostDataStore.setState({ connections: c.connections, variables: v.variables, loaded: true, error: null });
  } catch (error) {
    hostDataStore.setState({ loaded: true, error: error instanceof Error ? error.message : String(error) });
  }
}

export function useHostData<T>(selector: (data: HostData) => T): T {
  return useStore(hostDataStore, selector);
}
