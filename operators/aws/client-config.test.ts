import { describe, expect, it } from 'vitest';
import { awsClientConfig, endpointLabel } from './client-config';

const base = { maxAttempts: 3, requestHandler: { connectionTimeout: 10_000, requestTimeout: 300_000 } };

describe('awsClientConfig', () => {
  it('leaves everything to the standard AWS chain when there is no connection', () => {
    expect(awsClientConfig(undefined, 's3')).toEqual(base);
  });

  it('uses static keys with the session token, the region and a path-style emulator endpoint for S3', () => {
    expect(
      awsClientConfig(
        { type: 'aws', name: 'moto', region: 'eu-west-1', access_key_id: 'AKIA1', secret_access_key: 's3cret', session_token: 'tok', endpoint_url: 'http://127.0.0.1:5000' },
        's3',
      ),
    ).toEqual({
      ...base,
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:5000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', sessionToken: 'tok' },
    });
  });

  it('gives SageMaker the endpoint without S3’s path style, and a signing region when the connection has none', () => {
    expect(awsClientConfig({ type: 'aws', name: 'moto', endpoint_url: 'http://localhost:5000' }, 'sagemaker')).toEqual({
      ...base,
      region: 'us-east-1',
      endpoint: 'http://localhost:5000',
    });
  });

  it('passes a profile to the SDK when no keys are given, and prefers keys over a profile', () => {
    expect(awsClientConfig({ type: 'aws', name: 'p', profile: 'ml' }, 's3')).toEqual({ ...base, profile: 'ml' });
    expect(awsClientConfig({ type: 'aws', name: 'p', profile: 'ml', access_key_id: 'A', secret_access_key: 'B' }, 's3')).toEqual({
      ...base,
      credentials: { accessKeyId: 'A', secretAccessKey: 'B' },
    });
  });

  it('refuses half a key pair and an endpoint that is not a URL, naming the connection', () => {
    expect(() => awsClientConfig({ type: 'aws', name: 'c', access_key_id: 'A' }, 's3')).toThrow('connection "c" has an access key id but no secret access key');
    expect(() => awsClientConfig({ type: 'aws', name: 'c', secret_access_key: 'B' }, 's3')).toThrow('connection "c" has a secret access key but no access key id');
    expect(() => awsClientConfig({ type: 'aws', name: 'c', endpoint_url: 'localhost:5000' }, 's3')).toThrow(
      'connection "c": endpoint_url must be an http:// or https:// URL, got "localhost:5000"',
    );
  });
});

describe('endpointLabel', () => {
  it('names the emulator’s URL, or AWS and the region', () => {
    expect(endpointLabel({ type: 'aws', name: 'm', endpoint_url: 'http://127.0.0.1:9' }, 's3')).toBe('http://127.0.0.1:9');
    expect(endpointLabel({ type: 'aws', name: 'm', region: 'eu-west-1' }, 'sagemaker', {})).toBe('AWS SageMaker (eu-west-1)');
    expect(endpointLabel(undefined, 's3', { AWS_REGION: 'us-west-2' })).toBe('AWS S3 (us-west-2)');
  });

  it('names the endpoint the SDK takes from AWS_ENDPOINT_URL(_<SERVICE>) when there is no connection', () => {
    expect(endpointLabel(undefined, 'sagemaker', { AWS_ENDPOINT_URL_SAGEMAKER: 'http://127.0.0.1:7', AWS_ENDPOINT_URL: 'http://x' })).toBe('http://127.0.0.1:7');
    expect(endpointLabel(undefined, 's3', { AWS_ENDPOINT_URL: 'http://x' })).toBe('http://x');
  });
});
