import { isAbsolute, resolve } from 'node:path';
import type { Executor } from '../execute-types';
import { pokeUntil } from '../http/poke';
import { readConfig } from '../http/read-config';
import { fileSensorOperator } from './definition';
import { findMatches, hasGlob } from './glob';

export const executeFileSensor: Executor = async (context) => {
  const config = readConfig(fileSensorOperator, context.config);
  const shown = isAbsolute(config.path) ? config.path : resolve(context.cwd, config.path);
  const kind = hasGlob(config.path) ? 'anything to match' : '';
  context.log(`waiting for ${kind ? `${kind} ${shown}` : shown} (every ${config.poke_interval_s} s, up to ${config.timeout_s} s)\n`);

  const paths = await pokeUntil({
    what: shown,
    intervalS: config.poke_interval_s,
    timeoutS: config.timeout_s,
    signal: context.signal,
    log: context.log,
    poke: async () => {
      const matches = await findMatches(config.path, context.cwd);
      return matches.length > 0 ? { done: true, value: matches } : { done: false, reason: kind ? 'no match yet' : 'not there yet' };
    },
  });
  const listed = paths.length <= 5 ? paths.join(', ') : `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more`;
  context.log(`found ${listed}\n`);
  return { state: 'success', returnValue: paths };
};
