/** When a message may go out: quiet hours (the retry backoff of every delivery is lib/outbox/retry-policy). */

const SHANGHAI_OFFSET_MIN = 8 * 60; // China has no daylight saving time

/** Minutes after midnight in Asia/Shanghai. */
function shanghaiMinutes(at: Date): number {
  const utcMin = at.getUTCHours() * 60 + at.getUTCMinutes();
  return (utcMin + SHANGHAI_OFFSET_MIN) % (24 * 60);
}

export function inQuietHours(at: Date, quiet: { start: number; end: number } | null): boolean {
  if (!quiet) return false;
  const m = shanghaiMinutes(at);
  return quiet.start <= quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
}

/** The first moment at or after `at` outside quiet hours (urgent messages ignore them). */
export function notBefore(at: Date, quiet: { start: number; end: number } | null, urgent: boolean): Date {
  if (urgent || !inQuietHours(at, quiet)) return at;
  const m = shanghaiMinutes(at);
  const wait = (quiet!.end - m + 24 * 60) % (24 * 60);
  const next = new Date(at.getTime() + wait * 60_000);
  next.setUTCSeconds(0, 0);
  return next;
}

/** Escalations and notices flagged urgent cut through quiet hours and digests. */
export function isUrgent(kind: string, params: Record<string, string>): boolean {
  return kind.includes('escalat') || params.urgent === 'true';
}
