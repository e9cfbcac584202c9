import { existsSync, readFileSync } from 'node:fs';

/**
 * What a task wrote to DAGSTUDIO_RETURN_FILE (DESIGN.md §3): its JSON, or its text (trimmed) when it is not
 * JSON; `found: false` when it wrote none.
 */
export function readReturnFile(path: string): { found: boolean; value?: unknown } {
  // Most tasks write none: a cheap check first spares an exception per task.
  if (!existsSync(path)) return { found: false };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { found: false };
  }
  try {
    return { found: true, value: JSON.parse(text) };
  } catch {
    return { found: true, value: text.trim() };
  }
}
