import { describe, expect, it } from 'vitest';
import { describeClusterProblem, kubectlErrorLine } from './kubectl-cluster';

describe('describeClusterProblem', () => {
  it('says no cluster is reachable, with the server and the reason', () => {
    const stderr =
      'E1128 21:39:32.121200    8262 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n';
    expect(describeClusterProblem(stderr, 'prod', false)).toBe('no Kubernetes cluster reachable for context "prod" at http://localhost:8080: connection refused');
  });

  it('names the server from the kubeconfig when kubectl only says the connection was refused', () => {
    const stderr = 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?\n';
    expect(describeClusterProblem(stderr, 'dev', false, 'https://10.0.0.1:6443')).toBe('no Kubernetes cluster reachable for context "dev" at https://10.0.0.1:6443: connection refused');
    expect(describeClusterProblem(stderr, 'dev', false)).toBe('no Kubernetes cluster reachable for context "dev" at 10.0.0.1:6443: connection refused');
  });

  it('names a context missing from the kubeconfig', () => {
    expect(describeClusterProblem('error: context "nope" does not exist\n', 'nope', false)).toBe('kube context "nope" does not exist in the kubeconfig');
  });

  it('tells wrong credentials apart from an unreachable cluster', () => {
    expect(describeClusterProblem('error: You must be logged in to the server (Unauthorized)\n', 'eks', false)).toBe(
      'the Kubernetes cluster of context "eks" refused the credentials (Unauthorized)',
    );
  });

  it('reports a timeout', () => {
    expect(describeClusterProblem('Unable to connect to the server: dial tcp 10.0.0.1:443: i/o timeout\n', 'eks', false)).toBe(
      'no Kubernetes cluster reachable for context "eks": timed out',
    );
  });
});

describe('kubectlErrorLine', () => {
  it('picks kubectl’s error line over its closing hint', () => {
    expect(kubectlErrorLine('error: no matches for kind "Gadget" in version "v1"\nensure CRDs are installed first\n')).toBe('no matches for kind "Gadget" in version "v1"');
    expect(kubectlErrorLine('Error from server (Forbidden): deployments.apps is forbidden\n')).toBe('Error from server (Forbidden): deployments.apps is forbidden');
    expect(kubectlErrorLine('something odd\n\n')).toBe('something odd');
  });
});
