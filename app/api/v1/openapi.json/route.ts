import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi';
import { route } from '@/lib/api/route';

export const GET = route(async () => NextResponse.json(openApiDocument()), { permission: { public: 'the API description, the same for everyone' } });
