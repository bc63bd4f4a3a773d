import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/service.js';

/**
 * A search by a phone or ID number from a role that sees them masked confirms a guess (does
 * 433124196503120036 live here?). Such searches match whole numbers only (repository.ts search),
 * are limited per user, and each is audited with what was asked.
 */
export const searchesPerWindow = 10;
export const searchWindowMs = 10 * 60_000;

/** A phone (7+ digits, separators aside) or an ID number (17 digits and a check character). Pure. */
export const looksLikePersonalNumber = (q: string): boolean => /^\d{7,}$/.test(q.replace(/[\s\-.]/g, '')) || /^\d{17}[\dXx]$/.test(q.trim());

const recent = new WeakMap<Db, Map<string, number[]>>();

export async function guardPersonalSearch(db: Db, actor: Actor, q: string, now = Date.now()) {
  if (!looksLikePersonalNumber(q)) return;
  let byUser = recent.get(db);
  if (!byUser) recent.set(db, (byUser = new Map()));
  const times = (byUser.get(actor.id) ?? []).filter((at) => now - at < searchWindowMs);
  if (times.length >= searchesPerWindow) {
    throw new AppError('rate_limited', { zh: `按电话或身份证号查找每 10 分钟最多 ${searchesPerWindow} 次，请稍后再试`, en: `At most ${searchesPerWindow} searches by phone or ID number per 10 minutes` });
  }
  times.push(now);
  byUser.set(actor.id, times);
  await recordAudit(db, actor, { action: 'search_personal', entityType: 'household', entityId: 'search', regionCode: actor.regionCode, after: { q } });
}
