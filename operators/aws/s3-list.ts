import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { AwsSession } from './clients';
import { withAwsErrors } from './errors';

export interface S3Object {
  key: string;
  size: number;
}

/** Every object whose key starts with `prefix`, following continuation tokens, in S3's (UTF-8 binary) key order. */
export async function listObjects(s3: AwsSession<S3Client>, bucket: string, prefix: string, signal: AbortSignal, limit = Infinity): Promise<S3Object[]> {
  const objects: S3Object[] = [];
  let token: string | undefined;
  do {
    const page = await withAwsErrors(s3.call('ListObjectsV2', { bucket }), () =>
      s3.client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: Math.min(1000, limit - objects.length) }),
        { abortSignal: signal },
      ),
    );
    for (const item of page.Contents ?? []) if (item.Key !== undefined) objects.push({ key: item.Key, size: item.Size ?? 0 });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && objects.length < limit);
  return objects;
}

/**
 * Whether the exact key exists. Listing (rather than HeadObject) tells a missing bucket from a missing key, and
 * one key suffices: a key sorts before every longer key it is a prefix of.
 */
export async function keyExists(s3: AwsSession<S3Client>, bucket: string, key: string, signal: AbortSignal): Promise<S3Object | undefined> {
  const [first] = await listObjects(s3, bucket, key, signal, 1);
  return first?.key === key ? first : undefined;
}
