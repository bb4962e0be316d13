import { z } from 'zod';
import { DATASETS } from '@/lib/campus/datasets';

/**
 * PUT /api/v1/integrations/{dataset}: the rows of one dataset, as an array or { rows: [...] }
 * (lib/campus/push-dataset.ts), each row checked by that dataset's own schema.
 */
export const datasetPushBody = z.union(
  Object.values(DATASETS).flatMap((d) => {
    const rows = z.array(d.row).meta({ title: `${d.id} rows` });
    return [rows, z.object({ rows })];
  }) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);
