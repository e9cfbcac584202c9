import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HostError } from '../../shared/api';

/** The example pipelines shipped in the app's examples folder (`<name>.dag.json`). */

export interface ExampleInfo {
  name: string;
  title: string;
  description: string;
  tasks: number;
  path: string;
}

const SUFFIX = '.dag.json';

export async function listExamples(dir: string | null): Promise<ExampleInfo[]> {
  if (!dir) return [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(SUFFIX)).sort();
  } catch {
    return [];
  }
  const out: ExampleInfo[] = [];
  for (const file of names) {
    const path = join(dir, file);
    const name = file.slice(0, -SUFFIX.length);
    try {
      const doc = JSON.parse(await readFile(path, 'utf8')) as { title?: unknown; description?: unknown; tasks?: unknown };
      out.push({
        name,
        title: typeof doc.title === 'string' ? doc.title : name,
        description: typeof doc.description === 'string' ? doc.description : '',
        tasks: Array.isArray(doc.tasks) ? doc.tasks.length : 0,
        path,
      });
    } catch {
      /* a broken example is left out of the welcome screen rather than breaking it */
    }
  }
  return out;
}

/** The file of an example, by the name listExamples gave (never a path from the caller). */
export async function examplePath(dir: string | null, name: string): Promise<string> {
  const found = (await listExamples(dir)).find((e) => e.name === name);
  if (!found) throw new HostError('not-found', `no example named "${name}"`);
  return found.path;
}
