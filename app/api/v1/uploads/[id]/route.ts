import { userRoute } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { getStorage } from '@/lib/storage';
import { readUpload } from '@/lib/uploads/read-upload';

export const GET = userRoute<{ id: string }>(async ({ params, user }) => {
  const { row, bytes } = await readUpload(await getDb(), getStorage(), user, params.id);
  const inline = row.contentType.startsWith('image/') || row.contentType === 'application/pdf';
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': row.contentType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
});
