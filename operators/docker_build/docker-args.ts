import type { OperatorConfig } from '../../shared/operator';
import type { dockerBuildOperator } from './definition';

export type DockerBuildConfig = OperatorConfig<typeof dockerBuildOperator>;

/**
 * The exact `docker build` argv for a config (pure, so the command line is tested without a daemon).
 * `iidFile` asks docker to write the built image's id, which becomes the task's return value.
 */
export function dockerBuildArgs(config: DockerBuildConfig, iidFile?: string): string[] {
  const args = ['build'];
  if (config.dockerfile) args.push('--file', config.dockerfile);
  if (config.tag) args.push('--tag', config.tag);
  for (const [name, value] of Object.entries(config.build_args ?? {})) args.push('--build-arg', `${name}=${value}`);
  if (config.target) args.push('--target', config.target);
  if (config.platform) args.push('--platform', config.platform);
  if (config.no_cache) args.push('--no-cache');
  if (config.pull) args.push('--pull');
  if (iidFile) args.push('--iidfile', iidFile);
  args.push(...(config.extra_args ?? []));
  args.push(config.context);
  return args;
}

export function dockerPushArgs(tag: string): string[] {
  return ['push', tag];
}

/** The environment docker runs with: the task's, with DOCKER_HOST when the config names a daemon. */
export function dockerEnv(config: DockerBuildConfig, env: Record<string, string>): Record<string, string> {
  return config.docker_host ? { ...env, DOCKER_HOST: config.docker_host } : env;
}
