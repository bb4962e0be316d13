// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * Pages read query parameters as single strings, and the database cannot store a NUL byte: a
 * repeated parameter (?q=a&q=b arrives as an array) or a control character (?q=%00) in a query
 * was a 500. The proxy sends such a page request to its clean query (first value of each
 * parameter, control characters dropped). Null: already clean.
 */
export function cleanQuery(search: string): string | null {
  if (!search || search === '?') return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return '';
  }
  const seen = new Set<string>();
  const clean = new URLSearchParams();
  let dirty = false;
  for (const [key, value] of params) {
    const k = key.replace(CONTROL, '');
    const v = value.replace(CONTROL, '');
    if (seen.has(k) || k !== key || v !== value) {
      dirty = true;
      if (seen.has(k)) continue;
    }
    seen.add(k);
    clean.append(k, v);
  }
  if (!dirty) return null;
  const text = clean.toString();
  return text ? `?${text}` : '';
}

/** Whether a query carries a control character (an API request with one is refused: 400). */
export function queryHasControl(search: string): boolean {
  try {
    for (const [key, value] of new URLSearchParams(search)) if (/[\u0000-\u001f\u007f]/.test(key + value)) return true; // eslint-disable-line no-control-regex -- what this looks for
    return false;
  } catch {
    return true;
  }
}
