/**
 * What the server log may hold. Error messages of database drivers carry the statement's
 * parameters (an ID number, a phone, a password hash), and a URL its query (?q=<phone>): the log
 * keeps the error's kind, code and stack frames, and the request's method and path, never values.
 */

type LoggedError = {
  type: string;
  /** Never the real message (see above). */
  message: string;
  code?: string;
  stack: string;
  cause?: LoggedError;
  [key: string]: unknown;
};

const frames = (stack: string | undefined): string =>
  (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');

export function safeError(err: unknown, depth = 0): LoggedError {
  const e = (err ?? {}) as { name?: unknown; code?: unknown; stack?: unknown; cause?: unknown; constructor?: { name?: string } };
  const out: LoggedError = {
    type: typeof e.name === 'string' ? e.name : (e.constructor?.name ?? typeof err),
    message: '(not logged: may hold personal data)',
    stack: frames(typeof e.stack === 'string' ? e.stack : undefined),
  };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code);
  if (e.cause && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** A request as logged: method and path, no query string, no headers, no body. */
export function safeRequest(req: { method?: string; url?: string; id?: unknown }) {
  return { id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] };
}

export const safeSerializers = {
  err: safeError,
  error: safeError,
  req: safeRequest,
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

/** pino's logMethod hook: an Error logged as the first argument is logged as safeError, without its message. */
export function safeLogMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
  if (args[0] instanceof Error) return method.apply(this, [{ err: safeError(args[0]) }, typeof args[1] === 'string' ? args[1] : 'error']);
  return method.apply(this, args);
}
