import { userRoute } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { getStorage } from '@/lib/storage';
import { fileResponse } from '@/lib/uploads/file-response';
import { readUpload } from '@/lib/uploads/read-upload';

export const GET = userRoute<{ id: string }>(async ({ params, user }) => {
  const { row, bytes } = await readUpload(await getDb(), getStorage(), user, params.id);
  return fileResponse(row, bytes);
});
