import { route } from '@/lib/api/route';
import { JSON_BODY_MAX, readBodyForm } from '@/lib/body-limit';
import { getDb } from '@/lib/db';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { splitFormat } from '@/lib/open311/format';
import { handleOpen311 } from '@/lib/open311/handle';
import { createServiceRequest, listServiceRequests } from '@/lib/open311/requests';
import { describeService, repairDefinitions } from '@/lib/open311/services';

type Params = { resource: string };

function resource(params: Params) {
  const split = splitFormat(params.resource);
  if (!split || (split.name !== 'services' && split.name !== 'requests')) return null;
  return split;
}

/** GET services.{json,xml} (public) and requests.{json,xml} (api_key: the caller's requests). */
export const GET = route<Params>(async ({ req, params }) => {
  const r = resource(params);
  if (!r) return new Response('Not Found', { status: 404 });
  if (r.name === 'services') {
    return handleOpen311(req, r.format, 'services', async ({ locale }) => ({ body: repairDefinitions().map((d) => describeService(d, locale)) }));
  }
  return handleOpen311(req, r.format, 'service_requests', async ({ actor, locale }) => ({
    body: await listServiceRequests(await getDb(), await actor(), new URL(req.url).searchParams, locale),
  }));
}, { permission: { public: 'GeoReport v2: services public; requests by api_key (open311 token) in handleOpen311, never a session' } });

/** POST requests.{json,xml}: files a repair (form-encoded, as GeoReport v2 clients send). */
export const POST = route<Params>(async ({ req, params }) => {
  const r = resource(params);
  if (!r || r.name !== 'requests') return new Response('Not Found', { status: 404 });
  return handleOpen311(req, r.format, 'service_requests', async ({ actor }) => {
    const type = req.headers.get('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'form expected', { zh: '请以表单格式提交', en: 'Send the request as a form' });
    }
    const raw = await readBodyForm(req, JSON_BODY_MAX);
    const form = new URLSearchParams();
    for (const [k, v] of raw) if (typeof v === 'string') form.append(k, v);
    const db = await getDb();
    return { body: await createServiceRequest(db, await actor(form), form, await now(db)), status: 201 };
  });
}, { permission: { public: 'GeoReport v2: services public; requests by api_key (open311 token) in handleOpen311, never a session' } });
