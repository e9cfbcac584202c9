import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import { getOperator } from '../../operators/index';
import { fieldsOf } from '../../shared/operator';
import { idSchema, retriesSchema, retryDelaySchema, timeoutSchema, TRIGGER_RULES, type Task } from '../../shared/pipeline/schema';
import { duplicate, deleteSelection } from '../app/editCommands';
import { editor, useEditor } from '../store/editor';
import type { TaskSettingsPatch } from '../store/changes';
import { useTaskSettings } from '../store/useTaskSettings';
import { Icon } from '../ui/icons';
import { CATEGORY_ACCENT } from '../ui/operatorLook';
import { useTaskProblems } from '../validation/useProblems';
import type { LocatedProblem } from '../validation/problemIndex';
import { ConfigForm } from './fields/ConfigForm';
import { FieldShell, mergeMessages } from './fields/FieldShell';
import { NumberInput, SelectInput, TextAreaInput } from './fields/simpleInputs';

/** The selected task: its settings (id, group, retries…, note) and a form generated from its operator's schema. */
export function TaskProperties({ taskId }: { taskId: string }) {
  const task = useTaskSettings(taskId);
  const problems = useTaskProblems(taskId);
  const setConfig = useCallback(
    (key: string, value: unknown) => editor().edit({ type: 'set-config', taskId, key, value }, { key: `config:${taskId}:${key}`, windowMs: 1000 }),
    [taskId],
  );
  if (!task) return null;
  const operator = getOperator(task.operator);
  return (
    <div className="properties" data-testid="task-properties">
      <header className="properties-header" style={{ ['--accent' as string]: operator ? CATEGORY_ACCENT[operator.category] : 'var(--danger)' }}>
        <span className="properties-icon">
          <Icon name={operator?.icon ?? 'box'} size={20} />
        </span>
        <div>
          <div className="properties-title">{operator?.label ?? task.operator}</div>
          <div className="properties-subtitle">{operator?.description ?? `No operator named "${task.operator}" is installed.`}</div>
        </div>
      </header>
      <div className="properties-actions">
        <button type="button" className="button small" onClick={duplicate}>
          <Icon name="copy" size={14} /> Duplicate
        </button>
        <button type="button" className="button small danger-text" onClick={deleteSelection}>
          <Icon name="trash" size={14} /> Delete
        </button>
      </div>
      <section className="form-section" aria-label="Configuration">
        <h3>Configuration</h3>
        {operator ? (
          fieldsOf(operator).length ? (
            <ConfigForm key={taskId} fields={fieldsOf(operator)} value={task.config} onChange={setConfig} problems={problems} base="config" testPrefix="field-" />
          ) : (
            <p className="muted">This operator has nothing to configure.</p>
          )
        ) : (
          <p className="muted">Unknown operator: its config is kept as it is.</p>
        )}
        {operator?.returns ? <p className="field-help returns">Returns: {operator.returns}</p> : null}
        <ProblemLines problems={problems.filter((p) => p.local === 'config' || p.local === '')} />
      </section>
      <TaskSettings task={task} problems={problems} />
    </div>
  );
}

function ProblemLines({ problems }: { problems: readonly LocatedProblem[] }) {
  if (!problems.length) return null;
  return (
    <ul className="field-messages" role="alert">
      {problems.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
}

function schemaMessage(schema: z.ZodType, value: unknown): string | null {
  if (value === undefined) return null;
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid');
}

function TaskSettings({ task, problems }: { task: Task; problems: readonly LocatedProblem[] }) {
  const groups = useEditor((s) => s.doc.groups);
  const defaults = useEditor((s) => s.doc.defaults);
  const patch = (p: TaskSettingsPatch, key: string) => editor().edit({ type: 'set-task-settings', taskId: task.id, patch: p }, { key: `settings:${task.id}:${key}`, windowMs: 1000 });
  const at = (local: string) => problems.filter((p) => p.local === local).map((p) => p.message);
  const ids = { group: useId(), trigger: useId(), retries: useId(), delay: useId(), timeout: useId(), note: useId() };
  const groupOptions = useMemo(() => groups.map((g) => ({ value: g.id, label: g.label ? `${g.label} (${g.id})` : g.id })), [groups]);
  return (
    <section className="form-section" aria-label="Task settings">
      <h3>Task</h3>
      <TaskIdField task={task} problems={at('id')} />
      <FieldShell id={ids.group} label="Group" messages={at('group')} description="Tasks of a group are framed together and exported as an Airflow TaskGroup.">
        <SelectInput id={ids.group} value={task.group} options={groupOptions} emptyLabel="— no group —" onChange={(group) => editor().edit({ type: 'set-groups', taskIds: [task.id], group })} testId="setting-group" />
      </FieldShell>
      <FieldShell id={ids.trigger} label="Trigger rule" messages={at('trigger_rule')} description="When the task runs, given its upstream tasks' states (Airflow's rules).">
        <SelectInput
          id={ids.trigger}
          value={task.trigger_rule}
          options={TRIGGER_RULES}
          emptyLabel={`default (${defaults?.trigger_rule ?? 'all_success'})`}
          onChange={(v) => patch({ trigger_rule: v as Task['trigger_rule'] }, 'trigger_rule')}
          testId="setting-trigger_rule"
        />
      </FieldShell>
      <div className="field-row">
        <FieldShell id={ids.retries} label="Retries" messages={mergeMessages(schemaMessage(retriesSchema, task.retries), at('retries'))}>
          <NumberInput id={ids.retries} value={task.retries} placeholder={String(defaults?.retries ?? 0)} onChange={(v) => patch({ retries: v }, 'retries')} testId="setting-retries" />
        </FieldShell>
        <FieldShell id={ids.delay} label="Retry delay (s)" messages={mergeMessages(schemaMessage(retryDelaySchema, task.retry_delay_s), at('retry_delay_s'))}>
          <NumberInput id={ids.delay} value={task.retry_delay_s} placeholder={String(defaults?.retry_delay_s ?? 0)} onChange={(v) => patch({ retry_delay_s: v }, 'retry_delay_s')} testId="setting-retry_delay_s" />
        </FieldShell>
        <FieldShell id={ids.timeout} label="Timeout (s)" messages={mergeMessages(schemaMessage(timeoutSchema, task.timeout_s), at('timeout_s'))}>
          <NumberInput id={ids.timeout} value={task.timeout_s} placeholder={defaults?.timeout_s !== undefined ? String(defaults.timeout_s) : 'none'} onChange={(v) => patch({ timeout_s: v }, 'timeout_s')} testId="setting-timeout_s" />
        </FieldShell>
      </div>
      <FieldShell id={ids.note} label="Note" description="A sticky note shown on the canvas under the task.">
        <TextAreaInput id={ids.note} value={task.note} onChange={(note) => patch({ note }, 'note')} placeholder="Why this task exists, what to watch…" testId="setting-note" />
      </FieldShell>
    </section>
  );
}

/** The id is renamed when the field is left or Enter is pressed (renaming rewrites edges); its rules are checked as you type. */
function TaskIdField({ task, problems }: { task: Task; problems: string[] }) {
  const id = useId();
  const [draft, setDraft] = useState(task.id);
  useEffect(() => setDraft(task.id), [task.id]);
  const taken = useEditor((s) => draft !== task.id && s.tasksById.has(draft));
  const check = idSchema.safeParse(draft);
  const local = !check.success ? (check.error.issues[0]?.message ?? 'invalid') : taken ? `a task named "${draft}" already exists` : null;
  const commit = () => {
    if (draft === task.id) return;
    if (local) {
      setDraft(task.id);
      return;
    }
    editor().edit({ type: 'rename-task', from: task.id, to: draft });
  };
  const messages = mergeMessages(local, problems);
  return (
    <FieldShell id={id} label="Task id" required messages={messages} description="Unique in the pipeline; renaming keeps every connection.">
      <input
        id={id}
        className="input mono"
        value={draft}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={messages.length > 0 || undefined}
        data-testid="setting-id"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setDraft(task.id);
        }}
      />
    </FieldShell>
  );
}
