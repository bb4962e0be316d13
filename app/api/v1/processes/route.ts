import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { listStartableProcesses } from '@/lib/processes/describe-process';

export const GET = route(async ({ user }) => NextResponse.json({ processes: listStartableProcesses(user) }), { permission: 'signed-in' });
