import type { Channel, CreateTrainingJobCommandInput, TrainingInputMode, TrainingInstanceType } from '@aws-sdk/client-sagemaker';
import type { OperatorConfig } from '../../shared/operator';
import type { sagemakerTrainingOperator } from './definition';

export type SagemakerTrainingConfig = OperatorConfig<typeof sagemakerTrainingOperator>;

/** SageMaker passes hyperparameters to the algorithm as strings only. */
export function hyperparameterStrings(values: Record<string, string | number | boolean> | undefined): Record<string, string> | undefined {
  if (!values || Object.keys(values).length === 0) return undefined;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
}

function s3Channel(name: string, s3Uri: string, contentType: string | undefined, inputMode: TrainingInputMode | undefined): Channel {
  const channel: Channel = {
    ChannelName: name,
    DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: s3Uri, S3DataDistributionType: 'FullyReplicated' } },
  };
  if (contentType) channel.ContentType = contentType;
  if (inputMode) channel.InputMode = inputMode;
  return channel;
}

/** The CreateTrainingJob request for a (rendered, validated) config: every setting of the form, nothing implicit. */
export function buildCreateTrainingJobRequest(config: SagemakerTrainingConfig): CreateTrainingJobCommandInput {
  const channels: Channel[] = [];
  if (config.input_s3_uri) channels.push(s3Channel(config.input_channel, config.input_s3_uri, config.content_type, undefined));
  for (const extra of config.channels ?? []) channels.push(s3Channel(extra.name, extra.s3_uri, extra.content_type, extra.input_mode));

  const request: CreateTrainingJobCommandInput = {
    TrainingJobName: config.job_name,
    RoleArn: config.role_arn,
    AlgorithmSpecification: { TrainingImage: config.image, TrainingInputMode: config.input_mode },
    ResourceConfig: {
      InstanceType: config.instance_type as TrainingInstanceType,
      InstanceCount: config.instance_count,
      VolumeSizeInGB: config.volume_gb,
    },
    StoppingCondition: config.spot
      ? { MaxRuntimeInSeconds: config.max_runtime_s, MaxWaitTimeInSeconds: config.max_wait_s }
      : { MaxRuntimeInSeconds: config.max_runtime_s },
    EnableManagedSpotTraining: config.spot,
    InputDataConfig: channels,
    OutputDataConfig: { S3OutputPath: config.output_s3_uri },
  };
  const hyperparameters = hyperparameterStrings(config.hyperparameters);
  if (hyperparameters) request.HyperParameters = hyperparameters;
  if (config.checkpoint_s3_uri) request.CheckpointConfig = { S3Uri: config.checkpoint_s3_uri };
  if (config.environment && Object.keys(config.environment).length > 0) request.Environment = { ...config.environment };
  if (config.tags && Object.keys(config.tags).length > 0) request.Tags = Object.entries(config.tags).map(([Key, Value]) => ({ Key, Value }));
  return request;
}

/** Where SageMaker puts a job's model: <output path>/<job name>/output/model.tar.gz. */
export function expectedModelArtifacts(outputS3Uri: string, jobName: string): string {
  return `${outputS3Uri.replace(/\/+$/, '')}/${jobName}/output/model.tar.gz`;
}

/** The one line that says what is being started (no secrets: the request holds none). */
export function describeRequest(request: CreateTrainingJobCommandInput): string {
  const resources = request.ResourceConfig;
  const stopping = request.StoppingCondition;
  const capacity = request.EnableManagedSpotTraining ? `managed spot (max wait ${stopping?.MaxWaitTimeInSeconds} s)` : 'on-demand';
  const channels = (request.InputDataConfig ?? []).map((c) => `${c.ChannelName}=${c.DataSource?.S3DataSource?.S3Uri}`).join(', ');
  return (
    `creating training job "${request.TrainingJobName}": ${request.AlgorithmSpecification?.TrainingImage} ` +
    `(${request.AlgorithmSpecification?.TrainingInputMode} mode) on ${resources?.InstanceCount} × ${resources?.InstanceType}, ` +
    `${resources?.VolumeSizeInGB} GB, ${capacity}, max runtime ${stopping?.MaxRuntimeInSeconds} s; ` +
    `input ${channels || 'none'}; output ${request.OutputDataConfig?.S3OutputPath}`
  );
}
