import { NextResponse } from 'next/server';
import { userRoute } from '@/lib/api/route';
import { describeProcess } from '@/lib/processes/describe-process';

export const GET = userRoute<{ id: string }>(async ({ params }) => NextResponse.json(describeProcess(params.id)));
