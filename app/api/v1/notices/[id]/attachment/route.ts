import { eq } from 'drizzle-orm';
import { uploads } from '@/db/schema';
import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getNotice } from '@/lib/notify/notices/read-notice';
import { getStorage } from '@/lib/storage';

/** A notice's attachment, for its recipients and author only (the notice decides, not the upload). */
export const GET = route<{ id: string }>(async ({ params, user }) => {
  const db = await getDb();
  const { notice } = await getNotice(db, user, params.id);
  if (!notice.attachmentId) throw new AppError('NOT_FOUND', 'no attachment');
  const [row] = await db.select().from(uploads).where(eq(uploads.id, notice.attachmentId));
  if (!row) throw new AppError('NOT_FOUND', 'attachment gone');
  const bytes = await getStorage().get(row.storageKey);
  const inline = row.contentType.startsWith('image/') || row.contentType === 'application/pdf';
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': row.contentType,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}, { permission: 'notice.read' });
