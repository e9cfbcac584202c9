import { expect, it } from 'vitest';
import { commandLine } from './command-line';

it('quotes only the arguments a shell would split or expand', () => {
  expect(commandLine('docker', ['build', '--build-arg', 'A=b c', "it's", '', '--tag', 'r/app:1.0'])).toBe(
    "docker build --build-arg 'A=b c' 'it'\\''s' '' --tag r/app:1.0",
  );
});
