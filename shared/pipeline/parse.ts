import type { Problem } from '../problems';
import { parseJson } from './json';
import type { OperatorLookup } from './lookup';
import { describeValue } from './messages';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { isRecord } from './raw';
import { ID_MAX_LENGTH, ID_PATTERN, type Pipeline } from './schema';
import { checkFormatField, checkPipeline } from './validate';

export interface ParseOptions {
  /** The migration chain to read older files with (tests pass their own). */
  migrations?: readonly Migration[];
}

export type ParseResult =
  | { ok: true; pipeline: Pipeline; /** Set when the file was written in an older version and upgraded on load. */ migratedFrom?: number }
  | {
      ok: false;
      problems: Problem[];
      /** Present when the structure is sound and only cross-references fail (an unknown operator, a cycle…), so an editor can still open it. */
      pipeline?: Pipeline;
    };

/**
 * Reads a pipeline file's text: JSON, envelope, migrations to the current version, then every rule
 * of validate(). `fileName` is only used to word messages (never read from disk here).
 */
export function parse(text: string, fileName: string, operators: OperatorLookup, options: ParseOptions = {}): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const doc = json.value;
  if (!isRecord(doc)) return { ok: false, problems: [{ path: '', message: `expected a pipeline (a JSON object), got ${describeValue(doc)}` }] };

  const migrated = migrate(doc, options.migrations ?? MIGRATIONS);
  if (!migrated.ok) {
    const format = checkFormatField(doc.format);
    return { ok: false, problems: format ? [format, migrated.problem] : [migrated.problem] };
  }

  const checked = checkPipeline(migrated.doc, operators);
  if (checked.problems.length > 0) {
    const problems = checked.problems.map((p) => (p.path === 'id' && p.message === 'required' ? { ...p, message: withIdHint(fileName) } : p));
    return checked.pipeline ? { ok: false, problems, pipeline: checked.pipeline } : { ok: false, problems };
  }
  const pipeline = checked.pipeline!;
  return migrated.migratedFrom === undefined ? { ok: true, pipeline } : { ok: true, pipeline, migratedFrom: migrated.migratedFrom };
}

/** `required; the file name suggests "pet_detection"` when the file's name makes a valid id. */
function withIdHint(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const stem = base.replace(/\.dag\.json$|\.json$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '_');
  if (stem === '' || stem === '.' || stem === '..' || stem.length > ID_MAX_LENGTH || !ID_PATTERN.test(stem)) return 'required';
  return `required; the file name suggests "${stem}"`;
}
