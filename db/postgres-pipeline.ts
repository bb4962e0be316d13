import type { Sql } from 'postgres';

/**
 * The postgres.js client drizzle gets, so that a transaction waits on as few round trips as its
 * logic needs (issue 14: a transition waits on lock+read, write, commit):
 *
 * - Prepared statements. Drizzle sends every query unprepared, and postgres.js then describes an
 *   unprepared statement with parameters before executing it: two round trips per statement, and
 *   nothing can be pipelined behind it. Prepared (named, cached per connection by its text), a
 *   statement is one Bind/Execute and statements issued together travel together. Text with a `;`
 *   (several commands) stays unprepared.
 * - BEGIN goes out with the transaction's first statements instead of on its own, and savepoints
 *   with the statements after them (and are released by the commit, not one by one).
 *
 * Migrations use the plain client (db/client.ts).
 */
export function pipelinedClient(client: Sql): Sql {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return prepared(target);
      if (prop === 'begin') return (options: unknown, fn?: unknown) => begin(target, options, fn);
      return Reflect.get(target, prop, receiver);
    },
  });
}

type Unsafe = Sql['unsafe'];

function prepared(sql: Sql): Unsafe {
  return ((query: string, params?: never, options?: { prepare?: boolean }) =>
    sql.unsafe(query, params, { ...options, prepare: !query.includes(';') })) as Unsafe;
}

/** Sends a command without waiting for it: its answer is awaited later (or its failure shows then). */
function send(sql: Sql, command: string): Promise<unknown> {
  const p = sql.unsafe(command).then(() => undefined);
  p.catch(() => {});
  return p;
}

async function begin(client: Sql, options: unknown, fn?: unknown): Promise<unknown> {
  const [mode, body] = typeof options === 'function' ? ['', options] : [String(options ?? ''), fn];
  const work = body as (sql: Sql) => Promise<unknown>;
  const conn = await client.reserve();
  try {
    // On the reserved connection, in order: BEGIN, then whatever `work` sends first, in one write.
    const began = send(conn, `begin ${mode.replace(/[^a-z ]/gi, '')}`);
    let savepoints = 0;
    const scoped: Sql = new Proxy(conn, {
      get(target, prop, receiver) {
        if (prop === 'unsafe') return prepared(target);
        if (prop === 'savepoint') {
          return async (inner: (sql: Sql) => Promise<unknown>) => {
            const name = `s${savepoints++}`;
            const set = send(target, `savepoint ${name}`);
            try {
              const result = await inner(scoped);
              await set;
              return result;
            } catch (error) {
              await target.unsafe(`rollback to savepoint ${name}`);
              throw error;
            }
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    try {
      const result = await work(scoped);
      await began;
      await conn.unsafe('commit');
      return result;
    } catch (error) {
      await conn.unsafe('rollback').catch(() => {});
      throw error;
    }
  } finally {
    conn.release();
  }
}
