/** An origin only this check uses: a relative link that parses onto it stayed on our site. */
const PROBE_ORIGIN = 'https://app.invalid';

/**
 * The same-site path a relative link really names, or null when it leaves the site. Browsers
 * read "/\t/evil", "/\\evil", "/%09/evil" … as other hosts, so prefix checks are not enough: the
 * link is parsed the way a browser parses it, against our origin, and must keep that origin. The
 * answer is the parsed path (no tabs or newlines left, safe for a Location header).
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
