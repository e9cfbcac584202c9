import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every task log a runner wrote under `dataDir` (logs/<dag>/<run>/<task>/<try>.log), joined: for "no secret anywhere" checks. */
export function allLogText(dataDir: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.log')) out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(dataDir, 'logs'));
  return out.join('\n');
}
