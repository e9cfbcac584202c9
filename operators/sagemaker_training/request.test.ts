import { describe, expect, it } from 'vitest';
import { sagemakerTrainingOperator } from './definition';
import { buildCreateTrainingJobRequest, describeRequest, expectedModelArtifacts, hyperparameterStrings } from './request';

const seed = {
  job_name: 'pets-20240101T000000',
  role_arn: 'arn:aws:iam::123456789012:role/SageMakerRole',
  image: '811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1',
  input_mode: 'Pipe',
  instance_type: 'ml.p3.2xlarge',
  instance_count: 2,
  volume_gb: 50,
  input_s3_uri: 's3://pets/datasets/train/',
  content_type: 'application/x-recordio',
  channels: [{ name: 'validation', s3_uri: 's3://pets/datasets/val/', content_type: 'application/x-recordio', input_mode: 'File' }],
  output_s3_uri: 's3://pets/models/',
  hyperparameters: { num_classes: 37, learning_rate: 0.001, use_pretrained_model: true, base_network: 'resnet-50' },
  max_runtime_s: 3600,
  spot: true,
  max_wait_s: 7200,
  checkpoint_s3_uri: 's3://pets/checkpoints/',
  environment: { LOG_LEVEL: 'debug' },
  tags: { project: 'pets' },
};

describe('buildCreateTrainingJobRequest', () => {
  it('maps every setting of the seed configuration to its CreateTrainingJob field', () => {
    const config = sagemakerTrainingOperator.config.parse(seed);
    expect(buildCreateTrainingJobRequest(config)).toEqual({
      TrainingJobName: 'pets-20240101T000000',
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      AlgorithmSpecification: { TrainingImage: '811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1', TrainingInputMode: 'Pipe' },
      ResourceConfig: { InstanceType: 'ml.p3.2xlarge', InstanceCount: 2, VolumeSizeInGB: 50 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      EnableManagedSpotTraining: true,
      HyperParameters: { num_classes: '37', learning_rate: '0.001', use_pretrained_model: 'true', base_network: 'resnet-50' },
      InputDataConfig: [
        {
          ChannelName: 'training',
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://pets/datasets/train/', S3DataDistributionType: 'FullyReplicated' } },
          ContentType: 'application/x-recordio',
        },
        {
          ChannelName: 'validation',
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://pets/datasets/val/', S3DataDistributionType: 'FullyReplicated' } },
          ContentType: 'application/x-recordio',
          InputMode: 'File',
        },
      ],
      OutputDataConfig: { S3OutputPath: 's3://pets/models/' },
      CheckpointConfig: { S3Uri: 's3://pets/checkpoints/' },
      Environment: { LOG_LEVEL: 'debug' },
      Tags: [{ Key: 'project', Value: 'pets' }],
    });
  });

  it('applies the defaults and leaves out what was not set (on-demand: no max wait)', () => {
    const config = sagemakerTrainingOperator.config.parse({
      job_name: 'j1',
      role_arn: 'arn:aws:iam::123456789012:role/r',
      image: 'img:1',
      input_s3_uri: 's3://b/in/',
      output_s3_uri: 's3://b/out',
    });
    expect(buildCreateTrainingJobRequest(config)).toEqual({
      TrainingJobName: 'j1',
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
      ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
      EnableManagedSpotTraining: false,
      InputDataConfig: [
        { ChannelName: 'training', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in/', S3DataDistributionType: 'FullyReplicated' } } },
      ],
      OutputDataConfig: { S3OutputPath: 's3://b/out' },
    });
  });
});

describe('the helpers around the request', () => {
  it('turns numbers and booleans into the strings SageMaker requires, and an empty map into nothing', () => {
    expect(hyperparameterStrings({ a: 1, b: 2.5, c: false, d: 'x' })).toEqual({ a: '1', b: '2.5', c: 'false', d: 'x' });
    expect(hyperparameterStrings({})).toBeUndefined();
    expect(hyperparameterStrings(undefined)).toBeUndefined();
  });

  it('predicts the model URI where SageMaker writes it, with or without a trailing slash', () => {
    expect(expectedModelArtifacts('s3://b/models/', 'j1')).toBe('s3://b/models/j1/output/model.tar.gz');
    expect(expectedModelArtifacts('s3://b/models', 'j1')).toBe('s3://b/models/j1/output/model.tar.gz');
  });

  it('describes the job being created in one line', () => {
    const request = buildCreateTrainingJobRequest(sagemakerTrainingOperator.config.parse(seed));
    expect(describeRequest(request)).toBe(
      'creating training job "pets-20240101T000000": 811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1 (Pipe mode) ' +
        'on 2 × ml.p3.2xlarge, 50 GB, managed spot (max wait 7200 s), max runtime 3600 s; ' +
        'input training=s3://pets/datasets/train/, validation=s3://pets/datasets/val/; output s3://pets/models/',
    );
  });
});
