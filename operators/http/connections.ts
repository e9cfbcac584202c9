import type { Connection } from '../../shared/settings';
import type { TaskRunContext } from '../execute-types';
import { oneLine } from './read-config';

/** A stored connection of the type an operator needs, or one clear line saying what is wrong with it. */
export function connectionOfType<T extends Connection['type']>(
  context: Pick<TaskRunContext, 'connection'>,
  name: string,
  type: T,
): Extract<Connection, { type: T }> {
  let found: Connection;
  try {
    found = context.connection(name);
  } catch (error) {
    throw new Error(oneLine(error));
  }
  if (found.type !== type) throw new Error(`connection "${name}" is an ${found.type} connection; this field needs an ${type} connection`);
  return found as Extract<Connection, { type: T }>;
}
