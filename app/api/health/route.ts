import { NextResponse } from 'next/server';
import { getDatabaseKind, getDb } from '@/lib/db';
import { sql } from 'drizzle-orm';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: 'ok', database: await getDatabaseKind() });
  } catch (error) {
    console.error('[health]', error);
    return NextResponse.json({ status: 'unavailable' }, { status: 503 });
  }
}
