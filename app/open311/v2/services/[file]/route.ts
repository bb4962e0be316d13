import { route } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { splitFormat } from '@/lib/open311/format';
import { handleOpen311 } from '@/lib/open311/handle';
import { repairDefinition, serviceAttributes } from '@/lib/open311/services';

/** GET services/{service_code}.{json,xml}: the attributes a request must carry. */
export const GET = route<{ file: string }>(async ({ req, params }) => {
  const split = splitFormat(params.file);
  if (!split) return new Response('Not Found', { status: 404 });
  return handleOpen311(req, split.format, 'service_definition', async ({ locale }) => {
    if (!repairDefinition(split.name)) throw new AppError('NOT_FOUND', `service ${split.name}`, { zh: '没有这个服务', en: 'No such service' });
    return { body: serviceAttributes(split.name, locale) };
  });
}, { permission: { public: 'GeoReport v2 service definitions: public by the standard' } });
