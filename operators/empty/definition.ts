import { z } from 'zod';
import { defineOperator } from '../../shared/operator';

export const emptyOperator = defineOperator({
  id: 'empty',
  label: 'Empty',
  category: 'Core',
  description: 'Does nothing: a join point or a placeholder (Airflow’s EmptyOperator).',
  icon: 'circle',
  config: z.strictObject({}),
});
