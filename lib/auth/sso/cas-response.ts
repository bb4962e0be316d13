/**
 * Parses a CAS 2.0/3.0 serviceValidate XML response. The format is small and fixed, so a
 * namespaced-tag reader is enough (and avoids an XML parser's entity-expansion surface).
 */
export type CasResult =
  | { ok: true; user: string; attributes: Record<string, string> }
  | { ok: false; code: string; message: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(value: string): string {
  return value
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e.toLowerCase()]!,
    )
    .trim();
}

export function parseCasResponse(xml: string): CasResult {
  const failure = xml.match(/<cas:authenticationFailure\b[^>]*code="([^"]*)"[^>]*>([\s\S]*?)<\/cas:authenticationFailure>/);
  if (failure) return { ok: false, code: failure[1]!, message: unescapeXml(failure[2]!) };
  const success = xml.match(/<cas:authenticationSuccess>([\s\S]*?)<\/cas:authenticationSuccess>/);
  const user = success?.[1]!.match(/<cas:user>([\s\S]*?)<\/cas:user>/);
  if (!success || !user) return { ok: false, code: 'INVALID_RESPONSE', message: 'no authenticationSuccess' };
  const attributes: Record<string, string> = {};
  const block = success[1]!.match(/<cas:attributes>([\s\S]*?)<\/cas:attributes>/)?.[1] ?? '';
  for (const m of block.matchAll(/<cas:([A-Za-z0-9_]+)>([\s\S]*?)<\/cas:\1>/g)) {
    // Multi-valued attributes repeat the tag; the first value is the one we map.
    attributes[m[1]!] ??= unescapeXml(m[2]!);
  }
  return { ok: true, user: unescapeXml(user[1]!), attributes };
}
