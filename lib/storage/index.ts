import path from 'node:path';
import { env } from '../env';
import { localDiskStorage } from './local-disk';
import { s3Storage } from './s3';
import type { Storage } from './storage';
import { uploadthingStorage } from './uploadthing';

export type { Storage };

let storage: Storage | undefined;

/** The configured storage driver: S3 when S3_BUCKET is set, else uploadthing when UPLOADTHING_TOKEN is, else local disk. */
export function getStorage(): Storage {
  const e = env();
  storage ??= e.s3
    ? s3Storage(e.s3)
    : e.uploadthingToken
      ? uploadthingStorage(e.uploadthingToken)
      : localDiskStorage(path.join(e.dataDir, 'uploads'));
  return storage;
}
