import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { langOf } from '../../platform/messages.js';
import { actorFromUser, authenticate, type SessionSettings } from './service.js';

export const SESSION_COOKIE = 'lianhu_session';

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes anyone may call: everything else answers 401 without a session before its input is even
 * read, so an anonymous caller learns nothing of a route's rules from 400s.
 */
const publicRoute = (url: string | undefined) =>
  url === undefined || url === '/api/health' || url === '/api/auth/login' || url === '/api/auth/logout' || url === '/api/openapi.json' || url.startsWith('/api/docs') || url.startsWith('/api/public/');

/** What an account that must change its password may still do: change it, sign out, and see who it is. */
const beforePasswordChange = new Set(['POST /api/auth/password', 'POST /api/auth/logout', 'GET /api/auth/me']);

/**
 * Resolves the session cookie to request.actor on every API request, and refuses writes that do
 * not carry the session's CSRF token (synchronizer-token pattern; the cookie is also SameSite).
 */
export function registerAuth(app: FastifyInstance, settings: SessionSettings) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    const found = token ? await authenticate(app.db, settings, token) : null;
    if (!found) {
      if (!publicRoute(req.routeOptions.url)) throw new AppError('unauthenticated');
      return;
    }
    const header = req.headers['x-lang'];
    req.actor = actorFromUser(found.user, header ? langOf(req.headers) : undefined, found.cadre);
    req.csrfToken = found.csrfToken;
    if (!safeMethods.has(req.method) && req.headers['x-csrf-token'] !== found.csrfToken) {
      throw new AppError('csrf_failed');
    }
    if (found.user.mustChangePassword && !beforePasswordChange.has(`${req.method} ${req.url.split('?')[0]}`)) {
      throw new AppError('password_change_required');
    }
  });
}
