import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Executor } from '../execute-types';
import { throwIfCancelled } from '../http/cancel';
import { commandLine } from '../http/command-line';
import { readConfig } from '../http/read-config';
import { runStreamed } from '../http/run-captured';
import { kubectlApplyOperator } from './definition';
import { kubectlApplyArgs } from './kubectl-args';
import { checkCluster, kubectlErrorLine } from './kubectl-cluster';

export const executeKubectlApply: Executor = async (context) => {
  const config = readConfig(kubectlApplyOperator, context.config);
  if (!/^https?:\/\//.test(config.manifests) && config.manifests !== '-') {
    const full = resolve(context.cwd, config.manifests);
    await stat(full).catch(() => {
      throw new Error(`manifests ${full} do not exist`);
    });
  }
  if (config.kubeconfig) {
    const full = resolve(context.cwd, config.kubeconfig);
    await stat(full).catch(() => {
      throw new Error(`kubeconfig ${full} does not exist`);
    });
  }

  const options = { env: context.env, cwd: context.cwd, signal: context.signal };
  const kubeContext = await checkCluster(config, options);
  throwIfCancelled(context.signal);
  context.log(`cluster of context "${kubeContext}" is reachable\n`);

  const args = kubectlApplyArgs(config);
  context.log(`$ ${commandLine('kubectl', args)}\n`);
  const result = await runStreamed('kubectl', args, { cwd: context.cwd, env: context.env, signal: context.signal, log: context.log });
  throwIfCancelled(context.signal);
  if (result.missing) throw new Error('kubectl is not installed (no kubectl command on PATH)');
  if (result.exitCode !== 0) {
    const reason = kubectlErrorLine(result.output);
    const how = result.exitCode === null ? `was killed (${result.signal})` : `failed with exit code ${result.exitCode}`;
    throw new Error(`kubectl apply ${how}${reason ? `: ${reason}` : ''}`);
  }
  return { state: 'success', returnValue: { context: kubeContext, namespace: config.namespace ?? null, dry_run: config.dry_run } };
};
