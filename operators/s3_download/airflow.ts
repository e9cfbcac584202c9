import { DAG_FOLDER_HELPER, type PythonHelper } from '../../shared/airflow/helpers';
import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import type { OperatorConfig } from '../../shared/operator';
import type { s3DownloadOperator } from './definition';

const DOWNLOAD: PythonHelper = {
  id: 's3_download',
  modules: ['os'],
  airflow: ['AirflowException', 'BaseOperator', 'S3Hook'],
  requires: [DAG_FOLDER_HELPER],
  code: String.raw`class DagstudioS3DownloadOperator(BaseOperator):
    """Downloads one object, or every object under a prefix, through the Amazon provider's S3Hook, to the paths
    and with the return value ({bucket, paths, files, bytes}) of dagstudio's s3_download."""

    template_fields = ('bucket', 'key', 'prefix', 'path')

    def __init__(self, *, bucket, path, key=None, prefix=None, aws_conn_id=None, overwrite=True, concurrency=4, **kwargs):
        super().__init__(**kwargs)
        self.bucket, self.path, self.key, self.prefix = bucket, path, key, prefix
        self.aws_conn_id, self.overwrite, self.concurrency = aws_conn_id, overwrite, concurrency

    def execute(self, context):
        from boto3.s3.transfer import TransferConfig

        client = S3Hook(aws_conn_id=self.aws_conn_id).get_conn()
        destination = os.path.join(DAG_FOLDER, self.path)
        if self.key:
            into_folder = os.path.isdir(destination) or self.path.endswith('/')
            plan = [(self.key, os.path.join(destination, self.key.rsplit('/', 1)[-1]) if into_folder else destination)]
        else:
            plan = []
            base = self.prefix[:self.prefix.rfind('/') + 1]
            for page in client.get_paginator('list_objects_v2').paginate(Bucket=self.bucket, Prefix=self.prefix):
                for item in page.get('Contents', []):
                    key = item['Key']
                    if key.endswith('/'):
                        continue
                    parts = [part for part in key[len(base):].split('/') if part]
                    if not parts or any(part in ('.', '..') for part in parts):
                        raise AirflowException(f's3://{self.bucket}/{key} would be written outside {destination}; refusing to download it')
                    plan.append((key, os.path.join(destination, *parts)))
        transfer = TransferConfig(max_concurrency=self.concurrency)
        paths, total = [], 0
        for key, target in plan:
            if os.path.exists(target) and not self.overwrite:
                raise AirflowException(f'{target} already exists and overwrite is off')
            os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
            self.log.info('s3://%s/%s -> %s', self.bucket, key, target)
            client.download_file(self.bucket, key, target, Config=transfer)
            paths.append(os.path.abspath(target))
            total += os.path.getsize(target)
        return {'bucket': self.bucket, 'paths': paths, 'files': len(paths), 'bytes': total}`,
};

/** s3_download → an operator on the Amazon provider's S3Hook (one object or a whole prefix). */
export const s3DownloadAirflow: AirflowMapping<OperatorConfig<typeof s3DownloadOperator>> = ({ config }) => ({
  operator: 'DagstudioS3DownloadOperator',
  helpers: [DOWNLOAD],
  connections: config.connection ? [{ name: config.connection, type: 'aws' }] : [],
  args: [
    ['bucket', config.bucket],
    ['key', present(config.key)],
    ['prefix', present(config.prefix)],
    ['path', config.path],
    ['aws_conn_id', present(config.connection) ?? null],
    ['overwrite', config.overwrite ? undefined : false],
    ['concurrency', config.concurrency === 4 ? undefined : config.concurrency],
  ],
});
