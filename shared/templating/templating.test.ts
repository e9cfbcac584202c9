import { describe, expect, it } from 'vitest';
import { buildTemplateContext, renderConfig, renderString } from './index';

const context = (over: Partial<Parameters<typeof buildTemplateContext>[0]> = {}) =>
  buildTemplateContext({
    dagId: 'etl',
    taskId: 'load',
    operator: 'bash',
    runId: 'manual__2024-05-01T123456.789Z',
    tryNumber: 2,
    logicalDate: '2024-05-01T12:34:56.789Z',
    params: { n: 3, cfg: { a: 1 } },
    variables: { bucket: 'data', settings: '{"region":"eu"}' },
    xcom: (id) => (id === 'extract' ? { found: true, value: { rows: 10 } } : id === 'count' ? { found: true, value: 7 } : { found: false }),
    taskStates: () => ({ extract: 'success', broken: 'failed', load: 'running' }),
    ...over,
  });

describe('templating', () => {
  it("renders Airflow's date names from the logical date", () => {
    expect(renderString('{{ ds }} {{ ds_nodash }} {{ ts }} {{ ts_nodash }}', context())).toBe(
      '2024-05-01 20240501 2024-05-01T12:34:56+00:00 20240501T123456',
    );
    expect(renderString("{{ macros.ds_add(ds, -1) }}", context())).toBe('2024-04-30');
  });

  it('renders params, variables, task, dag and try number', () => {
    expect(renderString('{{ params.n * 2 }} {{ var.value.bucket }} {{ var.json.settings.region }}', context())).toBe('6 data eu');
    expect(renderString('{{ task.task_id }}@{{ dag.dag_id }}#{{ ti.try_number }} {{ run_id }}', context())).toBe(
      'load@etl#2 manual__2024-05-01T123456.789Z',
    );
    expect(renderString("{{ var.value.get('missing', 'fallback') }}", context())).toBe('fallback');
  });

  it('pulls return values with keyword or positional arguments, and prints objects as JSON', () => {
    expect(renderString("{{ ti.xcom_pull(task_ids='count') + 1 }}", context())).toBe('8');
    expect(renderString("{{ ti.xcom_pull('extract') }}", context())).toBe('{"rows":10}');
    expect(renderString("{{ ti.xcom_pull(task_ids='extract', key='rows') }}", context())).toBe('10');
    expect(renderString("{{ ti.xcom_pull(task_ids=['count', 'extract']) | tojson }}", context())).toBe('[7,{"rows":10}]');
    expect(renderString('{{ params.cfg }}', context())).toBe('{"a":1}');
  });

  it('lists the failed tasks for notify messages', () => {
    expect(renderString("{{ failed_tasks | join(', ') }}", context())).toBe('broken');
  });

  it('refuses undefined names instead of printing nothing', () => {
    expect(() => renderString('echo {{ params.missing }}', context())).toThrow(/undefined value in \{\{ params.missing \}\}/);
    expect(() => renderString('{{ var.value.nope }}', context())).toThrow(/variable "nope" does not exist/);
    expect(() => renderString("{{ ti.xcom_pull(task_ids='none') }}", context())).toThrow(/undefined value/);
    expect(() => renderString('{{ oops(', context())).toThrow(/invalid template syntax/);
    expect(() => renderString('a {{ x ', context())).toThrow(/expected variable end/);
  });

  it('renders templated fields deeply and names the failing field', () => {
    const config = { command: 'echo {{ ds }}', env: { A: '{{ params.n }}', B: '{{ nope }}' }, cwd: '{{ nope }}' };
    const result = renderConfig(config, ['command', 'env'], context(), 'tasks.load.config');
    expect(result).toEqual({ ok: false, problem: { path: 'tasks.load.config.env.B', message: expect.stringMatching(/^template error: .*undefined value/) } });
    const ok = renderConfig({ command: 'echo {{ ds }}', cwd: '{{ untouched }}' }, ['command'], context(), 'tasks.load.config');
    expect(ok).toEqual({ ok: true, config: { command: 'echo 2024-05-01', cwd: '{{ untouched }}' } });
  });
});
