import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, serialize, type Pipeline } from '../../shared/pipeline';
import { getOperator } from '../../operators/index';
import { CLI_ROOT, dagstudio } from '../support/cli';

/*
 * The bundled examples are what a new user opens first: they must validate with the real CLI, stay in the
 * canonical file form (so opening and saving one shows no diff), keep the shape issue 9 asks for, and
 * document every Variable they read.
 */

const EXAMPLES = ['examples/pet-detection.dag.json', 'examples/local-mlops.dag.json'];

function load(file: string): { text: string; pipeline: Pipeline } {
  const text = readFileSync(join(CLI_ROOT, file), 'utf8');
  const result = parse(text, file, getOperator);
  if (!result.ok) throw new Error(`${file} does not parse: ${JSON.stringify(result.problems)}`);
  return { text, pipeline: result.pipeline };
}

const task = (pipeline: Pipeline, id: string) => {
  const found = pipeline.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`${pipeline.id} has no task ${id}`);
  return found;
};

/** Every `{{ var.value.NAME }}` / `var.json.NAME` a pipeline's task configs read. */
function variablesUsed(pipeline: Pipeline): string[] {
  const names = new Set<string>();
  for (const match of JSON.stringify(pipeline.tasks).matchAll(/var\.(?:value|json)\.([A-Za-z0-9_]+)/g)) names.add(match[1]!);
  return [...names].sort();
}

describe('the bundled examples', () => {
  it('pass `dagstudio validate`, both in one call', async () => {
    const result = await dagstudio(['validate', ...EXAMPLES]);
    expect(result).toEqual({ code: 0, stdout: EXAMPLES.map((f) => `${f}: ok\n`).join(''), stderr: '' });
  });

  it('are stored in the canonical form, so opening and saving one changes nothing', () => {
    for (const file of EXAMPLES) {
      const { text, pipeline } = load(file);
      expect(serialize(pipeline, getOperator), file).toBe(text);
    }
  });

  it('reference only script files that exist, relative to the pipeline file', () => {
    for (const file of EXAMPLES) {
      const { pipeline } = load(file);
      const scripts = pipeline.tasks.filter((t) => t.operator === 'python').map((t) => String(t.config.script));
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const script of scripts) expect(existsSync(join(CLI_ROOT, dirname(file), script)), `${file}: ${script}`).toBe(true);
    }
  });

  it('pet-detection has the reference shape: two groups, SageMaker start → wait → validate, build, deploy, stop (all_done), notify (one_failed)', () => {
    const { pipeline } = load('examples/pet-detection.dag.json');
    expect(pipeline.groups.map((g) => g.id)).toEqual(['data_engineering', 'ml_engineering']);
    expect(task(pipeline, 'fetch_pet_images').group).toBe('data_engineering');
    expect(task(pipeline, 'upload_to_s3')).toMatchObject({ operator: 's3_upload', group: 'data_engineering' });
    expect(task(pipeline, 'start_training')).toMatchObject({ operator: 'sagemaker_training', group: 'ml_engineering', config: { wait_for_completion: false } });
    expect(task(pipeline, 'wait_for_training')).toMatchObject({ operator: 's3_key_sensor', group: 'ml_engineering' });
    expect(task(pipeline, 'validate_model').group).toBe('ml_engineering');
    expect(task(pipeline, 'build_image').operator).toBe('docker_build');
    expect(task(pipeline, 'deploy_to_eks').operator).toBe('kubectl_apply');
    expect(task(pipeline, 'stop_training')).toMatchObject({ operator: 'sagemaker_stop_training', trigger_rule: 'all_done' });
    expect(task(pipeline, 'notify_on_error')).toMatchObject({ operator: 'notify', trigger_rule: 'one_failed' });
    const chain = ['fetch_pet_images', 'transform_images', 'upload_to_s3', 'start_training', 'wait_for_training', 'validate_model', 'build_image', 'render_manifests', 'deploy_to_eks'];
    for (let i = 1; i < chain.length; i++) expect(pipeline.edges).toContainEqual({ from: chain[i - 1], to: chain[i] });
  });

  it('pet-detection takes every account-specific value from a Variable and lists each one in its description', () => {
    const { pipeline } = load('examples/pet-detection.dag.json');
    const training = task(pipeline, 'start_training').config;
    for (const key of ['role_arn', 'image', 'instance_type']) expect(String(training[key]), key).toMatch(/^\{\{ var\.value\.\w+ \}\}$/);
    expect(String(task(pipeline, 'upload_to_s3').config.bucket)).toMatch(/var\.value\./);
    expect(String(task(pipeline, 'build_image').config.tag)).toMatch(/^\{\{ var\.value\.ecr_repository \}\}:/);
    expect(String(task(pipeline, 'deploy_to_eks').config.context)).toMatch(/var\.value\./);
    const used = variablesUsed(pipeline);
    expect(used.length).toBeGreaterThanOrEqual(8);
    for (const name of used) expect(pipeline.description, `variable ${name} is not documented`).toContain(`- ${name}`);
  });

  it('local-mlops keeps the same shape offline: S3 through a connection and a Variable, a threshold param, a clean-up task and notify on error', () => {
    const { pipeline } = load('examples/local-mlops.dag.json');
    expect(pipeline.params).toMatchObject({ min_accuracy: expect.any(Number), python: 'python3' });
    expect(task(pipeline, 'upload_features').config).toMatchObject({ connection: 'local_s3', bucket: '{{ var.value.mlops_bucket }}' });
    expect(task(pipeline, 'check_prediction')).toMatchObject({ operator: 'http_request', config: { method: 'POST' } });
    expect(task(pipeline, 'stop_service').trigger_rule).toBe('all_done');
    expect(task(pipeline, 'notify_on_error')).toMatchObject({ operator: 'notify', trigger_rule: 'one_failed' });
    for (const name of variablesUsed(pipeline)) expect(pipeline.description, `variable ${name} is not documented`).toContain(`- ${name}`);
    for (const t of pipeline.tasks.filter((t) => t.operator === 'python')) expect(t.config.interpreter, t.id).toBe('{{ params.python }}');
  });

  it('lay their tasks out left to right along the main chain', () => {
    for (const file of EXAMPLES) {
      const { pipeline } = load(file);
      const x = new Map(pipeline.tasks.map((t) => [t.id, t.position.x]));
      for (const edge of pipeline.edges) expect(x.get(edge.to)!, `${file}: ${edge.from} → ${edge.to}`).toBeGreaterThan(x.get(edge.from)!);
    }
  });
});
