import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { AwsConnection } from '../../shared/settings';
import type { TaskRunContext } from '../execute-types';
import { awsClientConfig, endpointLabel } from './client-config';
import type { AwsCallContext } from './errors';

/** The aws connection a task names, or undefined for the standard credential chain. */
export function awsConnectionOf(ctx: TaskRunContext, name: string | undefined): AwsConnection | undefined {
  if (!name) return undefined;
  const connection = ctx.connection(name);
  if (connection.type !== 'aws') throw new Error(`connection "${name}" is an ${connection.type} connection; this task needs an aws connection`);
  return connection;
}

/** A client plus what its errors need to be told clearly. */
export interface AwsSession<C> {
  client: C;
  connection: AwsConnection | undefined;
  endpoint: string;
  /** The context of one call, for awsErrorLine/withAwsErrors. */
  call: (operation: string, about?: Pick<AwsCallContext, 'bucket' | 'key' | 'jobName'>) => AwsCallContext;
}

function session<C>(client: C, connection: AwsConnection | undefined, service: 's3' | 'sagemaker'): AwsSession<C> {
  const endpoint = endpointLabel(connection, service);
  return {
    client,
    connection,
    endpoint,
    call: (operation, about) => ({ operation, connection: connection?.name, endpoint, ...about }),
  };
}

export function s3Session(ctx: TaskRunContext, connectionName: string | undefined): AwsSession<S3Client> {
  const connection = awsConnectionOf(ctx, connectionName);
  return session(new S3Client(awsClientConfig(connection, 's3')), connection, 's3');
}

export function sagemakerSession(ctx: TaskRunContext, connectionName: string | undefined): AwsSession<SageMakerClient> {
  const connection = awsConnectionOf(ctx, connectionName);
  return session(new SageMakerClient(awsClientConfig(connection, 'sagemaker')), connection, 'sagemaker');
}

/** One log line that says which credentials and endpoint a task uses (names only: never a key or secret). */
export function describeSession(session: AwsSession<unknown>): string {
  const who = session.connection ? `connection "${session.connection.name}"` : 'the default AWS credential chain';
  return `using ${who} → ${session.endpoint}`;
}
