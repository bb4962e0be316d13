import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { getStorage } from '@/lib/storage';
import { fileResponse } from '@/lib/uploads/file-response';
import { readUpload } from '@/lib/uploads/read-upload';

export const GET = route<{ id: string }>(async ({ params, user }) => {
  const { row, bytes } = await readUpload(await getDb(), getStorage(), user, params.id);
  return fileResponse(row, bytes);
}, { permission: 'upload.read' });
