import { useId, useState } from 'react';
import { idSchema, SCHEDULE_PRESETS, scheduleSchema, retriesSchema, retryDelaySchema, timeoutSchema, TRIGGER_RULES, type TaskDefaults } from '../../shared/pipeline/schema';
import { closeDialog } from '../app/dialogs';
import { FieldShell, mergeMessages } from '../properties/fields/FieldShell';
import { JsonInput } from '../properties/fields/JsonInput';
import { NumberInput, SelectInput, TextAreaInput, TextInput } from '../properties/fields/simpleInputs';
import type { PipelineMetaPatch } from '../store/changes';
import { editor, useEditor } from '../store/editor';
import { usePipelineProblems } from '../validation/useProblems';
import { Modal } from './Modal';

function messageOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown): string | null {
  if (value === undefined) return null;
  const r = schema.safeParse(value);
  return r.success ? null : (r.error?.issues[0]?.message ?? 'invalid');
}

/** The pipeline's own settings; each edit is a step of the undo history like any other. */
export function PipelineSettingsDialog() {
  const doc = useEditor((s) => s.doc);
  const problems = usePipelineProblems();
  const at = (path: string) => problems.filter((p) => p.path === path || p.path.startsWith(path + '.') || p.path.startsWith(path + '[')).map((p) => p.message);
  const ids = { id: useId(), title: useId(), description: useId(), schedule: useId(), params: useId(), retries: useId(), delay: useId(), timeout: useId(), rule: useId() };
  const [paramsSyntax, setParamsSyntax] = useState<string | null>(null);
  const patch = (p: PipelineMetaPatch, key: string) => editor().edit({ type: 'set-pipeline', patch: p }, { key: `pipeline:${key}`, windowMs: 1000 });
  const setDefault = (key: keyof TaskDefaults, value: unknown) => {
    const next: Record<string, unknown> = { ...(doc.defaults ?? {}) };
    if (value === undefined) delete next[key];
    else next[key] = value;
    patch({ defaults: Object.keys(next).length ? (next as TaskDefaults) : undefined }, `defaults.${key}`);
  };
  return (
    <Modal title="Pipeline settings" onClose={closeDialog} wide testId="pipeline-settings" footer={<button type="button" className="button primary" onClick={closeDialog}>Done</button>}>
      <div className="form-grid">
        <FieldShell id={ids.id} label="DAG id" required messages={mergeMessages(messageOf(idSchema, doc.id), at('id'))} description="Airflow’s dag_id: letters, digits, “_”, “-” and “.”.">
          <TextInput id={ids.id} value={doc.id} onChange={(v) => patch({ id: v ?? '' }, 'id')} testId="pipeline-id" />
        </FieldShell>
        <FieldShell id={ids.title} label="Title">
          <TextInput id={ids.title} value={doc.title} onChange={(v) => patch({ title: v }, 'title')} testId="pipeline-title" />
        </FieldShell>
        <FieldShell id={ids.description} label="Description">
          <TextAreaInput id={ids.description} value={doc.description} onChange={(v) => patch({ description: v }, 'description')} testId="pipeline-description" />
        </FieldShell>
        <FieldShell
          id={ids.schedule}
          label="Schedule"
          messages={mergeMessages(messageOf(scheduleSchema, doc.schedule ?? null), at('schedule'))}
          description={`A cron expression (“0 6 * * *”) or ${SCHEDULE_PRESETS.slice(0, 4).join(', ')}…; empty means run by hand.`}
        >
          <input
            id={ids.schedule}
            className="input mono"
            list={`${ids.schedule}-presets`}
            value={doc.schedule ?? ''}
            placeholder="none"
            data-testid="pipeline-schedule"
            onChange={(e) => patch({ schedule: e.target.value.trim() === '' ? null : e.target.value }, 'schedule')}
          />
          <datalist id={`${ids.schedule}-presets`}>
            {SCHEDULE_PRESETS.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </FieldShell>
        <FieldShell id={ids.params} label="Params" messages={mergeMessages(paramsSyntax, at('params'))} description="Run parameters and their defaults, as a JSON object: {{ params.name }} in templates.">
          <span id={`${ids.params}-label`} className="visually-hidden">
            Params
          </span>
          <JsonInput
            labelId={`${ids.params}-label`}
            value={doc.params}
            onChange={(v) => {
              if (v === undefined) patch({ params: {} }, 'params');
              else if (v && typeof v === 'object' && !Array.isArray(v)) patch({ params: v as Record<string, unknown> }, 'params');
              else setParamsSyntax('params must be a JSON object');
            }}
            onSyntax={setParamsSyntax}
            testId="pipeline-params"
          />
        </FieldShell>
        <fieldset className="object-field">
          <legend>Task defaults</legend>
          <div className="field-help">Every task uses these unless it sets its own.</div>
          <div className="field-row">
            <FieldShell id={ids.retries} label="Retries" messages={mergeMessages(messageOf(retriesSchema, doc.defaults?.retries), at('defaults.retries'))}>
              <NumberInput id={ids.retries} value={doc.defaults?.retries} placeholder="0" onChange={(v) => setDefault('retries', v)} testId="defaults-retries" />
            </FieldShell>
            <FieldShell id={ids.delay} label="Retry delay (s)" messages={mergeMessages(messageOf(retryDelaySchema, doc.defaults?.retry_delay_s), at('defaults.retry_delay_s'))}>
              <NumberInput id={ids.delay} value={doc.defaults?.retry_delay_s} placeholder="0" onChange={(v) => setDefault('retry_delay_s', v)} testId="defaults-retry_delay_s" />
            </FieldShell>
            <FieldShell id={ids.timeout} label="Timeout (s)" messages={mergeMessages(messageOf(timeoutSchema, doc.defaults?.timeout_s), at('defaults.timeout_s'))}>
              <NumberInput id={ids.timeout} value={doc.defaults?.timeout_s} placeholder="none" onChange={(v) => setDefault('timeout_s', v)} testId="defaults-timeout_s" />
            </FieldShell>
          </div>
          <FieldShell id={ids.rule} label="Trigger rule">
            <SelectInput id={ids.rule} value={doc.defaults?.trigger_rule} options={TRIGGER_RULES} emptyLabel="default (all_success)" onChange={(v) => setDefault('trigger_rule', v)} testId="defaults-trigger_rule" />
          </FieldShell>
        </fieldset>
      </div>
    </Modal>
  );
}
