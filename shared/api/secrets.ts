import { CONNECTION_SECRET_FIELDS, type Connection, type Variable } from '../settings';
import { HostError } from './errors';
import { SECRET_MASK } from './settings-requests';

/** How secrets leave the host (masked) and come back (the mask means "keep what is stored"). */

export function maskVariable(variable: Variable): Variable {
  return variable.secret && variable.value !== '' ? { ...variable, value: SECRET_MASK } : variable;
}

export function maskConnection(connection: Connection): Connection {
  const out: Record<string, unknown> = { ...connection };
  for (const key of CONNECTION_SECRET_FIELDS[connection.type]) {
    if (typeof out[key] === 'string' && out[key] !== '') out[key] = SECRET_MASK;
  }
  return out as Connection;
}

/**
 * The variable to store for an incoming `set`: the mask as the value keeps the stored value, but only when the
 * stored variable is a secret (a mask can never turn a plain value into a leaked one, nor be stored itself).
 */
export function mergeVariable(incoming: Variable, stored: Variable | undefined): Variable {
  if (incoming.value !== SECRET_MASK) return incoming;
  if (stored && stored.secret) return { ...incoming, value: stored.value };
  throw new HostError('bad-request', `variable "${incoming.name}": the value is the secret mask but no secret value is stored; type the value`);
}

/** The connection to store for an incoming `set`: secret fields sent as the mask keep the stored ones (same name and type). */
export function mergeConnection(incoming: Connection, stored: Connection | undefined): Connection {
  const out: Record<string, unknown> = { ...incoming };
  const previous = stored && stored.type === incoming.type ? (stored as Record<string, unknown>) : undefined;
  for (const key of CONNECTION_SECRET_FIELDS[incoming.type]) {
    if (out[key] !== SECRET_MASK) continue;
    if (previous && typeof previous[key] === 'string') out[key] = previous[key];
    else throw new HostError('bad-request', `connection "${incoming.name}": ${key} is the secret mask but no secret is stored; type the value`);
  }
  for (const [key, value] of Object.entries(out)) {
    if (value === SECRET_MASK) throw new HostError('bad-request', `connection "${incoming.name}": ${key} is not a secret field and cannot be the secret mask`);
  }
  return out as Connection;
}
