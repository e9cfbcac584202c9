import { CancelledError } from './cancel';

/** What a failed AWS call was about, so its error can be told in the user's terms. */
export interface AwsCallContext {
  /** The API operation, e.g. ListObjectsV2. */
  operation: string;
  /** The connection's name; undefined when the standard credential chain was used. */
  connection: string | undefined;
  /** Where the request went (endpoint URL or "AWS S3 (eu-west-1)"). */
  endpoint: string;
  bucket?: string;
  key?: string;
  jobName?: string;
}

const CREDENTIAL_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidToken',
  'TokenRefreshRequired',
  'AuthFailure',
]);
const ACCESS_ERRORS = new Set(['AccessDenied', 'AccessDeniedException', 'AllAccessDisabled']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  $fault?: unknown;
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim();
}

function credentialsLabel(connection: string | undefined): string {
  return connection ? `connection "${connection}"` : 'the default AWS credential chain';
}

function networkCode(error: ErrorShape): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as ErrorShape).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as ErrorShape).cause;
  }
  const name = error.name;
  if (name === 'TimeoutError' || name === 'RequestTimeout') return 'timed out';
  return undefined;
}

/** SageMaker's answer for an unknown job name: ValidationException "Requested resource not found" (or ResourceNotFound). */
export function isMissingTrainingJob(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, message } = error as ErrorShape;
  if (name === 'ResourceNotFound') return true;
  return name === 'ValidationException' && typeof message === 'string' && /could not find|not found|does not exist/i.test(message);
}

/**
 * One clear line for the log from an error of an AWS SDK call: the user's names (bucket, key, job, connection)
 * instead of the SDK's, never a stack, never a secret (the SDK's messages hold none, and nothing here adds one).
 */
export function awsErrorLine(error: unknown, context: AwsCallContext): string {
  if (error instanceof CancelledError) return error.message;
  if (!error || typeof error !== 'object') return `${context.operation} failed: ${String(error)}`;
  const e = error as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = firstLine(typeof e.message === 'string' ? e.message : '');
  const status = e.$metadata?.httpStatusCode;
  const who = credentialsLabel(context.connection);

  if (name === 'AbortError') return 'cancelled';
  const network = networkCode(e);
  if (network) return `cannot reach ${context.endpoint} (${network})`;
  if (name === 'CredentialsProviderError') {
    return context.connection
      ? `no AWS credentials for connection "${context.connection}": set its access key id and secret, or a profile that exists (${message})`
      : `no AWS credentials found: pick an aws connection, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or ~/.aws/credentials`;
  }
  if (/region is missing/i.test(message)) {
    return `no AWS region for ${who}: set the connection's region (or AWS_REGION)`;
  }
  if (CREDENTIAL_ERRORS.has(name)) return `AWS credentials rejected for ${who} (${name})`;
  if (ACCESS_ERRORS.has(name)) {
    const on = context.bucket ? ` to bucket "${context.bucket}"` : context.jobName ? ` to training job "${context.jobName}"` : '';
    return `access denied${on} for ${who} (${context.operation}): check the IAM permissions`;
  }
  if (name === 'NoSuchBucket') return `bucket "${context.bucket ?? '?'}" does not exist`;
  if (name === 'NoSuchKey' || (name === 'NotFound' && context.key !== undefined)) {
    return `key "${context.key ?? '?'}" does not exist in bucket "${context.bucket ?? '?'}"`;
  }
  if (name === 'InvalidBucketName') return `bucket name "${context.bucket ?? '?'}" is not valid`;
  if (context.jobName !== undefined) {
    if (isMissingTrainingJob(error)) return `training job "${context.jobName}" does not exist`;
    if (name === 'ResourceInUse') {
      return `a training job named "${context.jobName}" already exists (names are unique per account and region; template one, e.g. with {{ ts_nodash }})`;
    }
    if (name === 'ResourceLimitExceeded') return `SageMaker refused training job "${context.jobName}": resource limit exceeded (${message})`;
  }
  if (name === 'ValidationException') return `SageMaker rejected ${context.operation}: ${message}`;
  if (e.$fault === undefined && status !== undefined) {
    // The reply was not an AWS error document (a proxy, an emulator's HTML page): only the status is certain.
    if (status === 401 || status === 403) return `AWS credentials rejected for ${who} (HTTP ${status})`;
    return `${context.operation} failed: ${context.endpoint} answered HTTP ${status} with a reply that is not an AWS error`;
  }
  if (name && name !== 'Error' && message) return `${context.operation} failed: ${name}: ${message}`;
  return `${context.operation} failed: ${message || name || 'unknown error'}`;
}

/** Rethrows any error of an AWS call as an Error whose message is that one line. */
export async function withAwsErrors<T>(context: AwsCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    if (error && typeof error === 'object' && (error as ErrorShape).name === 'AbortError') throw new CancelledError();
    throw new Error(awsErrorLine(error, context));
  }
}
