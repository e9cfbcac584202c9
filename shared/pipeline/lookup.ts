import type { OperatorDefinition } from '../operator';

/**
 * How the format code finds operators without importing them (shared/ never imports operators/):
 * a function from id to definition. `ids`, when given, lets "unknown operator" suggest close names.
 */
export type OperatorLookup = ((id: string) => OperatorDefinition | undefined) & { readonly ids?: readonly string[] };
