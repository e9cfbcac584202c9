/**
 * The pipeline format at scale: a generated, realistic 10,000-task pipeline is parsed and
 * validated, and serialized, and each figure is compared with plain JSON.parse / JSON.stringify
 * of the same text (the floor no validator can beat). Aim: parse+validate within 10x of JSON.parse.
 */
import { bashOperator } from '../operators/bash/definition';
import { emptyOperator } from '../operators/empty/definition';
import { pythonOperator } from '../operators/python/definition';
import type { OperatorDefinition } from '../shared/operator';
import { parse, serialize, validate, type OperatorLookup, type Pipeline, type PipelineInput } from '../shared/pipeline';

const TASKS = 10_000;
const LAYERS = 100;
const WARMUP = 5;
const RUNS = 15;
const AIM = 10;

const definitions = [bashOperator, pythonOperator, emptyOperator] as unknown as OperatorDefinition[];
const byId = new Map(definitions.map((d) => [d.id, d]));
const operators: OperatorLookup = Object.assign((id: string) => byId.get(id), { ids: definitions.map((d) => d.id) });

/** A small deterministic PRNG (mulberry32), so every run measures the same file. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bash tasks in layers (each fed by one to three tasks of the layer before), a few nested groups, the odd retry and trigger rule. */
function generate(): PipelineInput {
  const rand = random(42);
  const perLayer = TASKS / LAYERS;
  const groups = [
    { id: 'ingest', label: 'Ingest' },
    { id: 'features', label: 'Features' },
    { id: 'text', label: 'Text features', parent: 'features' },
    { id: 'images', label: 'Image features', parent: 'features' },
    { id: 'training', label: 'Training' },
    { id: 'reporting', label: 'Reporting' },
  ];
  const tasks: PipelineInput['tasks'] = [];
  const edges: { from: string; to: string }[] = [];
  for (let layer = 0; layer < LAYERS; layer++) {
    for (let i = 0; i < perLayer; i++) {
      const id = `l${layer}_task_${i}`;
      const task: PipelineInput['tasks'][number] = {
        id,
        operator: 'bash',
        config: {
          command: `python -m pipeline.step --layer ${layer} --part ${i} --date {{ ds }} --input "{{ ti.xcom_pull(task_ids='${layer > 0 ? `l${layer - 1}_task_${i}` : 'start'}') }}"`,
        },
        position: { x: layer * 240, y: i * 90 },
      };
      if (i % 3 === 0) task.config.env = { STEP: String(i), REGION: '{{ params.region }}' };
      if (i % 10 === 0) task.group = groups[layer % groups.length]!.id;
      if (i % 17 === 0) task.retries = 2;
      if (i % 29 === 0) task.trigger_rule = 'all_done';
      if (i % 50 === 0) task.note = `Part ${i} of layer ${layer}.`;
      tasks.push(task);
      if (layer > 0) {
        const fanIn = 1 + Math.floor(rand() * 3);
        const sources = new Set<number>();
        for (let k = 0; k < fanIn; k++) sources.add(Math.floor(rand() * perLayer));
        for (const s of sources) edges.push({ from: `l${layer - 1}_task_${s}`, to: id });
      }
    }
  }
  return {
    format: 'dagstudio/pipeline',
    version: 1,
    id: 'bench_ten_thousand',
    title: 'Generated benchmark pipeline',
    schedule: '0 3 * * *',
    params: { region: 'eu-west-1' },
    defaults: { retries: 1, retry_delay_s: 30, timeout_s: 3600 },
    groups,
    tasks,
    edges,
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time in ms of `fn`, after warm-up runs that let the JIT settle. */
function measure(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;

const source = serialize(generate() as Pipeline);
const check = parse(source, 'bench.dag.json', operators);
if (!check.ok) {
  console.error(check.problems.slice(0, 5));
  throw new Error('the generated pipeline should be valid');
}
const pipeline: Pipeline = check.pipeline;
console.log(`generated ${pipeline.tasks.length} tasks, ${pipeline.edges.length} edges, ${pipeline.groups.length} groups: ${(source.length / 1024 / 1024).toFixed(1)} MB of JSON`);
console.log(`median of ${RUNS} runs after ${WARMUP} warm-up runs`);

const jsonParse = measure(() => JSON.parse(source));
const parseValidate = measure(() => parse(source, 'bench.dag.json', operators));
const validateOnly = measure(() => validate(pipeline, operators));
const jsonStringify = measure(() => JSON.stringify(pipeline, null, 2));
const serializeTime = measure(() => serialize(pipeline, operators));

console.log(`parse+validate ${TASKS} tasks: ${ms(parseValidate)} (JSON.parse ${ms(jsonParse)}, ratio ${ratio(parseValidate, jsonParse)})`);
console.log(`validate (in memory) ${TASKS} tasks: ${ms(validateOnly)}`);
console.log(`serialize ${TASKS} tasks: ${ms(serializeTime)} (JSON.stringify ${ms(jsonStringify)}, ratio ${ratio(serializeTime, jsonStringify)})`);
const met = parseValidate / jsonParse <= AIM;
console.log(`aim: parse+validate within ${AIM}x of JSON.parse: ${met ? 'met' : 'NOT met'}`);
