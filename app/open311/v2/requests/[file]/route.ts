import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { splitFormat } from '@/lib/open311/format';
import { handleOpen311 } from '@/lib/open311/handle';
import { getServiceRequest } from '@/lib/open311/requests';

/** GET requests/{service_request_id}.{json,xml} for someone allowed to see it. */
export const GET = route<{ file: string }>(async ({ req, params }) => {
  const split = splitFormat(params.file);
  if (!split) return new Response('Not Found', { status: 404 });
  return handleOpen311(req, split.format, 'service_requests', async ({ actor, locale }) => ({
    body: await getServiceRequest(await getDb(), await actor(), split.name, locale),
  }));
}, { permission: { public: 'GeoReport v2: an api_key (open311 token) checked by handleOpen311; the record by instance.view' } });
