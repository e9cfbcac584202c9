import { runCaptured } from '../http/run-captured';

const DEFAULT_HOST = process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
const PROBE_TIMEOUT_MS = 20_000;

/** The daemon address named in docker's own error text, else DOCKER_HOST, else the platform default. */
export function daemonAddress(stderr: string, env: Record<string, string>): string {
  const named = stderr.match(/\b((?:unix|tcp|ssh|npipe|https?):\/\/\S+?)[.:,;]?(?=\s|$)/);
  return named?.[1] ?? (env.DOCKER_HOST || DEFAULT_HOST);
}

/** One clear line for a failed `docker version` (the daemon is down, unreachable or not ours to use). */
export function describeDaemonProblem(probe: { stderr: string; timedOut: boolean }, env: Record<string, string>): string {
  const host = daemonAddress(probe.stderr, env);
  if (probe.timedOut) return `Docker daemon at ${host} did not answer within ${PROBE_TIMEOUT_MS / 1000} s`;
  if (/permission denied/i.test(probe.stderr)) return `no permission to use the Docker daemon at ${host} (is your user in the docker group?)`;
  if (/Cannot connect to the Docker daemon|connection refused|no such file or directory|error during connect/i.test(probe.stderr) || probe.stderr.trim() === '') {
    return `Docker daemon not reachable at ${host}: is Docker running?`;
  }
  const first = probe.stderr.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return `Docker daemon not usable at ${host}: ${first.trim()}`;
}

/** Fails with one clear line unless the docker CLI exists and its daemon answers. Returns the server version. */
export async function checkDockerDaemon(options: { env: Record<string, string>; cwd: string; signal: AbortSignal }): Promise<string> {
  const probe = await runCaptured('docker', ['version', '--format', '{{.Server.Version}}'], { ...options, timeoutMs: PROBE_TIMEOUT_MS });
  if (probe.missing) throw new Error('docker is not installed (no docker command on PATH)');
  const version = probe.stdout.trim();
  if (probe.exitCode === 0 && version !== '') return version;
  throw new Error(describeDaemonProblem(probe, options.env));
}
