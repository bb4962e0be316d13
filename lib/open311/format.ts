/** GeoReport v2 answers in JSON or XML, chosen by the URL's extension. */
export type Open311Format = 'json' | 'xml';

/** Splits "services.json" / "abc.xml" into its name and format; null for anything else. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const m = file.match(/^(.+)\.(json|xml)$/);
  return m ? { name: m[1]!, format: m[2] as Open311Format } : null;
}

const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function toXml(tag: string, value: unknown): string {
  if (value === null || value === undefined) return `<${tag}/>`;
  if (Array.isArray(value)) {
    // GeoReport names list items by the singular of the list (services → service, values → value).
    const item = tag === 'attributes' ? 'attribute' : tag === 'values' ? 'value' : tag.replace(/s$/, '');
    return `<${tag}>${value.map((v) => toXml(item, v)).join('')}</${tag}>`;
  }
  if (typeof value === 'object') {
    return `<${tag}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => toXml(k, v))
      .join('')}</${tag}>`;
  }
  return `<${tag}>${esc(String(value))}</${tag}>`;
}

/** An Open311 response: `root` is the XML root element (services, service_definition, service_requests, errors). */
export function open311Response(body: unknown, format: Open311Format, root: string, status = 200): Response {
  if (format === 'json') {
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const xml = `<?xml version="1.0" encoding="utf-8"?>${toXml(root, body)}`;
  return new Response(xml, { status, headers: { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' } });
}
