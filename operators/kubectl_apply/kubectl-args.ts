import type { OperatorConfig } from '../../shared/operator';
import type { kubectlApplyOperator } from './definition';

export type KubectlApplyConfig = OperatorConfig<typeof kubectlApplyOperator>;

/* true/false are what every kubectl understands (strict/ignore arrived in 1.25; Debian 12 ships 1.20). */
const VALIDATE_FLAG: Record<NonNullable<KubectlApplyConfig['validation']>, string> = { strict: 'true', warn: 'warn', ignore: 'false' };

/** The flags that pick the cluster: shared by the apply and by the reachability probe. */
export function kubectlTargetArgs(config: Pick<KubectlApplyConfig, 'kubeconfig' | 'context'>): string[] {
  const args: string[] = [];
  if (config.kubeconfig) args.push('--kubeconfig', config.kubeconfig);
  if (config.context) args.push('--context', config.context);
  return args;
}

/** The exact `kubectl apply` argv for a config (pure, so the command line is tested without a cluster). */
export function kubectlApplyArgs(config: KubectlApplyConfig): string[] {
  const args = ['apply', '-f', config.manifests];
  if (config.recursive) args.push('--recursive');
  args.push(...kubectlTargetArgs(config));
  if (config.namespace) args.push('--namespace', config.namespace);
  if (config.dry_run !== 'none') args.push(`--dry-run=${config.dry_run}`);
  if (config.validation) args.push(`--validate=${VALIDATE_FLAG[config.validation]}`);
  if (config.server_side) args.push('--server-side');
  args.push(...(config.extra_args ?? []));
  return args;
}

/** `kubectl get --raw /version`: the cheapest request that proves the cluster answers and accepts us. */
export function kubectlProbeArgs(config: Pick<KubectlApplyConfig, 'kubeconfig' | 'context'>, timeoutS: number): string[] {
  return [...kubectlTargetArgs(config), 'get', '--raw', '/version', `--request-timeout=${timeoutS}s`];
}

export function kubectlCurrentContextArgs(config: Pick<KubectlApplyConfig, 'kubeconfig'>): string[] {
  return [...kubectlTargetArgs({ kubeconfig: config.kubeconfig }), 'config', 'current-context'];
}

/** Reads the API server URL of the chosen context from the kubeconfig, to name it in an error. */
export function kubectlServerArgs(config: Pick<KubectlApplyConfig, 'kubeconfig' | 'context'>): string[] {
  return [...kubectlTargetArgs(config), 'config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}'];
}
