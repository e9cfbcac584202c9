import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellJoin } from './shell';

describe('shellJoin', () => {
  it('gives bash back the very same words', () => {
    const words = ['docker', 'build', '--tag', 'app:{{ ds }}', "it's", 'a b', '$HOME', '`x`', '', 'back\\slash', 'é', 'semi;colon', '--x=1'];
    const script = `for w in ${shellJoin(words)}; do printf '%s\\0' "$w"; done`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(result.stdout.split('\0').slice(0, -1)).toEqual(words);
  });

  it('leaves plain words unquoted so the command reads as typed', () => {
    expect(shellJoin(['kubectl', 'apply', '-f', 'k8s/deploy.yaml', '--dry-run=client'])).toBe('kubectl apply -f k8s/deploy.yaml --dry-run=client');
  });
});
