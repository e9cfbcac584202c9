import { writeFileSync } from 'node:fs';
import { tempDir } from '../support/temp-dir';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { onPath } from '../support/http-server';
import { executeKubectlApply } from '../../operators/kubectl_apply/execute';
import { closedPort, sendJson, startHttpServer, type RecordedRequest, type TestHttpServer } from '../support/http-server';
import { makeTaskContext } from '../support/task-context';

/*
 * There is no Kubernetes cluster here. The real kubectl is driven against a small emulation of the Kubernetes API
 * server on 127.0.0.1 (version, discovery, get and create of ConfigMaps), and the tests read back what it sent.
 */

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: pets-settings
data:
  MODEL_URI: s3://models/pets/model.tar.gz
`;

function kubernetesApi(created: Array<{ namespace: string; object: Record<string, unknown> }>) {
  return (req: RecordedRequest, res: ServerResponse) => {
    const url = new URL(req.path, 'http://k8s');
    if (url.pathname === '/version') return sendJson(res, 200, { major: '1', minor: '31', gitVersion: 'v1.31.0-emulated', platform: 'linux/amd64' });
    if (url.pathname === '/api') return sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (url.pathname === '/apis') return sendJson(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
    if (url.pathname === '/api/v1') {
      return sendJson(res, 200, {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [
          { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs: ['create', 'get', 'list', 'patch', 'update'] },
          { name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs: ['get', 'list'] },
        ],
      });
    }
    const match = url.pathname.match(/^\/api\/v1\/namespaces\/([^/]+)(?:\/configmaps(?:\/([^/]+))?)?$/);
    if (match && req.method === 'POST') {
      const object = JSON.parse(req.body) as { metadata: Record<string, unknown> };
      created.push({ namespace: match[1]!, object });
      return sendJson(res, 201, { ...object, metadata: { ...object.metadata, namespace: match[1], uid: 'u-1', resourceVersion: '1' } });
    }
    return sendJson(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${match?.[2] ?? url.pathname} not found` });
  };
}

function kubeconfig(dir: string, server: string): string {
  const path = join(dir, 'kubeconfig');
  writeFileSync(
    path,
    `apiVersion: v1
kind: Config
clusters:
- name: emulated
  cluster:
    server: ${server}
contexts:
- name: pets-dev
  context:
    cluster: emulated
    user: deployer
    namespace: default
current-context: pets-dev
users:
- name: deployer
  user:
    token: kube-token-SECRET
`,
  );
  return path;
}

let api: TestHttpServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function project() {
  const dir = tempDir('dagstudio-kube-project-');
  writeFileSync(join(dir, 'configmap.yaml'), MANIFEST);
  return dir;
}

/* CI installs kubectl (Debian: kubernetes-client); without it only the "not installed" case can run. */
const withKubectl = it.skipIf(!onPath('kubectl'));

describe('kubectl_apply with the real kubectl', () => {
  withKubectl('applies the manifest to the context and namespace, streaming kubectl’s output', async () => {
    const created: Array<{ namespace: string; object: Record<string, unknown> }> = [];
    api = await startHttpServer(kubernetesApi(created));
    const dir = project();
    const context = makeTaskContext({
      config: { manifests: 'configmap.yaml', kubeconfig: kubeconfig(dir, api.url), context: 'pets-dev', namespace: 'serving', validation: 'ignore' },
    });
    context.cwd = dir;
    const outcome = await executeKubectlApply(context);

    expect(outcome).toEqual({ state: 'success', returnValue: { context: 'pets-dev', namespace: 'serving', dry_run: 'none' } });
    expect(created).toHaveLength(1);
    expect(created[0]?.namespace).toBe('serving');
    expect(created[0]?.object).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'pets-settings' }, data: { MODEL_URI: 's3://models/pets/model.tar.gz' } });

    const log = context.logText();
    expect(log).toContain('cluster of context "pets-dev" is reachable\n');
    expect(log).toContain(
      `$ kubectl apply -f configmap.yaml --kubeconfig ${join(dir, 'kubeconfig')} --context pets-dev --namespace serving --validate=false\n`,
    );
    expect(log).toMatch(/configmap\/pets-settings created/);
    expect(log).not.toContain('kube-token-SECRET');
  });

  withKubectl('sends nothing to the cluster on a client dry run', async () => {
    const created: Array<{ namespace: string; object: Record<string, unknown> }> = [];
    api = await startHttpServer(kubernetesApi(created));
    const dir = project();
    const context = makeTaskContext({ config: { manifests: 'configmap.yaml', kubeconfig: kubeconfig(dir, api.url), dry_run: 'client', validation: 'ignore' } });
    context.cwd = dir;
    const outcome = await executeKubectlApply(context);
    expect(outcome.returnValue).toEqual({ context: 'pets-dev', namespace: null, dry_run: 'client' });
    expect(context.logText()).toMatch(/configmap\/pets-settings created \(dry run\)/);
    expect(created).toEqual([]);
    expect(api.requests.some((r) => r.method !== 'GET')).toBe(false);
  });

  withKubectl('says in one line that no cluster is reachable for the context', async () => {
    const dir = project();
    const port = await closedPort();
    const context = makeTaskContext({ config: { manifests: 'configmap.yaml', kubeconfig: kubeconfig(dir, `http://127.0.0.1:${port}`), context: 'pets-dev' } });
    context.cwd = dir;
    await expect(executeKubectlApply(context)).rejects.toThrow(
      new Error(`no Kubernetes cluster reachable for context "pets-dev" at http://127.0.0.1:${port}: connection refused`),
    );
    expect(context.logText()).toBe('');
  });

  withKubectl('says so on a machine with no kubeconfig at all (this one)', async () => {
    const dir = project();
    const context = makeTaskContext({ config: { manifests: 'configmap.yaml' }, env: { HOME: dir, KUBECONFIG: join(dir, 'absent-kubeconfig') } });
    context.cwd = dir;
    await expect(executeKubectlApply(context)).rejects.toThrow(
      new Error('no Kubernetes cluster reachable for context "(none: no current-context in the kubeconfig)" at localhost:8080: connection refused'),
    );
  });

  withKubectl('names a context that is not in the kubeconfig', async () => {
    const dir = project();
    const context = makeTaskContext({ config: { manifests: 'configmap.yaml', kubeconfig: kubeconfig(dir, 'http://127.0.0.1:1'), context: 'prod' } });
    context.cwd = dir;
    await expect(executeKubectlApply(context)).rejects.toThrow(new Error('kube context "prod" does not exist in the kubeconfig'));
  });

  withKubectl('fails with kubectl’s own reason in one line when the apply is refused', async () => {
    api = await startHttpServer(kubernetesApi([]));
    const dir = project();
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: Gadget\nmetadata:\n  name: x\n');
    const context = makeTaskContext({ config: { manifests: 'broken.yaml', kubeconfig: kubeconfig(dir, api.url), validation: 'ignore' } });
    context.cwd = dir;
    const error = await executeKubectlApply(context).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toBe(
      'kubectl apply failed with exit code 1: resource mapping not found for name: "x" namespace: "" from "broken.yaml": no matches for kind "Gadget" in version "v1"',
    );
    expect(context.logText()).toContain('ensure CRDs are installed first');
  });

  withKubectl('stops kubectl the moment the task is cancelled', async () => {
    const dir = project();
    /* An API server that answers the probe, then leaves the apply hanging until the cancel. */
    api = await startHttpServer((req, res) => {
      if (req.path.startsWith('/version')) return sendJson(res, 200, { major: '1', minor: '31', gitVersion: 'v1.31.0-emulated' });
      context.controller.abort();
    });
    const context = makeTaskContext({ config: { manifests: 'configmap.yaml', kubeconfig: kubeconfig(dir, api.url), validation: 'ignore' } });
    context.cwd = dir;
    await expect(executeKubectlApply(context)).rejects.toThrow('cancelled');
  });

  it('names missing manifests, and a missing kubectl', async () => {
    const dir = project();
    const missing = makeTaskContext({ config: { manifests: 'k8s/deploy.yaml' } });
    missing.cwd = dir;
    await expect(executeKubectlApply(missing)).rejects.toThrow(new Error(`manifests ${join(dir, 'k8s/deploy.yaml')} do not exist`));
    const noKubectl = makeTaskContext({ config: { manifests: 'configmap.yaml' }, env: { PATH: join(dir, 'empty-bin') } });
    noKubectl.cwd = dir;
    await expect(executeKubectlApply(noKubectl)).rejects.toThrow(new Error('kubectl is not installed (no kubectl command on PATH)'));
  });
});
