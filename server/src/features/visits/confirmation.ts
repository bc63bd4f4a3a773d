import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Lang } from '../../platform/messages.js';
import { recordAudit } from '../audit/service.js';
import * as householdsRepo from '../households/repository.js';
import { notifier } from '../notifications/notifier.js';
import * as repo from './repository.js';
import { confirmationProblem, hashSecret, maskPhone, newConfirmation, visitKindNames } from './rules.js';
import { getVisit, visitForWrite } from './service.js';

/**
 * Household confirmation (docs/decisions.md "Field work"): the cadre opens a request; the phone
 * shows a QR code of a one-time link, and a 6-digit code goes by text to the household's phone.
 * The family confirms by scanning (the public page, no login) or by reading the code aloud for
 * the cadre to type. Both secrets expire together after 30 minutes; only hashes are stored.
 */
export async function requestConfirmation(db: Db, actor: Actor, id: string) {
  const visit = await visitForWrite(db, actor, id);
  if (visit.status === 'void') throw new AppError('conflict', { zh: '该走访已作废', en: 'The visit was voided' });
  if (visit.confirmedAt) throw new AppError('conflict', { zh: '该走访已确认', en: 'The visit is already confirmed' });
  const c = newConfirmation(new Date());
  await repo.setConfirmation(db, id, {
    confirmTokenHash: c.tokenHash,
    confirmCodeHash: c.codeHash,
    confirmExpiresAt: c.expiresAt,
    confirmAttempts: 0,
  });
  let codeSentTo: string | null = null;
  const householdId = visit.householdIds[0];
  const household = householdId ? await householdsRepo.getHousehold(db, actor.scope, householdId) : null;
  if (household?.phone) {
    const sent = await notifier().sendText(
      household.phone,
      `【联户】干部走访确认码 ${c.code}，30分钟内有效。如确有走访，请将此码告诉干部。`,
    );
    if (sent) codeSentTo = maskPhone(household.phone);
  }
  return { confirmUrl: `/confirm/${c.token}`, token: c.token, expiresAt: c.expiresAt, codeSentTo };
}

const problemError = (p: { zh: string; en: string }) => new AppError('conflict', p);

/** The cadre types the code the family read aloud. */
export async function confirmByCode(db: Db, actor: Actor, id: string, code: string, confirmedByName: string | null) {
  const visit = await visitForWrite(db, actor, id);
  const now = new Date();
  const problem = confirmationProblem(
    { confirmedAt: visit.confirmedAt, expiresAt: visit.confirmExpiresAt, attempts: visit.confirmAttempts },
    now,
  );
  if (problem) throw problemError(problem);
  if (visit.confirmCodeHash !== hashSecret(code)) {
    await repo.countFailedAttempt(db, id);
    throw new AppError('validation_failed', { zh: '确认码不正确', en: 'Wrong code' }, [
      { path: 'body.code', message: actor.lang === 'en' ? 'wrong code' : '确认码不正确' },
    ]);
  }
  await db.transaction(async (tx) => {
    const set = {
      confirmedAt: now,
      confirmMethod: 'code' as const,
      confirmedByName,
      confirmTokenHash: null,
      confirmCodeHash: null,
      confirmExpiresAt: null,
    };
    await repo.setConfirmation(tx, id, set);
    await recordAudit(tx, actor, {
      action: 'confirm',
      entityType: 'visit',
      entityId: id,
      regionCode: visit.regionCode,
      after: { confirmMethod: 'code', confirmedByName },
    });
  });
  return getVisit(db, actor, id);
}

async function visitByToken(db: Db, token: string) {
  const visit = await repo.visitByTokenHash(db, hashSecret(token));
  if (!visit || visit.status === 'void') throw notFound({ zh: '确认链接', en: 'Confirmation link' });
  return visit;
}

/** What the family sees after scanning: the day, the kind and who came; nothing about the household. */
async function present(db: Db, lang: Lang, visit: repo.VisitRow) {
  const names = await repo.namesFor(db, visit.cadreIds, [], []);
  return {
    visitedOn: visit.visitedOn,
    kindName: lang === 'en' ? visitKindNames[visit.kind].en : visitKindNames[visit.kind].zh,
    cadreNames: visit.cadreIds.map((c) => names.cadres.get(c) ?? ''),
    confirmed: visit.confirmedAt !== null,
    expiresAt: visit.confirmExpiresAt,
  };
}

export async function publicConfirmation(db: Db, lang: Lang, token: string) {
  return present(db, lang, await visitByToken(db, token));
}

export async function confirmByToken(db: Db, lang: Lang, token: string, confirmedByName: string | null) {
  const visit = await visitByToken(db, token);
  const now = new Date();
  const problem = confirmationProblem({ confirmedAt: visit.confirmedAt, expiresAt: visit.confirmExpiresAt, attempts: 0 }, now);
  if (problem) throw problemError(problem);
  const set = {
    confirmedAt: now,
    confirmMethod: 'qr' as const,
    confirmedByName,
    confirmTokenHash: null,
    confirmCodeHash: null,
    confirmExpiresAt: null,
  };
  await db.transaction(async (tx) => {
    await repo.setConfirmation(tx, visit.id, set);
    await recordAudit(tx, null, {
      action: 'confirm',
      entityType: 'visit',
      entityId: visit.id,
      regionCode: visit.regionCode,
      after: { confirmMethod: 'qr', confirmedByName },
    });
  });
  return present(db, lang, { ...visit, ...set });
}
