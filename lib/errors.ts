import { NextResponse } from 'next/server';
import { AppError, ERROR_CODES, isAppError, type ErrorCode } from '@/workflows/engine/errors';
import { translator, type Locale } from './i18n/translate';

export { AppError, isAppError, type ErrorCode };

export interface ErrorBody {
  error: { code: ErrorCode | 'INTERNAL'; message: string; fields?: Record<string, string>; challenge?: { challenge: string; bits: number } };
}

/** The one place an error becomes a status and a message the user can read. */
export function toErrorBody(error: unknown, locale: Locale): { status: number; body: ErrorBody } {
  const t = translator(locale);
  if (isAppError(error)) {
    const fields = error.details?.fields as Record<string, string> | undefined;
    const challenge = error.code === 'CHALLENGE_REQUIRED' ? (error.details as { challenge: string; bits: number }) : undefined;
    return {
      status: ERROR_CODES[error.code],
      body: {
        error: {
          code: error.code,
          message: error.userMessage?.[locale] ?? t(`errors.${error.code}`),
          ...(fields ? { fields } : {}),
          ...(challenge ? { challenge: { challenge: challenge.challenge, bits: challenge.bits } } : {}),
        },
      },
    };
  }
  console.error(error);
  return { status: 500, body: { error: { code: 'INTERNAL', message: t('errors.INTERNAL') } } };
}

export function errorResponse(error: unknown, locale: Locale): NextResponse<ErrorBody> {
  const { status, body } = toErrorBody(error, locale);
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
