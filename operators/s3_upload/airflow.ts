import { DAG_FOLDER_HELPER, type PythonHelper } from '../../shared/airflow/helpers';
import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import type { OperatorConfig } from '../../shared/operator';
import type { s3UploadOperator } from './definition';

/** S3 keys: a prefix and a relative path joined with exactly one "/" (as the local executors do). */
export const S3_KEY_HELPER: PythonHelper = {
  id: 's3_key',
  modules: ['os'],
  airflow: [],
  requires: [],
  code: String.raw`def _dagstudio_join_key(prefix, relative_path):
    """A prefix and a relative path joined with exactly one "/" (an empty prefix is the bucket's top level)."""
    rel = relative_path.replace(os.sep, '/').lstrip('/')
    if prefix == '':
        return rel
    return prefix + rel if prefix.endswith('/') else prefix + '/' + rel`,
};

const UPLOAD: PythonHelper = {
  id: 's3_upload',
  modules: ['os'],
  airflow: ['AirflowException', 'BaseOperator', 'S3Hook'],
  requires: [DAG_FOLDER_HELPER, S3_KEY_HELPER],
  code: String.raw`class DagstudioS3UploadOperator(BaseOperator):
    """Uploads a file, or a folder with everything in it, through the Amazon provider's S3Hook, with the keys and
    the return value ({bucket, keys, uris, files, bytes}) of dagstudio's s3_upload."""

    template_fields = ('bucket', 'path', 'key', 'prefix')

    def __init__(self, *, bucket, path, key=None, prefix=None, aws_conn_id=None, concurrency=4, part_size_mb=8, **kwargs):
        super().__init__(**kwargs)
        self.bucket, self.path, self.key, self.prefix = bucket, path, key, prefix
        self.aws_conn_id, self.concurrency, self.part_size_mb = aws_conn_id, concurrency, part_size_mb

    def execute(self, context):
        from boto3.s3.transfer import TransferConfig

        source = os.path.join(DAG_FOLDER, self.path)
        if os.path.isdir(source):
            if self.key:
                raise AirflowException(f'"{source}" is a folder: set prefix (the folder\'s files go below it) instead of key')
            files = sorted(os.path.join(root, name) for root, _, names in os.walk(source) for name in names)
            if not files:
                raise AirflowException(f'folder "{source}" has no files to upload')
            plan = [(f, _dagstudio_join_key(self.prefix or '', os.path.relpath(f, source))) for f in files]
        else:
            plan = [(source, self.key or _dagstudio_join_key(self.prefix or '', os.path.basename(source)))]
        part = self.part_size_mb * 1024 * 1024
        transfer = TransferConfig(multipart_threshold=part, multipart_chunksize=part, max_concurrency=self.concurrency)
        client = S3Hook(aws_conn_id=self.aws_conn_id).get_conn()
        total = 0
        for path, key in plan:
            self.log.info('%s -> s3://%s/%s', path, self.bucket, key)
            client.upload_file(path, self.bucket, key, Config=transfer)
            total += os.path.getsize(path)
        keys = [key for _, key in plan]
        return {'bucket': self.bucket, 'keys': keys, 'uris': [f's3://{self.bucket}/{k}' for k in keys], 'files': len(plan), 'bytes': total}`,
};

/** s3_upload → an operator on the Amazon provider's S3Hook (Airflow's own transfer takes one file, not a folder). */
export const s3UploadAirflow: AirflowMapping<OperatorConfig<typeof s3UploadOperator>> = ({ config }) => ({
  operator: 'DagstudioS3UploadOperator',
  helpers: [UPLOAD],
  connections: config.connection ? [{ name: config.connection, type: 'aws' }] : [],
  args: [
    ['bucket', config.bucket],
    ['path', config.path],
    ['key', present(config.key)],
    ['prefix', present(config.prefix)],
    ['aws_conn_id', present(config.connection) ?? null],
    ['concurrency', config.concurrency === 4 ? undefined : config.concurrency],
    ['part_size_mb', config.part_size_mb === 8 ? undefined : config.part_size_mb],
  ],
});
