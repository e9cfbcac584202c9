import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';

export const KUBECTL_DRY_RUN = ['none', 'client', 'server'] as const;
export const KUBECTL_VALIDATION = ['strict', 'warn', 'ignore'] as const;

export const kubectlApplyOperator = defineOperator({
  id: 'kubectl_apply',
  label: 'kubectl apply',
  category: 'Containers',
  description: 'Applies Kubernetes manifests with `kubectl apply -f` to a cluster context (output streamed to the log).',
  icon: 'ship-wheel',
  config: z.strictObject({
    manifests: field(z.string().trim().min(1, 'required'), {
      title: 'Manifests',
      description: 'A YAML/JSON file, a folder of them, or a URL; relative to the pipeline file. Templated.',
      widget: 'path',
      templated: true,
      placeholder: 'k8s/deployment.yaml',
    }),
    recursive: field(z.boolean().default(false), {
      title: 'Recursive',
      description: 'Also apply the manifests in sub-folders of a folder (-R).',
      widget: 'boolean',
      advanced: true,
    }),
    context: field(z.string().trim().min(1, 'must not be empty').optional(), {
      title: 'Context',
      description: 'The kubeconfig context (cluster and user). Empty: the current context. Templated.',
      widget: 'text',
      templated: true,
    }),
    namespace: field(z.string().trim().min(1, 'must not be empty').optional(), {
      title: 'Namespace',
      description: 'Empty: the context’s namespace. Templated.',
      widget: 'text',
      templated: true,
    }),
    dry_run: field(z.enum(KUBECTL_DRY_RUN).default('none'), {
      title: 'Dry run',
      description: 'client: only print what would be sent; server: the cluster checks without persisting.',
      widget: 'select',
    }),
    kubeconfig: field(z.string().trim().min(1, 'must not be empty').optional(), {
      title: 'Kubeconfig',
      description: 'Path of the kubeconfig file. Empty: $KUBECONFIG or ~/.kube/config.',
      widget: 'path',
      templated: true,
      advanced: true,
    }),
    validation: field(z.enum(KUBECTL_VALIDATION).optional(), {
      title: 'Schema validation',
      description: 'kubectl --validate: strict (true) rejects unknown fields, warn reports them (kubectl 1.25+), ignore (false) skips the check. Empty: kubectl’s default.',
      widget: 'select',
      advanced: true,
    }),
    server_side: field(z.boolean().default(false), {
      title: 'Server-side apply',
      widget: 'boolean',
      advanced: true,
    }),
    extra_args: field(z.array(z.string()).optional(), {
      title: 'Extra arguments',
      description: 'More `kubectl apply` arguments, one per item.',
      widget: 'list',
      templated: true,
      advanced: true,
    }),
  }),
  validate(config) {
    if (config.server_side && config.dry_run === 'client') {
      return [{ path: 'dry_run', message: 'server-side apply cannot be a client dry run; use server' }];
    }
    return [];
  },
});
