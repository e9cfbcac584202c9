import ELK from 'elkjs/lib/elk-api';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { ElkLike } from './layout';

/* ELK runs in a worker: laying out 2,000 tasks takes long enough that the page must not wait on it. */
let elk: ElkLike | null = null;

export function getElk(): ElkLike {
  elk ??= new ELK({ workerUrl });
  return elk;
}
