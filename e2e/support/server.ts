import { test } from '@playwright/test';

/** The app server a Playwright project runs against (playwright.config.ts gives each database mode its own). */
export interface AppServerInfo {
  db: 'pglite' | 'postgres';
  /** The app's port; its stand-ins listen on port + 5 … + 8, extra proof servers on port + 10 … + 14. */
  port: number;
  /** http://127.0.0.1:<port> */
  base: string;
}

/**
 * The server of the running test's project. Call it inside a test or hook, never at module level:
 * one worker process runs the files of one project, but the module is loaded before it is known.
 */
export function appServer(): AppServerInfo {
  const metadata = test.info().project.metadata as Partial<AppServerInfo>;
  if (!metadata.port || !metadata.db) throw new Error(`project ${test.info().project.name} names no app server (playwright.config.ts)`);
  return { db: metadata.db, port: metadata.port, base: `http://127.0.0.1:${metadata.port}` };
}
