import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { Storage } from './storage';

export interface S3Config {
  bucket: string;
  /** MinIO, Ceph, Aliyun OSS, Tencent COS…; absent = AWS. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** bucket in the path (MinIO, Ceph) rather than in the host name. */
  forcePathStyle: boolean;
  /** Prefix of every key, so one bucket can serve several installations. */
  prefix?: string;
}

/**
 * Uploads in an S3-compatible bucket. The object carries the content type we sniffed, and its
 * MD5 (Content-MD5) lets the server refuse a body damaged in transit.
 */
export function s3Storage(config: S3Config): Storage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    // Some S3-compatible stores reject the newer default CRC32 checksum headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (k: string) => `${config.prefix ?? ''}${k}`;
  return {
    async put(k, data, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: key(k),
          Body: data,
          ContentType: contentType,
          ContentMD5: createHash('md5').update(data).digest('base64'),
        }),
      );
    },
    async get(k) {
      const out = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key(k) }));
      if (!out.Body) throw new Error(`empty body for ${k}`);
      return out.Body.transformToByteArray();
    },
    async delete(k) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key(k) }));
    },
  };
}
