import { describe, expect, it } from 'vitest';
import { kubectlApplyOperator } from './definition';
import { kubectlApplyArgs, kubectlCurrentContextArgs, kubectlProbeArgs } from './kubectl-args';

const config = (raw: Record<string, unknown>) => kubectlApplyOperator.config.parse(raw);

describe('kubectlApplyArgs', () => {
  it('applies one manifest in the current context by default', () => {
    expect(kubectlApplyArgs(config({ manifests: 'k8s/deployment.yaml' }))).toEqual(['apply', '-f', 'k8s/deployment.yaml']);
  });

  it('passes every option', () => {
    expect(
      kubectlApplyArgs(
        config({
          manifests: 'k8s',
          recursive: true,
          kubeconfig: '/home/me/.kube/eks',
          context: 'arn:aws:eks:eu-west-1:123456789012:cluster/pets',
          namespace: 'serving',
          dry_run: 'server',
          validation: 'strict',
          server_side: true,
          extra_args: ['--prune', '-l', 'app=pets'],
        }),
      ),
    ).toEqual([
      'apply',
      '-f',
      'k8s',
      '--recursive',
      '--kubeconfig',
      '/home/me/.kube/eks',
      '--context',
      'arn:aws:eks:eu-west-1:123456789012:cluster/pets',
      '--namespace',
      'serving',
      '--dry-run=server',
      '--validate=true',
      '--server-side',
      '--prune',
      '-l',
      'app=pets',
    ]);
  });

  it('writes a client dry run the way kubectl expects it', () => {
    expect(kubectlApplyArgs(config({ manifests: 'm.yaml', dry_run: 'client', validation: 'ignore' }))).toEqual([
      'apply',
      '-f',
      'm.yaml',
      '--dry-run=client',
      '--validate=false',
    ]);
  });

  it('probes the same cluster the apply will use', () => {
    expect(kubectlProbeArgs({ context: 'prod', kubeconfig: 'kc' }, 15)).toEqual(['--kubeconfig', 'kc', '--context', 'prod', 'get', '--raw', '/version', '--request-timeout=15s']);
    expect(kubectlCurrentContextArgs({ kubeconfig: 'kc' })).toEqual(['--kubeconfig', 'kc', 'config', 'current-context']);
  });
});

describe('kubectl_apply definition', () => {
  it('is a Containers operator with no dry run by default', () => {
    expect(kubectlApplyOperator.category).toBe('Containers');
    expect(config({ manifests: 'm.yaml' })).toEqual({ manifests: 'm.yaml', recursive: false, dry_run: 'none', server_side: false });
  });

  it('refuses a server-side apply with a client dry run', () => {
    const parsed = config({ manifests: 'm.yaml', server_side: true, dry_run: 'client' });
    expect(kubectlApplyOperator.validate?.(parsed)).toEqual([{ path: 'dry_run', message: 'server-side apply cannot be a client dry run; use server' }]);
  });

  it('refuses an unknown dry-run mode', () => {
    expect(kubectlApplyOperator.config.safeParse({ manifests: 'm.yaml', dry_run: 'yes' }).success).toBe(false);
  });
});
