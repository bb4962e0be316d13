import { nameForType } from './sniff-type';

/** Serves a stored file: its sniffed type, inline only for images and PDF, sandboxed, never cached. */
export function fileResponse(
  row: { contentType: string; filename: string },
  bytes: Uint8Array,
  extraHeaders: Record<string, string> = {},
): Response {
  const inline = row.contentType.startsWith('image/') || row.contentType === 'application/pdf';
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': row.contentType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(nameForType(row.filename, row.contentType))}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': 'private, no-store',
      ...extraHeaders,
    },
  });
}
