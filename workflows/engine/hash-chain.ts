import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  instanceId: string;
  seq: number;
  type: string;
  actorId: string | null;
  actorRole: string;
  comment: string | null;
  payload: unknown;
  fromState: string | null;
  toState: string;
  at: Date;
}

/** Each entry's hash covers the previous entry's hash and all of its own fields. */
export function eventHash(prevHash: string, event: ChainedEvent): string {
  const body = canonicalJson({ ...event, at: event.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Verifies one instance's events in seq order; returns the seq of the first broken entry. */
export function verifyChain(events: Array<ChainedEvent & { prevHash: string; hash: string }>): {
  ok: boolean;
  firstBrokenSeq?: number;
} {
  let prev = GENESIS_HASH;
  for (const e of events) {
    const fields: ChainedEvent = {
      instanceId: e.instanceId,
      seq: e.seq,
      type: e.type,
      actorId: e.actorId,
      actorRole: e.actorRole,
      comment: e.comment,
      payload: e.payload,
      fromState: e.fromState,
      toState: e.toState,
      at: e.at,
    };
    if (e.prevHash !== prev || eventHash(prev, fields) !== e.hash) return { ok: false, firstBrokenSeq: e.seq };
    prev = e.hash;
  }
  return { ok: true };
}
