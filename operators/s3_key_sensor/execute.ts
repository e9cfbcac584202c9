import type { Executor } from '../execute-types';
import { describeSession, s3Session } from '../aws/clients';
import { pokeUntil } from '../aws/poke';
import { readConfig } from '../aws/read-config';
import { keyExists, listObjects, type S3Object } from '../aws/s3-list';
import { s3Uri } from '../aws/s3-paths';
import { s3KeySensorOperator } from './definition';

export const executeS3KeySensor: Executor = async (ctx) => {
  const config = readConfig(s3KeySensorOperator, ctx.config);
  const target = config.key ? s3Uri(config.bucket, config.key) : `anything under ${s3Uri(config.bucket, config.prefix ?? '')}`;
  const s3 = s3Session(ctx, config.connection);
  try {
    ctx.log(`${describeSession(s3)}\n`);
    ctx.log(`waiting for ${target} (every ${config.poke_interval_s} s, at most ${config.timeout_s} s)\n`);
    const poke = (): Promise<S3Object[]> =>
      config.key
        ? keyExists(s3, config.bucket, config.key, ctx.signal).then((found) => (found ? [found] : []))
        : listObjects(s3, config.bucket, config.prefix ?? '', ctx.signal, 1000);
    const found = await pokeUntil(poke, {
      target,
      intervalMs: config.poke_interval_s * 1000,
      timeoutMs: config.timeout_s * 1000,
      signal: ctx.signal,
      log: ctx.log,
    });
    const keys = found.map((object) => object.key);
    ctx.log(`found ${config.key ? s3Uri(config.bucket, config.key) : `${keys.length}${keys.length === 1000 ? '+' : ''} ${keys.length === 1 ? 'object' : 'objects'}`}\n`);
    return { state: 'success', returnValue: { bucket: config.bucket, keys, uris: keys.map((key) => s3Uri(config.bucket, key)) } };
  } finally {
    s3.client.destroy();
  }
};
