import { getDb } from '@/lib/db';
import { splitFormat } from '@/lib/open311/format';
import { handleOpen311 } from '@/lib/open311/handle';
import { getServiceRequest } from '@/lib/open311/requests';

/** GET requests/{service_request_id}.{json,xml} for someone allowed to see it. */
export async function GET(req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const split = splitFormat((await ctx.params).file);
  if (!split) return new Response('Not Found', { status: 404 });
  return handleOpen311(req, split.format, 'service_requests', async ({ actor, locale }) => ({
    body: await getServiceRequest(await getDb(), await actor(), split.name, locale),
  }));
}
