import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi';

export const GET = () => NextResponse.json(openApiDocument());
