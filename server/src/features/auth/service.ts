import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/messages.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/password.js';
import { scopeFor } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { setMustChangePassword, setUserLocale, updateUserPassword, type UserRow } from '../users/repository.js';
import * as repo from './repository.js';
import { isSessionLive, needsTouch, passwordProblem } from './rules.js';

export interface SessionSettings {
  sessionHours: number;
  sessionIdleMinutes: number;
  /** Demo mode: weak (shared demo) passwords are let be; outside it they must be changed at sign-in. */
  demo?: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function actorFromUser(u: UserRow, lang?: Lang, cadre?: Actor['cadre']): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    unitId: u.unitId,
    scope: scopeFor(u),
    lang: lang ?? u.locale,
    cadre,
  };
}

export async function login(
  db: Db,
  settings: SessionSettings,
  input: { username: string; password: string; ip?: string; userAgent?: string },
) {
  const user = await repo.findUserByUsername(db, input.username.trim());
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyHash(), input.password);
  if (!user || !ok) throw new AppError('invalid_credentials');
  if (user.status !== 'active') throw new AppError('account_disabled');
  // A password the policy refuses today (the seeded demo accounts', one set before the policy) is
  // right but must be changed before anything else (plugin.ts refuses other requests).
  if (!settings.demo && !user.mustChangePassword && passwordProblem(input.password, [user.username, user.displayName])) {
    await setMustChangePassword(db, user.id);
    user.mustChangePassword = true;
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.transaction(async (tx) => {
    await repo.insertSession(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + settings.sessionHours * 3_600_000),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, user, { action: 'login', entityType: 'user', entityId: user.id, regionCode: user.regionCode });
  });
  return { token, csrfToken, user };
}

/** The session behind a cookie token, or null if there is none, it expired, or the user is disabled. */
export async function authenticate(db: Db, settings: SessionSettings, token: string) {
  const tokenHash = sha256(token);
  const found = await repo.findSessionWithUser(db, tokenHash);
  if (!found) return null;
  const now = new Date();
  if (!isSessionLive(found.session, now, settings.sessionIdleMinutes) || found.user.status !== 'active') {
    await repo.deleteSession(db, tokenHash);
    return null;
  }
  if (needsTouch(found.session.lastSeenAt, now)) await repo.touchSession(db, tokenHash, now);
  return { user: found.user, cadre: found.cadre, csrfToken: found.session.csrfToken };
}

export async function logout(db: Db, token: string) {
  await repo.deleteSession(db, sha256(token));
}

/** Changes the password and ends the account's other sessions (a thief's among them); the session used stays. */
export async function changeOwnPassword(db: Db, actor: Actor, current: string, next: string, keepToken: string | undefined) {
  const user = await repo.findUserByUsername(db, actor.username);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError('validation_failed', { zh: '当前密码不正确', en: 'The current password is wrong' }, [
      { path: 'body.currentPassword', message: actor.lang === 'en' ? 'wrong password' : '当前密码不正确' },
    ]);
  }
  if (await verifyPassword(user.passwordHash, next)) {
    const same = { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' };
    throw new AppError('validation_failed', same, [{ path: 'body.newPassword', message: actor.lang === 'en' ? same.en : same.zh }]);
  }
  const problem = passwordProblem(next, [user.username, user.displayName]);
  if (problem) {
    throw new AppError('validation_failed', problem, [{ path: 'body.newPassword', message: actor.lang === 'en' ? problem.en : problem.zh }]);
  }
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await updateUserPassword(tx, user.id, passwordHash, false);
    await repo.deleteOtherSessionsOfUser(tx, user.id, keepToken ? sha256(keepToken) : '');
    await recordAudit(tx, actor, { action: 'change_password', entityType: 'user', entityId: user.id, regionCode: user.regionCode });
  });
}

export async function setOwnLocale(db: Db, actor: Actor, locale: 'zh-CN' | 'en') {
  await db.transaction(async (tx) => {
    await setUserLocale(tx, actor.id, locale);
    await recordAudit(tx, actor, { action: 'update', entityType: 'user', entityId: actor.id, regionCode: actor.regionCode, after: { locale } });
  });
}
