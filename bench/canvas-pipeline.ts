import { PIPELINE_FORMAT, PIPELINE_VERSION, type Pipeline, type Task } from '../shared/pipeline/schema';

/** A small deterministic PRNG (mulberry32), so every run draws the same pipeline. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPERATORS = ['bash', 'python', 'bash', 'empty', 'http_request'] as const;

/**
 * A big, plausible pipeline for the canvas bench: `tasks` tasks in layers of 50 laid out on a grid,
 * each fed by one or two tasks of the layer before, with a task group every few layers and the odd note.
 */
export function generateCanvasPipeline(tasks: number): Pipeline {
  const rand = random(7);
  const perLayer = 50;
  const layers = Math.ceil(tasks / perLayer);
  const out: Task[] = [];
  const edges: { from: string; to: string }[] = [];
  const groups: Pipeline['groups'] = [];
  for (let layer = 0; layer < layers; layer++) {
    const group = layer % 4 === 1 ? `stage_${layer}` : undefined;
    if (group) groups.push({ id: group, label: `Stage ${layer}` });
    for (let i = 0; i < perLayer && out.length < tasks; i++) {
      const id = `l${layer}_t${i}`;
      const operator = OPERATORS[(layer + i) % OPERATORS.length]!;
      const config: Record<string, unknown> =
        operator === 'bash'
          ? { command: `echo layer ${layer} part ${i} on {{ ds }}` }
          : operator === 'python'
            ? { code: `print(${layer} * ${i})` }
            : operator === 'http_request'
              ? { url: `http://127.0.0.1:8080/items/${i}` }
              : {};
      const task: Task = { id, operator, config, position: { x: layer * 288, y: 96 + i * 96 } };
      if (group && i < 12) task.group = group;
      if (i % 25 === 7) task.note = `checkpoint ${layer}.${i}`;
      out.push(task);
      if (layer > 0) {
        const a = Math.floor(rand() * perLayer);
        edges.push({ from: `l${layer - 1}_t${a}`, to: id });
        if (rand() < 0.5) {
          const b = (a + 1 + Math.floor(rand() * (perLayer - 1))) % perLayer;
          edges.push({ from: `l${layer - 1}_t${b}`, to: id });
        }
      }
    }
  }
  return {
    format: PIPELINE_FORMAT,
    version: PIPELINE_VERSION,
    id: 'canvas_bench',
    title: `Canvas bench: ${tasks} tasks`,
    schedule: null,
    params: {},
    groups,
    tasks: out,
    edges,
  };
}
