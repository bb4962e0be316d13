import path from 'node:path';
import { env } from '../env';
import { localDiskStorage } from './local-disk';
import type { Storage } from './storage';

export type { Storage };

let storage: Storage | undefined;

/** The configured storage driver. */
export function getStorage(): Storage {
  storage ??= localDiskStorage(path.join(env().dataDir, 'uploads'));
  return storage;
}
