import { runCaptured } from '../http/run-captured';
import { kubectlCurrentContextArgs, kubectlProbeArgs, kubectlServerArgs, type KubectlApplyConfig } from './kubectl-args';

const PROBE_TIMEOUT_S = 15;

interface ProbeOptions {
  env: Record<string, string>;
  cwd: string;
  signal: AbortSignal;
}

/** kubectl's own reason for a failure: its first `error:` / `Error from server` line, else its last line. */
export function kubectlErrorLine(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /^(error:|Error from server)/.test(l)) ?? lines[lines.length - 1] ?? '';
  const reason = line.replace(/^error:\s*/, '');
  return reason.length > 300 ? `${reason.slice(0, 300)}…` : reason;
}

function reasonOf(stderr: string): string | null {
  if (/connection refused|server \S+ was refused/i.test(stderr)) return 'connection refused';
  if (/no such host|server misbehaving/i.test(stderr)) return 'host not found';
  if (/i\/o timeout|Client\.Timeout|context deadline exceeded|TLS handshake timeout/i.test(stderr)) return 'timed out';
  if (/network is unreachable|no route to host/i.test(stderr)) return 'network unreachable';
  if (/connection reset|EOF$/im.test(stderr)) return 'connection closed by the server';
  return null;
}

/** One clear line for a failed probe of the cluster behind `context`. */
export function describeClusterProblem(stderr: string, context: string, timedOut: boolean, configuredServer?: string): string {
  const named = `context "${context}"`;
  const missing = stderr.match(/context "([^"]+)" does not exist/);
  if (missing) return `kube context "${missing[1]}" does not exist in the kubeconfig`;
  const server = configuredServer || stderr.match(/(https?:\/\/[^/"\s?]+)/)?.[1] || stderr.match(/the server (\S+) was refused/)?.[1];
  const at = server ? ` at ${server}` : '';
  if (timedOut) return `no Kubernetes cluster reachable for ${named}${at}: timed out`;
  const reason = reasonOf(stderr);
  if (reason) return `no Kubernetes cluster reachable for ${named}${at}: ${reason}`;
  if (/x509|certificate/i.test(stderr)) return `the Kubernetes cluster of ${named}${at} has a TLS certificate kubectl does not trust`;
  if (/Unauthorized|must be logged in|provide credentials/i.test(stderr)) return `the Kubernetes cluster of ${named}${at} refused the credentials (Unauthorized)`;
  if (/Forbidden/i.test(stderr)) return `the Kubernetes cluster of ${named}${at} forbids this user: ${kubectlErrorLine(stderr)}`;
  return `cannot use the Kubernetes cluster of ${named}${at}: ${kubectlErrorLine(stderr) || 'kubectl failed'}`;
}

/** The context kubectl will use: the configured one, else the kubeconfig's current context. */
async function contextName(config: KubectlApplyConfig, options: ProbeOptions): Promise<string> {
  if (config.context) return config.context;
  const current = await runCaptured('kubectl', kubectlCurrentContextArgs(config), { ...options, timeoutMs: 10_000 });
  return current.exitCode === 0 && current.stdout.trim() ? current.stdout.trim() : '(none: no current-context in the kubeconfig)';
}

/** The API server URL the context points at, as the kubeconfig says (empty when there is none). */
async function serverOf(config: KubectlApplyConfig, options: ProbeOptions): Promise<string> {
  const view = await runCaptured('kubectl', kubectlServerArgs(config), { ...options, timeoutMs: 10_000 });
  return view.exitCode === 0 ? view.stdout.trim() : '';
}

/** Fails with one clear line unless kubectl exists and the cluster of the chosen context answers. Returns the context. */
export async function checkCluster(config: KubectlApplyConfig, options: ProbeOptions): Promise<string> {
  const probe = await runCaptured('kubectl', kubectlProbeArgs(config, PROBE_TIMEOUT_S), { ...options, timeoutMs: (PROBE_TIMEOUT_S + 10) * 1000 });
  if (probe.missing) throw new Error('kubectl is not installed (no kubectl command on PATH)');
  const context = await contextName(config, options);
  if (probe.exitCode === 0) return context;
  throw new Error(describeClusterProblem(probe.stderr, context, probe.timedOut, await serverOf(config, options)));
}
