import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: string,
  ) {
    super(
      `The embedded database in ${path.dirname(lockFile)} is in use by another process (${holder}). ` +
        'PGlite allows one process per data directory: stop that process, or point DATA_DIR elsewhere, ' +
        'or use DATABASE_URL for a PostgreSQL server shared by several processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file on the data directory, or throws naming the holder.
 * A lock left by a dead process on this host (kill -9) is taken over.
 * Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'pglite.lock');
  const me = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number };
          if (current.pid === process.pid) unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(lockFile, 'utf8'));
      } catch {
        // A half-written lock file: its writer died between open and write.
      }
      const stale = holder.host === me.host && typeof holder.pid === 'number' && !isAlive(holder.pid);
      const unreadable = holder.pid === undefined;
      if ((stale || unreadable) && attempt === 0) {
        unlinkSync(lockFile);
        continue;
      }
      throw new DataDirLockedError(lockFile, `pid ${holder.pid} on ${holder.host}, since ${holder.since}`);
    }
  }
  throw new DataDirLockedError(lockFile, 'unknown');
}
