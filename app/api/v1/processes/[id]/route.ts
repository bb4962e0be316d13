import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { describeProcess } from '@/lib/processes/describe-process';

export const GET = route<{ id: string }>(async ({ params }) => NextResponse.json(describeProcess(params.id)), { permission: 'signed-in' });
