import { NextResponse } from 'next/server';
import { userRoute } from '@/lib/api/route';
import { listStartableProcesses } from '@/lib/processes/describe-process';

export const GET = userRoute(async ({ user }) => NextResponse.json({ processes: listStartableProcesses(user) }));
