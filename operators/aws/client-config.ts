import type { AwsConnection } from '../../shared/settings';

/** The part of an AWS SDK v3 client's configuration that an `aws` connection decides. */
export interface AwsClientConfig {
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A named profile of ~/.aws/config and ~/.aws/credentials (the SDK resolves it). */
  profile?: string;
  endpoint?: string;
  /** S3 only: bucket in the path (http://host/bucket/key), which emulators and S3-compatible servers need. */
  forcePathStyle?: boolean;
  maxAttempts: number;
  requestHandler: { connectionTimeout: number; requestTimeout: number };
}

/** Emulators and S3-compatible servers ignore the region, but the SDK still signs with one. */
const REGION_FOR_CUSTOM_ENDPOINTS = 'us-east-1';

/**
 * Client configuration from a connection. Whatever the connection leaves empty is left to the SDK's standard
 * chain (AWS_* environment variables, ~/.aws files, SSO, instance/container roles), so an empty or absent
 * connection behaves like the AWS CLI.
 */
export function awsClientConfig(connection: AwsConnection | undefined, service: 's3' | 'sagemaker'): AwsClientConfig {
  const config: AwsClientConfig = {
    maxAttempts: 3,
    // A dead endpoint should fail in seconds, not after the OS's TCP timeout; a slow upload is not a dead endpoint.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 300_000 },
  };
  if (!connection) return config;
  const name = connection.name;
  const region = connection.region?.trim();
  const endpoint = connection.endpoint_url?.trim();
  const keyId = connection.access_key_id?.trim();
  const secret = connection.secret_access_key;
  const profile = connection.profile?.trim();

  if (region) config.region = region;
  if (endpoint) {
    if (!/^https?:\/\/[^/\s]+/.test(endpoint)) {
      throw new Error(`connection "${name}": endpoint_url must be an http:// or https:// URL, got "${endpoint}"`);
    }
    config.endpoint = endpoint;
    config.region ??= REGION_FOR_CUSTOM_ENDPOINTS;
    if (service === 's3') config.forcePathStyle = true;
  }
  if (keyId || secret) {
    if (!keyId) throw new Error(`connection "${name}" has a secret access key but no access key id`);
    if (!secret) throw new Error(`connection "${name}" has an access key id but no secret access key`);
    config.credentials = { accessKeyId: keyId, secretAccessKey: secret };
    if (connection.session_token) config.credentials.sessionToken = connection.session_token;
  } else if (profile) {
    config.profile = profile;
  }
  return config;
}

/** How the log names where requests go: the connection's endpoint, the SDK's endpoint variables, or AWS itself. */
export function endpointLabel(connection: AwsConnection | undefined, service: 's3' | 'sagemaker', env: NodeJS.ProcessEnv = process.env): string {
  const endpoint = connection?.endpoint_url?.trim() || env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] || env.AWS_ENDPOINT_URL;
  if (endpoint) return endpoint;
  const name = service === 's3' ? 'S3' : 'SageMaker';
  const region = connection?.region?.trim() || env.AWS_REGION || env.AWS_DEFAULT_REGION;
  return region ? `AWS ${name} (${region})` : `AWS ${name}`;
}
