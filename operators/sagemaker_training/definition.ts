import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import type { Problem } from '../../shared/problems';
import { awsConnectionField, isTemplated, s3UriProblems, trainingJobNameProblems } from '../aws/fields';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
const INSTANCE_TYPE = /^ml\.[a-z0-9]+\.[a-z0-9]+$/;

const seconds = (max: number) => z.number().int('must be a whole number of seconds').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

const channelSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9.\-_]+$/, 'letters, digits, ".", "-" and "_" only').max(64, 'at most 64 characters'),
  s3_uri: z.string().min(1, 'required'),
  content_type: z.string().optional(),
  input_mode: z.enum(['File', 'Pipe', 'FastFile']).optional(),
});

export const sagemakerTrainingOperator = defineOperator({
  id: 'sagemaker_training',
  label: 'SageMaker training',
  category: 'AWS',
  description:
    'Starts a SageMaker training job (image, role, instances, spot, hyperparameters, S3 input and output) and, by default, waits for it, logging every status change. Cancelling the task stops the job.',
  icon: 'brain-circuit',
  returns: '{ job_name, job_arn, status, model_artifacts }: model_artifacts is the s3:// URI of model.tar.gz.',
  config: z.strictObject({
    connection: awsConnectionField(),
    job_name: field(z.string().trim().min(1, 'required'), {
      title: 'Job name',
      description: 'Unique per account and region: 1–63 letters, digits and hyphens. Templated, e.g. pets-{{ ts_nodash }}.',
      widget: 'text',
      templated: true,
      placeholder: 'pet-detector-{{ ts_nodash }}',
    }),
    role_arn: field(z.string().trim().min(1, 'required'), {
      title: 'Execution role ARN',
      description: 'The IAM role SageMaker assumes to read the input and write the model (arn:aws:iam::123456789012:role/…). Templated.',
      widget: 'text',
      templated: true,
    }),
    image: field(z.string().trim().min(1, 'required'), {
      title: 'Training image',
      description: 'The algorithm’s container image URI (ECR). Templated.',
      widget: 'text',
      templated: true,
      placeholder: '811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1',
    }),
    input_mode: field(z.enum(['File', 'Pipe', 'FastFile']).default('File'), {
      title: 'Input mode',
      description: 'File copies the input to the instance first; Pipe streams it; FastFile streams it behind a file-system view.',
      widget: 'select',
    }),
    instance_type: field(z.string().trim().default('ml.m5.large'), {
      title: 'Instance type',
      description: 'The ML instance type, e.g. ml.m5.large or ml.p3.2xlarge. Templated, e.g. {{ var.value.training_instance_type }}.',
      widget: 'text',
      templated: true,
    }),
    instance_count: field(z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(1), {
      title: 'Instance count',
      widget: 'number',
    }),
    volume_gb: field(z.number().int('must be a whole number').min(1, 'must be at least 1').max(16_384, 'must be at most 16384').default(30), {
      title: 'Volume size (GB)',
      description: 'The storage volume attached to each instance.',
      widget: 'number',
    }),
    input_s3_uri: field(z.string().trim().optional(), {
      title: 'Training data (S3 URI)',
      description: 'The s3:// prefix of the training channel’s data. Templated.',
      widget: 'text',
      templated: true,
      placeholder: 's3://my-ml-data/datasets/{{ ds }}/train/',
    }),
    input_channel: field(z.string().trim().default('training'), {
      title: 'Channel name',
      description: 'The name under which the algorithm sees that data (/opt/ml/input/data/<name>).',
      widget: 'text',
      advanced: true,
    }),
    content_type: field(z.string().trim().optional(), {
      title: 'Content type',
      description: 'MIME type of the training data, e.g. text/csv or application/x-image.',
      widget: 'text',
      advanced: true,
    }),
    channels: field(z.array(channelSchema).optional(), {
      title: 'More input channels',
      description: 'Extra channels, e.g. [{ "name": "validation", "s3_uri": "s3://…/val/", "content_type": "application/x-image" }]. Templated.',
      widget: 'json',
      templated: true,
      advanced: true,
    }),
    output_s3_uri: field(z.string().trim().min(1, 'required'), {
      title: 'Output path (S3 URI)',
      description: 'Where SageMaker writes <job>/output/model.tar.gz. Templated.',
      widget: 'text',
      templated: true,
      placeholder: 's3://my-ml-data/models/',
    }),
    hyperparameters: field(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(), {
      title: 'Hyperparameters',
      description: 'Passed to the algorithm as strings (numbers and booleans are converted). Values are templated.',
      widget: 'keyvalue',
      templated: true,
    }),
    max_runtime_s: field(seconds(2_419_200).default(86_400), {
      title: 'Max runtime (s)',
      description: 'SageMaker stops the job after this many seconds of training.',
      widget: 'number',
    }),
    spot: field(z.boolean().default(false), {
      title: 'Managed spot training',
      description: 'Run on spare capacity, usually much cheaper; the job may wait for capacity up to Max wait.',
      widget: 'boolean',
    }),
    max_wait_s: field(seconds(2_419_200).optional(), {
      title: 'Max wait (s)',
      description: 'Spot only: the longest the job may take, waiting included. At least Max runtime.',
      widget: 'number',
    }),
    checkpoint_s3_uri: field(z.string().trim().optional(), {
      title: 'Checkpoint path (S3 URI)',
      description: 'Where the algorithm’s checkpoints are synced, so an interrupted spot job can resume. Templated.',
      widget: 'text',
      templated: true,
      advanced: true,
    }),
    environment: field(z.record(z.string(), z.string()).optional(), {
      title: 'Environment',
      description: 'Environment variables in the training container. Values are templated.',
      widget: 'keyvalue',
      templated: true,
      advanced: true,
    }),
    tags: field(z.record(z.string(), z.string()).optional(), {
      title: 'Tags',
      description: 'Tags on the training job (e.g. project, owner).',
      widget: 'keyvalue',
      advanced: true,
    }),
    wait_for_completion: field(z.boolean().default(true), {
      title: 'Wait for completion',
      description: 'Poll the job until it ends; the task succeeds only when the job completes. Off: the task ends once the job is created.',
      widget: 'boolean',
    }),
    poll_interval_s: field(z.number().min(0.1, 'must be at least 0.1').max(3600, 'must be at most 3600').default(30), {
      title: 'Poll interval (s)',
      description: 'Seconds between two DescribeTrainingJob calls while waiting.',
      widget: 'number',
      advanced: true,
    }),
  }),
  validate(config) {
    const problems: Problem[] = [...trainingJobNameProblems(config.job_name)];
    if (!isTemplated(config.role_arn) && !ROLE_ARN.test(config.role_arn)) {
      problems.push({ path: 'role_arn', message: 'must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>' });
    }
    if (!isTemplated(config.instance_type) && !INSTANCE_TYPE.test(config.instance_type)) {
      problems.push({ path: 'instance_type', message: `"${config.instance_type}" is not an ML instance type (e.g. ml.m5.large)` });
    }
    if (!config.input_s3_uri && !config.channels?.length) {
      problems.push({ path: 'input_s3_uri', message: 'set the training data’s S3 URI (or at least one input channel)' });
    }
    problems.push(...s3UriProblems(config.input_s3_uri, 'input_s3_uri'), ...s3UriProblems(config.output_s3_uri, 'output_s3_uri'));
    problems.push(...s3UriProblems(config.checkpoint_s3_uri, 'checkpoint_s3_uri'));
    const names = new Set<string>(config.input_s3_uri ? [config.input_channel] : []);
    config.channels?.forEach((channel, i) => {
      problems.push(...s3UriProblems(channel.s3_uri, `channels[${i}].s3_uri`));
      if (names.has(channel.name)) problems.push({ path: `channels[${i}].name`, message: `channel "${channel.name}" is defined twice` });
      names.add(channel.name);
    });
    if (config.spot) {
      if (config.max_wait_s === undefined) {
        problems.push({ path: 'max_wait_s', message: 'managed spot training needs a max wait (at least the max runtime)' });
      } else if (config.max_wait_s < config.max_runtime_s) {
        problems.push({ path: 'max_wait_s', message: `must be at least max_runtime_s (${config.max_runtime_s})` });
      }
    } else if (config.max_wait_s !== undefined) {
      problems.push({ path: 'max_wait_s', message: 'only used with managed spot training: turn spot on or remove it' });
    }
    if (config.hyperparameters && Object.keys(config.hyperparameters).length > 100) {
      problems.push({ path: 'hyperparameters', message: 'SageMaker accepts at most 100 hyperparameters' });
    }
    return problems;
  },
});
