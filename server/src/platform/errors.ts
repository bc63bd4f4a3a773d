/**
 * One error shape for the whole API: { error: { code, message, fields? } }. Services throw
 * AppError with a code; the code alone decides the HTTP status (statusOf), and the message is
 * looked up in the request's language, so clerks read Chinese and the API stays machine-readable.
 */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'account_disabled',
  'csrf_failed',
  'password_change_required',
  'forbidden',
  'out_of_scope',
  'not_found',
  'conflict',
  'stale_version',
  'duplicate',
  'rate_limited',
  'payload_too_large',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'account_disabled':
    case 'csrf_failed':
    case 'password_change_required':
    case 'forbidden':
    case 'out_of_scope':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'stale_version':
    case 'duplicate':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
  }
}

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Optional specific message (already localised by the caller); else the code's default. */
    readonly detail?: { zh: string; en: string },
    readonly fields?: FieldError[],
    /** Extra payload, e.g. the current row on a stale update. */
    readonly current?: unknown,
  ) {
    super(detail?.en ?? code);
  }
}

export const notFound = (what: { zh: string; en: string }) =>
  new AppError('not_found', { zh: `${what.zh}不存在或不在您的管辖范围内`, en: `${what.en} not found` });

export const staleVersion = (current: unknown) =>
  new AppError(
    'stale_version',
    { zh: '该记录已被他人修改，请查看最新内容后再保存', en: 'This record was changed by someone else; review the current version and save again' },
    undefined,
    current,
  );
