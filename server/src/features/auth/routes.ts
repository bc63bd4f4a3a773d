import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http.js';
import { cadreIdOfUser } from '../cadres/repository.js';
import { getRegion } from '../regions/repository.js';
import { getUser, setLastLogin, type UserRow } from '../users/repository.js';
import type { Db } from '../../db/client.js';
import { SESSION_COOKIE } from './plugin.js';
import { changePasswordBody, loginBody, sessionOut, updateMeBody } from './schemas.js';
import { assignableRoles } from '../users/rules.js';
import * as service from './service.js';
import { LoginThrottle } from './throttle.js';

const tags = ['auth'];

async function meOf(db: Db, u: Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'regionCode' | 'unitId' | 'locale' | 'mustChangePassword'>) {
  const [region, cadreId] = await Promise.all([getRegion(db, { prefix: '', unitId: null }, u.regionCode), cadreIdOfUser(db, u.id)]);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    regionName: region?.name ?? null,
    unitId: u.unitId,
    locale: u.locale,
    mustChangePassword: u.mustChangePassword,
    cadreId,
    permissions: { assignableRoles: assignableRoles(u.role) },
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = app.config;
  // Failed sign-ins per account (back-off) and per address (throttle.ts); one per app.
  const throttle = new LoginThrottle();
  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Sign in; sets the session cookie', body: loginBody, response: { 200: sessionOut } },
    },
    async (req, reply) => {
      const wait = throttle.wait(req.body.username, req.ip);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        reply.header('retry-after', String(seconds));
        throw new AppError('rate_limited', { zh: `尝试次数过多，请 ${seconds} 秒后再试`, en: `Too many attempts; try again in ${seconds} s` });
      }
      const signedIn = await service.login(app.db, settings, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] }).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'invalid_credentials') throttle.failed(req.body.username, req.ip);
        throw err;
      });
      throttle.succeeded(req.body.username);
      const { token, csrfToken, user } = signedIn;
      await setLastLogin(app.db, user.id, new Date());
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        path: '/',
        maxAge: settings.sessionHours * 3600,
      });
      return { user: await meOf(app.db, user), csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await service.logout(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'Who I am, and the CSRF token for writes', response: { 200: sessionOut } } }, async (req) => {
    const actor = actorOf(req);
    const user = await getUser(app.db, { prefix: '', unitId: null }, actor.id);
    if (!user || !req.csrfToken) throw new AppError('unauthenticated');
    return { user: await meOf(app.db, user), csrfToken: req.csrfToken };
  });

  app.patch('/api/auth/me', { schema: { tags, summary: 'Save my preferences (language)', body: updateMeBody, response: { 200: sessionOut } } }, async (req) => {
    const actor = actorOf(req);
    await service.setOwnLocale(app.db, actor, req.body.locale);
    const user = await getUser(app.db, { prefix: '', unitId: null }, actor.id);
    if (!user || !req.csrfToken) throw new AppError('unauthenticated');
    return { user: await meOf(app.db, user), csrfToken: req.csrfToken };
  });

  app.post('/api/auth/password', { schema: { tags, summary: 'Change my own password', body: changePasswordBody } }, async (req, reply) => {
    await service.changeOwnPassword(app.db, actorOf(req), req.body.currentPassword, req.body.newPassword, req.cookies[SESSION_COOKIE]);
    return reply.status(204).send();
  });
};
