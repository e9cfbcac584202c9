/*
 * Readers for a document whose structure is not yet known to be valid. The cross-reference rules
 * (unique ids, edges, groups, cycles) run on whatever parts are readable, so a file with a wrong
 * type in one task still gets every other problem reported in the same pass.
 */

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object entries of an array field with their indexes; non-objects are skipped (the schema reports them). */
export function recordsOf(value: unknown): { index: number; item: Raw }[] {
  if (!Array.isArray(value)) return [];
  const out: { index: number; item: Raw }[] = [];
  value.forEach((item, index) => {
    if (isRecord(item)) out.push({ index, item });
  });
  return out;
}

/** A non-empty string field, or undefined. */
export function stringField(item: Raw, key: string): string | undefined {
  const value = item[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
