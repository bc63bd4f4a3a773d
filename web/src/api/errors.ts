/** The API's one error shape, and what the web does with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldIssue[]; current?: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The session is gone (not a wrong password on the login form, which is invalid_credentials). */
  get isUnauthenticated() {
    return this.status === 401 && this.code === 'unauthenticated';
  }

  get isStale() {
    return this.status === 409 && this.code === 'stale_version';
  }
}

/** Thrown when the server cannot be reached at all. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

function isErrorBody(v: unknown): v is ErrorBody {
  if (!v || typeof v !== 'object' || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return !!e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string';
}

export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (isErrorBody(body)) {
    const { code, message, fields, current } = body.error;
    return new ApiError(status, code, message || fallbackMessage, Array.isArray(fields) ? fields : [], current);
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'http_' + status, fallbackMessage);
}

/** A server field path ("body.username", "body.items.0.name") as an antd Form name path. */
export function fieldNameOf(path: string): (string | number)[] {
  const parts = path.split('.');
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts.filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * The error's field list as antd `form.setFields` input, merging several messages for one field.
 * Only fields the form knows are kept (pass `known`), the rest are returned as `unmatched` so the
 * caller can still show them.
 */
export function formFieldErrors(err: ApiError, known?: readonly string[]): { fields: FormFieldError[]; unmatched: FieldIssue[] } {
  const byName = new Map<string, FormFieldError>();
  const unmatched: FieldIssue[] = [];
  for (const f of err.fields) {
    const name = fieldNameOf(f.path);
    const key = name.join('.');
    if (name.length === 0 || (known && !known.includes(String(name[0])))) {
      unmatched.push(f);
      continue;
    }
    const entry = byName.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(f.message)) entry.errors.push(f.message);
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], unmatched };
}
