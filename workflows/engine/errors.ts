/**
 * The one error type of the application. Codes map to HTTP statuses and to user-facing
 * messages (Chinese first) in lib/errors; `message` here is the developer's detail.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  EVENT_NOT_ALLOWED: 422,
  RATE_LIMITED: 429,
  /** A site-wide limit was reached: an anonymous client must send a proof of work (lib/pow.ts). */
  CHALLENGE_REQUIRED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** A ready user-facing message pair, when the generic one for the code would say too little. */
    readonly userMessage?: { zh: string; en: string },
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
