import { describe, expect, it } from 'vitest';
import { daemonAddress, describeDaemonProblem } from './docker-daemon';

describe('describeDaemonProblem', () => {
  it('turns docker’s "Cannot connect" into one line naming the socket', () => {
    const stderr = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n';
    expect(describeDaemonProblem({ stderr, timedOut: false }, {})).toBe(
      'Docker daemon not reachable at unix:///var/run/docker.sock: is Docker running?',
    );
  });

  it('names DOCKER_HOST when docker’s message does not name an address', () => {
    expect(describeDaemonProblem({ stderr: 'error during connect: dial tcp: connection refused', timedOut: false }, { DOCKER_HOST: 'tcp://10.0.0.5:2376' })).toBe(
      'Docker daemon not reachable at tcp://10.0.0.5:2376: is Docker running?',
    );
  });

  it('tells a permission problem apart', () => {
    const stderr =
      'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": dial unix /var/run/docker.sock: connect: permission denied';
    expect(describeDaemonProblem({ stderr, timedOut: false }, {})).toBe(
      'no permission to use the Docker daemon at unix:///var/run/docker.sock (is your user in the docker group?)',
    );
  });

  it('reports a daemon that does not answer in time', () => {
    expect(describeDaemonProblem({ stderr: '', timedOut: true }, { DOCKER_HOST: 'ssh://builder' })).toBe('Docker daemon at ssh://builder did not answer within 20 s');
  });

  it('finds the address in docker’s text', () => {
    expect(daemonAddress('Cannot connect to the Docker daemon at tcp://127.0.0.1:2375. Is the docker daemon running?', {})).toBe('tcp://127.0.0.1:2375');
  });
});
