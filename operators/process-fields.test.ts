import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../shared/operator';
import { bashOperator } from './bash/definition';
import { pythonOperator } from './python/definition';

describe('the process fields', () => {
  it('are on bash and python alike: templated env (key/value) and an advanced, templated working directory', () => {
    for (const op of [bashOperator, pythonOperator]) {
      const byKey = new Map(fieldsOf(op).map((f) => [f.key, f]));
      expect(byKey.get('env'), op.id).toMatchObject({ required: false, ui: { title: 'Environment', widget: 'keyvalue', templated: true } });
      expect(byKey.get('cwd'), op.id).toMatchObject({ required: false, ui: { title: 'Working directory', widget: 'path', templated: true, advanced: true } });
    }
  });

  it('take string values only for env', () => {
    expect(bashOperator.config.safeParse({ command: 'true', env: { A: '1' }, cwd: 'sub' }).success).toBe(true);
    expect(bashOperator.config.safeParse({ command: 'true', env: { A: 1 } }).success).toBe(false);
    expect(pythonOperator.config.safeParse({ code: 'pass', env: { A: 1 } }).success).toBe(false);
  });
});
