import type { Problem } from '../problems';
import { PIPELINE_VERSION } from './schema';

/*
 * Migrations as data (excalidraw's pattern): each entry upgrades a document by exactly one
 * version, with a pure `apply`. The list is checked when this module loads, so a migration added
 * out of order fails every test at once instead of corrupting files later.
 *
 * Rules for adding one (when format v2 comes):
 *  - bump PIPELINE_VERSION and add `{ from: 1, to: 2, title, apply }` at the end;
 *  - `apply` receives a private deep copy of a document that is valid for `from` and returns the
 *    document for `to` (it need not set `version`: migrate() does);
 *  - never edit or remove an existing entry: files written by old versions must keep opening.
 */

/** A JSON document as read from a file: a plain object whose fields are not yet checked. */
export type Document = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  /** One line for the user: what changed in the format. */
  title: string;
  apply: (doc: Document) => Document;
}

/** v1 is the first format: nothing to migrate yet. */
export const MIGRATIONS: readonly Migration[] = [];

/** Throws when the list is not a contiguous chain of single steps ending at the current version. */
export function validateMigrations(migrations: readonly Migration[], current = PIPELINE_VERSION): void {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.from) || m.to !== m.from + 1) {
      throw new Error(`migration ${i} ("${m.title}") must go from one version to the next, not ${m.from} → ${m.to}`);
    }
    const previous = migrations[i - 1];
    if (previous !== undefined && m.from !== previous.to) {
      throw new Error(`migration ${i} ("${m.title}") starts at version ${m.from} but the one before it ends at ${previous.to}: migrations must be in order`);
    }
  });
  const last = migrations[migrations.length - 1];
  if (last !== undefined && last.to !== current) {
    throw new Error(`the last migration ("${last.title}") ends at version ${last.to}, not at the current version ${current}`);
  }
}

validateMigrations(MIGRATIONS);

/** The oldest version a list of migrations can read. */
export function oldestReadableVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations[0]?.from ?? PIPELINE_VERSION;
}

export type VersionCheck = { ok: true; version: number } | { ok: false; problem: Problem };

/** Whether a document's `version` can be read at all (present, whole, not newer than this app, not older than the oldest migration). */
export function checkVersion(version: unknown, migrations: readonly Migration[] = MIGRATIONS): VersionCheck {
  if (version === undefined) return { ok: false, problem: { path: 'version', message: `required (the current version is ${PIPELINE_VERSION})` } };
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    const got = typeof version === 'number' ? String(version) : version === null ? 'null' : Array.isArray(version) ? 'array' : typeof version;
    return { ok: false, problem: { path: 'version', message: `must be a whole number, got ${got}` } };
  }
  if (version > PIPELINE_VERSION) {
    return { ok: false, problem: { path: 'version', message: `version ${version} is newer than this dagstudio supports (${PIPELINE_VERSION}); update dagstudio` } };
  }
  const oldest = oldestReadableVersion(migrations);
  if (version < oldest) {
    const readable = oldest === PIPELINE_VERSION ? `version ${oldest}` : `versions ${oldest} to ${PIPELINE_VERSION}`;
    return { ok: false, problem: { path: 'version', message: `version ${version} is not supported; this dagstudio reads ${readable}` } };
  }
  return { ok: true, version };
}

export type MigrationResult = { ok: true; doc: Document; migratedFrom?: number } | { ok: false; problem: Problem };

/** Brings a document up to the current version, one step at a time; the input is never modified. */
export function migrate(doc: Document, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  if (migrations !== MIGRATIONS) validateMigrations(migrations);
  const check = checkVersion(doc.version, migrations);
  if (!check.ok) return check;
  if (check.version === PIPELINE_VERSION) return { ok: true, doc };
  let current: Document = doc;
  for (const step of migrations) {
    if (step.from < check.version) continue;
    try {
      current = { ...step.apply(structuredClone(current)), version: step.to };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: { path: '', message: `cannot upgrade from version ${step.from} to ${step.to} (${step.title}): ${reason}` } };
    }
  }
  return { ok: true, doc: current, migratedFrom: check.version };
}
