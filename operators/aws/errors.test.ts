import { NoSuchBucket, NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import { ResourceInUse, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { CancelledError } from './cancel';
import { awsErrorLine, isMissingTrainingJob, withAwsErrors, type AwsCallContext } from './errors';

const meta = { $metadata: { httpStatusCode: 400 } };
const s3 = (about: Partial<AwsCallContext> = {}): AwsCallContext => ({ operation: 'ListObjectsV2', connection: 'prod', endpoint: 'AWS S3 (eu-west-1)', ...about });
const service = (name: string, message: string) => new S3ServiceException({ name, $fault: 'client', message, ...meta });

describe('awsErrorLine', () => {
  it('names the missing bucket or key', () => {
    expect(awsErrorLine(new NoSuchBucket({ message: 'The specified bucket does not exist', ...meta }), s3({ bucket: 'pets' }))).toBe('bucket "pets" does not exist');
    expect(awsErrorLine(new NoSuchKey({ message: 'nope', ...meta }), s3({ bucket: 'pets', key: 'a.csv' }))).toBe('key "a.csv" does not exist in bucket "pets"');
  });

  it('says which connection’s credentials were rejected, whatever the service calls it', () => {
    for (const code of ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'UnrecognizedClientException', 'InvalidClientTokenId', 'ExpiredToken']) {
      expect(awsErrorLine(service(code, 'whatever'), s3())).toBe(`AWS credentials rejected for connection "prod" (${code})`);
    }
    expect(awsErrorLine(service('InvalidAccessKeyId', 'x'), s3({ connection: undefined }))).toBe('AWS credentials rejected for the default AWS credential chain (InvalidAccessKeyId)');
  });

  it('tells access denied apart from bad credentials', () => {
    expect(awsErrorLine(service('AccessDenied', 'Access Denied'), s3({ bucket: 'pets' }))).toBe(
      'access denied to bucket "pets" for connection "prod" (ListObjectsV2): check the IAM permissions',
    );
  });

  it('says which endpoint cannot be reached, also when the network error is wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(awsErrorLine(refused, s3({ endpoint: 'http://127.0.0.1:9' }))).toBe('cannot reach http://127.0.0.1:9 (ECONNREFUSED)');
    const wrapped = Object.assign(new Error('request failed'), { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) });
    expect(awsErrorLine(wrapped, s3())).toBe('cannot reach AWS S3 (eu-west-1) (ENOTFOUND)');
  });

  it('explains missing credentials and a missing region', () => {
    const noCreds = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(awsErrorLine(noCreds, s3({ connection: undefined }))).toBe(
      'no AWS credentials found: pick an aws connection, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or ~/.aws/credentials',
    );
    expect(awsErrorLine(new Error('Region is missing'), s3())).toBe('no AWS region for connection "prod": set the connection\'s region (or AWS_REGION)');
  });

  it('speaks of the training job for SageMaker’s errors', () => {
    const sm = { operation: 'DescribeTrainingJob', connection: 'prod', endpoint: 'AWS SageMaker', jobName: 'j1' };
    const notFound = new SageMakerServiceException({ name: 'ValidationException', $fault: 'client', message: 'Requested resource not found.', ...meta });
    expect(isMissingTrainingJob(notFound)).toBe(true);
    expect(awsErrorLine(notFound, sm)).toBe('training job "j1" does not exist');
    expect(awsErrorLine(new ResourceInUse({ message: 'exists', ...meta }), { ...sm, operation: 'CreateTrainingJob' })).toBe(
      'a training job named "j1" already exists (names are unique per account and region; template one, e.g. with {{ ts_nodash }})',
    );
    const invalid = new SageMakerServiceException({ name: 'ValidationException', $fault: 'client', message: 'Instance type ml.x is not valid\nmore', ...meta });
    expect(awsErrorLine(invalid, { ...sm, operation: 'CreateTrainingJob' })).toBe('SageMaker rejected CreateTrainingJob: Instance type ml.x is not valid');
  });

  it('reads a reply that is not an AWS error document by its HTTP status', () => {
    const html = Object.assign(new SyntaxError('Unexpected token \'<\'\n  Deserialization error: …'), { $metadata: { httpStatusCode: 403 } });
    expect(awsErrorLine(html, s3())).toBe('AWS credentials rejected for connection "prod" (HTTP 403)');
    const broken = Object.assign(new SyntaxError('Unexpected token'), { $metadata: { httpStatusCode: 500 } });
    expect(awsErrorLine(broken, s3({ operation: 'StopTrainingJob', endpoint: 'http://127.0.0.1:9' }))).toBe(
      'StopTrainingJob failed: http://127.0.0.1:9 answered HTTP 500 with a reply that is not an AWS error',
    );
  });

  it('keeps anything else to one line with the operation and the error code', () => {
    expect(awsErrorLine(service('SlowDown', 'Please reduce your request rate.\nRetry later'), s3())).toBe('ListObjectsV2 failed: SlowDown: Please reduce your request rate.');
    expect(awsErrorLine('boom', s3())).toBe('ListObjectsV2 failed: boom');
  });
});

describe('withAwsErrors', () => {
  it('rethrows an SDK error as its one line, and an abort as CancelledError', async () => {
    await expect(withAwsErrors(s3({ bucket: 'b' }), () => Promise.reject(new NoSuchBucket({ message: 'x', ...meta })))).rejects.toThrow(/^bucket "b" does not exist$/);
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    await expect(withAwsErrors(s3(), () => Promise.reject(abort))).rejects.toBeInstanceOf(CancelledError);
  });
});
