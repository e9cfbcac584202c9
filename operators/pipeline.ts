import type { Problem } from '../shared/problems';
import { parse, serialize, validate, type OperatorLookup, type ParseOptions, type ParseResult, type Pipeline } from '../shared/pipeline';
import { getOperator, operatorIds } from './index';

/** The pipeline format bound to the registry of every operator: what the app, the CLI and the runner call. */

export const registryLookup: OperatorLookup = Object.assign((id: string) => getOperator(id), { ids: operatorIds() });

/** Reads a pipeline file's text; `fileName` only words messages. */
export function parsePipeline(text: string, fileName: string, options?: ParseOptions): ParseResult {
  return parse(text, fileName, registryLookup, options);
}

/** Every problem of a pipeline held in memory; empty when it is valid. */
export function validatePipeline(pipeline: unknown): Problem[] {
  return validate(pipeline, registryLookup);
}

/** The canonical file text, with each task's config keys in its operator's declared order. */
export function serializePipeline(pipeline: Pipeline): string {
  return serialize(pipeline, registryLookup);
}
