import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { route } from '@/lib/api/route';
import { getDatabaseKind, getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

export const GET = route(
  async () => {
    try {
      const db = await getDb();
      await db.execute(sql`select 1`);
      return NextResponse.json({ status: 'ok', database: await getDatabaseKind() });
    } catch (error) {
      console.error('[health]', error);
      return NextResponse.json({ status: 'unavailable' }, { status: 503 });
    }
  },
  { permission: { public: 'liveness probe for load balancers; returns no data' } },
);
