import type { OperatorDefinition } from '../shared/operator';
import { bashOperator } from './bash/definition';
import { emptyOperator } from './empty/definition';
import { pythonOperator } from './python/definition';

/** Every operator definition, in palette order. Pure: imported by the renderer, the runner and the exporter. */
export const OPERATORS: readonly OperatorDefinition[] = [
  bashOperator as unknown as OperatorDefinition,
  pythonOperator as unknown as OperatorDefinition,
  emptyOperator as unknown as OperatorDefinition,
];

const byId = new Map(OPERATORS.map((op) => [op.id, op]));

export function getOperator(id: string): OperatorDefinition | undefined {
  return byId.get(id);
}

export function operatorIds(): string[] {
  return OPERATORS.map((op) => op.id);
}
