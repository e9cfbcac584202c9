import { describe, expect, it } from 'vitest';
import { TRIGGER_RULES } from './schema';
import { sampleDoc, testOperators } from './testing';
import { validate } from './validate';

/* Rules about the shape of the document: required fields, types, unknown fields, ids, enums and ranges. */

const check = (doc: unknown) => validate(doc, testOperators);

describe('a valid document', () => {
  it('has no problems', () => {
    expect(check(sampleDoc())).toEqual([]);
  });

  it('accepts every trigger rule, schedule presets and cron expressions', () => {
    for (const rule of TRIGGER_RULES) {
      const doc = sampleDoc();
      doc.tasks[0]!.trigger_rule = rule;
      expect(check(doc)).toEqual([]);
    }
    for (const schedule of ['@daily', '0 6 * * *', '*/5 * * * 1-5', '0 0 6 * * *', null]) {
      expect(check({ ...sampleDoc(), schedule })).toEqual([]);
    }
  });
});

describe('the top level', () => {
  it('must be an object', () => {
    expect(check([1, 2])).toEqual([{ path: '', message: 'expected a pipeline (a JSON object), got array' }]);
    expect(check(null)).toEqual([{ path: '', message: 'expected a pipeline (a JSON object), got null' }]);
  });

  it('requires format and names the expected value', () => {
    const { format: _, ...doc } = sampleDoc();
    expect(check(doc)).toEqual([{ path: 'format', message: 'required (a pipeline file says "format": "dagstudio/pipeline")' }]);
  });

  it('refuses another format and quotes what it found', () => {
    expect(check({ ...sampleDoc(), format: 'excalidraw' })).toEqual([{ path: 'format', message: 'must be "dagstudio/pipeline", got "excalidraw"' }]);
    expect(check({ ...sampleDoc(), format: 7 })).toEqual([{ path: 'format', message: 'must be "dagstudio/pipeline", got number' }]);
  });

  it('requires a whole-number version', () => {
    const { version: _, ...doc } = sampleDoc();
    expect(check(doc)).toEqual([{ path: 'version', message: 'required (the current version is 1)' }]);
    expect(check({ ...sampleDoc(), version: '1' })).toEqual([{ path: 'version', message: 'must be a whole number, got string' }]);
    expect(check({ ...sampleDoc(), version: 1.5 })).toEqual([{ path: 'version', message: 'must be a whole number, got 1.5' }]);
  });

  it('refuses a newer version, saying so, without judging its fields by old rules', () => {
    expect(check({ ...sampleDoc(), version: 3, tasks: 'whatever v3 means' })).toEqual([
      { path: 'version', message: 'version 3 is newer than this dagstudio supports (1); update dagstudio' },
    ]);
  });

  it('requires tasks to be an array', () => {
    const { tasks: _, ...doc } = sampleDoc();
    expect(check({ ...doc, edges: [] })).toEqual([{ path: 'tasks', message: 'required' }]);
    expect(check({ ...sampleDoc(), tasks: {}, edges: [] })).toEqual([{ path: 'tasks', message: 'must be an array, got object' }]);
  });

  it('names an unknown top-level field and suggests the close one', () => {
    expect(check({ ...sampleDoc(), colour: 'red' })).toEqual([{ path: 'colour', message: 'unknown field' }]);
    expect(check({ ...sampleDoc(), titel: 'Demo' })).toEqual([{ path: 'titel', message: 'unknown field; did you mean "title"?' }]);
  });

  it('checks the types of optional fields', () => {
    expect(check({ ...sampleDoc(), title: 42 })).toEqual([{ path: 'title', message: 'must be a string, got number' }]);
    expect(check({ ...sampleDoc(), params: [] })).toEqual([{ path: 'params', message: 'must be an object, got array' }]);
  });

  it('refuses a schedule that is neither cron nor a preset', () => {
    expect(check({ ...sampleDoc(), schedule: 'daily' })).toEqual([
      { path: 'schedule', message: 'must be a cron expression like "0 6 * * *" or one of: @once, @continuous, @hourly, @daily, @weekly, @monthly, @quarterly, @yearly, @annually' },
    ]);
  });
});

describe('ids', () => {
  it('follow Airflow’s characters for the dag id', () => {
    expect(check({ ...sampleDoc(), id: 'my dag' })).toEqual([{ path: 'id', message: 'may contain only letters, digits, "_", "-" and "."' }]);
  });

  it('refuse path separators in a task id', () => {
    const doc = sampleDoc();
    doc.tasks[2]!.id = 'x/../../etc';
    doc.edges = [];
    expect(check(doc)).toEqual([{ path: 'tasks[2].id', message: 'must not contain "/" or "\\" (ids become file and folder names)' }]);
    doc.tasks[2]!.id = 'x\\y';
    expect(check(doc)).toEqual([{ path: 'tasks[2].id', message: 'must not contain "/" or "\\" (ids become file and folder names)' }]);
  });

  it('refuse "." and ".."', () => {
    const doc = sampleDoc();
    doc.tasks[2]!.id = '..';
    doc.edges = [];
    expect(check(doc)).toEqual([{ path: 'tasks[2].id', message: 'must not be "." or ".." (ids become file and folder names)' }]);
  });

  it('are at most 250 characters', () => {
    expect(check({ ...sampleDoc(), id: 'd'.repeat(250) })).toEqual([]);
    expect(check({ ...sampleDoc(), id: 'd'.repeat(251) })).toEqual([{ path: 'id', message: 'must be at most 250 characters' }]);
  });

  it('are not empty (one message, not two)', () => {
    expect(check({ ...sampleDoc(), id: '' })).toEqual([{ path: 'id', message: 'must not be empty' }]);
  });

  it('of groups may not contain "." (Airflow joins group and task ids with it)', () => {
    const doc = sampleDoc();
    doc.groups[0]!.id = 'data.prep';
    doc.tasks[1]!.group = 'data.prep';
    expect(check(doc)).toEqual([
      { path: 'groups[0].id', message: 'may contain only letters, digits, "_" and "-" (Airflow joins group and task ids with ".")' },
      { path: 'tasks[1].group', message: 'may contain only letters, digits, "_" and "-" (Airflow joins group and task ids with ".")' },
    ]);
  });
});

describe('tasks', () => {
  it('name an unknown field with the task’s path', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.colour = 'red';
    expect(check(doc)).toEqual([{ path: 'tasks[0].colour', message: 'unknown field' }]);
  });

  it('name unknown fields at any depth', () => {
    const doc = sampleDoc();
    doc.tasks[1]!.position = { x: 1, y: 2, z: 3 };
    doc.groups[0]!.lable = 'x';
    expect(check(doc)).toEqual([
      { path: 'groups[0].lable', message: 'unknown field; did you mean "label"?' },
      { path: 'tasks[1].position.z', message: 'unknown field' },
    ]);
  });

  it('require id, operator, config and position', () => {
    const doc = sampleDoc();
    doc.tasks.push({});
    expect(check(doc)).toEqual([
      { path: 'tasks[3].id', message: 'required' },
      { path: 'tasks[3].operator', message: 'required' },
      { path: 'tasks[3].config', message: 'required' },
      { path: 'tasks[3].position', message: 'required' },
    ]);
  });

  it('must be objects', () => {
    const doc = sampleDoc();
    doc.tasks.push('d' as unknown as Record<string, unknown>);
    expect(check(doc)).toEqual([{ path: 'tasks[3]', message: 'must be an object, got string' }]);
  });

  it('take a trigger rule from Airflow’s set, listing them', () => {
    const doc = sampleDoc();
    doc.tasks[2]!.trigger_rule = 'any_success';
    expect(check(doc)).toEqual([{ path: 'tasks[2].trigger_rule', message: `must be one of: ${TRIGGER_RULES.join(', ')}` }]);
  });
});

describe('numeric ranges', () => {
  const cases: [string, unknown, string][] = [
    ['retries', -1, 'must be 0 or more'],
    ['retries', 101, 'must be at most 100'],
    ['retries', 1.5, 'must be a whole number'],
    ['retries', '3', 'must be a number, got string'],
    ['retry_delay_s', -5, 'must be 0 or more'],
    ['retry_delay_s', 86_401, 'must be at most 86400 (one day)'],
    ['timeout_s', 0, 'must be more than 0'],
    ['timeout_s', 604_801, 'must be at most 604800 (one week)'],
  ];

  it.each(cases)('on a task: %s = %j is refused (%s)', (field, value, message) => {
    const doc = sampleDoc();
    doc.tasks[1]![field] = value;
    expect(check(doc)).toEqual([{ path: `tasks[1].${field}`, message }]);
  });

  it.each(cases)('in defaults: %s = %j is refused (%s)', (field, value, message) => {
    expect(check({ ...sampleDoc(), defaults: { [field]: value } })).toEqual([{ path: `defaults.${field}`, message }]);
  });

  it('accept the bounds themselves', () => {
    const doc = sampleDoc();
    Object.assign(doc.tasks[0]!, { retries: 0, retry_delay_s: 0, timeout_s: 0.5 });
    Object.assign(doc.tasks[1]!, { retries: 100, retry_delay_s: 86_400, timeout_s: 604_800 });
    expect(check(doc)).toEqual([]);
  });

  it('in defaults name an unknown field and suggest the close ones', () => {
    expect(check({ ...sampleDoc(), defaults: { retry: 2 } })).toEqual([{ path: 'defaults.retry', message: 'unknown field; did you mean one of: "retries", "retry_delay_s"?' }]);
  });
});
