import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from './storage';

const KEY_PATTERN = /^[a-z0-9][a-z0-9/-]*$/;

/** Files under `root`, by keys the server generates (never a user's file name). */
export function localDiskStorage(root: string): Storage {
  const resolve = (key: string) => {
    if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a crash never leaves half a file under the real key.
      const tmp = `${file}.tmp-${process.pid}`;
      await writeFile(tmp, data);
      await rename(tmp, file);
    },
    async get(key) {
      return new Uint8Array(await readFile(resolve(key)));
    },
    async delete(key) {
      await unlink(resolve(key)).catch(() => undefined);
    },
  };
}
