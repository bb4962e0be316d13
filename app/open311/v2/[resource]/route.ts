import { getDb } from '@/lib/db';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { splitFormat } from '@/lib/open311/format';
import { handleOpen311 } from '@/lib/open311/handle';
import { createServiceRequest, listServiceRequests } from '@/lib/open311/requests';
import { describeService, repairDefinitions } from '@/lib/open311/services';

type Ctx = { params: Promise<{ resource: string }> };

async function resource(ctx: Ctx) {
  const split = splitFormat((await ctx.params).resource);
  if (!split || (split.name !== 'services' && split.name !== 'requests')) return null;
  return split;
}

/** GET services.{json,xml} (public) and requests.{json,xml} (api_key: the caller's requests). */
export async function GET(req: Request, ctx: Ctx): Promise<Response> {
  const r = await resource(ctx);
  if (!r) return new Response('Not Found', { status: 404 });
  if (r.name === 'services') {
    return handleOpen311(req, r.format, 'services', async ({ locale }) => ({ body: repairDefinitions().map((d) => describeService(d, locale)) }));
  }
  return handleOpen311(req, r.format, 'service_requests', async ({ actor, locale }) => ({
    body: await listServiceRequests(await getDb(), await actor(), new URL(req.url).searchParams, locale),
  }));
}

/** POST requests.{json,xml}: files a repair (form-encoded, as GeoReport v2 clients send). */
export async function POST(req: Request, ctx: Ctx): Promise<Response> {
  const r = await resource(ctx);
  if (!r || r.name !== 'requests') return new Response('Not Found', { status: 404 });
  return handleOpen311(req, r.format, 'service_requests', async ({ actor }) => {
    const type = req.headers.get('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'form expected', { zh: '请以表单格式提交', en: 'Send the request as a form' });
    }
    const raw = await req.formData();
    const form = new URLSearchParams();
    for (const [k, v] of raw) if (typeof v === 'string') form.append(k, v);
    const db = await getDb();
    return { body: await createServiceRequest(db, await actor(form), form, await now(db)), status: 201 };
  });
}
