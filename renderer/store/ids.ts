import { ID_MAX_LENGTH } from '../../shared/pipeline/schema';

/** The first of `base`, `base_2`, `base_3`… that is not taken (ids stay within Airflow's length limit). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, ID_MAX_LENGTH - 8) || 'task';
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A fresh id for a new task of an operator: `bash_1`, `bash_2`… */
export function newTaskId(operator: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${operator}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Strips a copy suffix so pasting `load_2` twice gives `load_3`, not `load_2_2`. */
export function copyBase(id: string): string {
  return id.replace(/_\d+$/, '');
}
