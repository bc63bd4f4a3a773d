import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, NetworkError, toApiError } from './errors';

/** State the middleware needs; set by the auth and i18n code, read on every request. */
const state: { csrfToken: string | null; lang: 'zh-CN' | 'en'; onUnauthenticated: () => void } = {
  csrfToken: null,
  lang: 'zh-CN',
  onUnauthenticated: () => {},
};

export const setCsrfToken = (token: string | null) => {
  state.csrfToken = token;
};
export const setApiLanguage = (lang: 'zh-CN' | 'en') => {
  state.lang = lang;
};
/** Called once when any request answers 401 unauthenticated (the session ended). */
export const setOnUnauthenticated = (fn: () => void) => {
  state.onUnauthenticated = fn;
};

const fallback = () => (state.lang === 'en' ? 'The request failed' : '请求失败，请稍后再试');

export const apiMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('x-lang', state.lang);
    if (request.method !== 'GET' && request.method !== 'HEAD' && state.csrfToken) {
      request.headers.set('x-csrf-token', state.csrfToken);
    }
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) return response;
    let body: unknown = null;
    try {
      body = await response.clone().json();
    } catch {
      // not JSON: a proxy error page, say
    }
    const err = toApiError(response.status, body, fallback());
    if (err.isUnauthenticated) state.onUnauthenticated();
    throw err;
  },
  onError({ error }) {
    if (error instanceof ApiError) return error;
    return new NetworkError(error);
  },
};

// An absolute base: the page's own origin (the server serves both the app and /api).
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' });
api.use(apiMiddleware);

/** Unwraps an openapi-fetch result: errors were already thrown by the middleware. */
export async function data<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const r = await p;
  if (r.error !== undefined) throw toApiError(r.response.status, r.error, fallback());
  return r.data as T;
}

/**
 * For what the typed client does not do well (file downloads, multipart uploads): the same
 * language and CSRF headers, the same errors, the same reaction to an ended session.
 */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('x-lang', state.lang);
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && state.csrfToken) headers.set('x-csrf-token', state.csrfToken);
  let response: Response;
  try {
    response = await fetch(new URL(path, globalThis.location?.origin ?? 'http://localhost'), {
      ...init,
      headers,
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (response.ok) return response;
  let body: unknown = null;
  try {
    body = await response.clone().json();
  } catch {
    // not JSON
  }
  const err = toApiError(response.status, body, fallback());
  if (err.isUnauthenticated) state.onUnauthenticated();
  throw err;
}
