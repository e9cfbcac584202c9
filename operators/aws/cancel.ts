/* One cancellation mechanism for every operator family: see operators/cancel.ts. */
export { CancelledError, sleep, throwIfCancelled } from '../cancel';
