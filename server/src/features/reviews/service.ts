import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';

import { recordAudit } from '../audit/service.js';
import { ownCadreId } from '../cadres/own.js';
import * as cadresRepo from '../cadres/repository.js';
import { afterReview } from '../diaries/rules.js';
import * as diariesRepo from '../diaries/repository.js';
import { entryForRead, entryForWrite, getEntry, presentEntry } from '../diaries/service.js';
import * as notificationsRepo from '../notifications/repository.js';
import { regionForWrite } from '../regions/service.js';
import { countyCodeOf, invalid } from '../visits/service.js';
import { monthsOfQuarter, nextMonth, shanghaiDay } from '../worklists/periods.js';
import * as repo from './repository.js';
import { drawSample, mayReview, populationDigest, sampleSize, type ReviewerFacts } from './rules.js';
import type { drawSampleBody, reviewBody } from './schemas.js';

/** What the rules need to know of a reviewer: their role, their cadre record and the branch they lead. */
export async function reviewerFacts(db: Executor, actor: Actor): Promise<ReviewerFacts> {
  const cadreId = await ownCadreId(db, actor);
  const cadre = cadreId ? await cadresRepo.getCadre(db, { prefix: '', unitId: null }, cadreId) : null;
  return { role: actor.role, cadreId, secretaryOfBranchId: cadre?.branchRole === 'secretary' ? cadre.branchId : null };
}

export async function authorFacts(db: Executor, cadreId: string) {
  const cadre = (await cadresRepo.getCadre(db, { prefix: '', unitId: null }, cadreId))!;
  return { cadreId, branchId: cadre.branchId, rank: cadre.rank, userId: cadre.userId };
}

export async function listReviews(db: Db, actor: Actor, entryId: string) {
  await entryForRead(db, actor, entryId);
  return { items: await repo.reviewsOf(db, entryId) };
}

/**
 * A reviewer comments on, accepts or returns an entry. The entry's version decides between two
 * reviewers acting at once: the first wins, the second gets 409 with the entry as it now is and
 * their comment is not lost (it is in their request; they read the new state and act again).
 */
export async function reviewEntry(db: Db, actor: Actor, entryId: string, input: z.infer<typeof reviewBody>) {
  const entry = await entryForWrite(db, actor, entryId);
  const author = await authorFacts(db, entry.cadreId);
  if (!mayReview(await reviewerFacts(db, actor), author)) {
    throw new AppError('forbidden', {
      zh: '您不是该日记的查阅人（支部书记查阅本支部党员，乡党委查阅干部）',
      en: 'You do not review this entry',
    });
  }
  if (input.version !== entry.version) throw staleVersion(presentEntry(entry));
  const next = afterReview(entry.status, input.action);
  if ('problem' in next) throw new AppError('conflict', next.problem, undefined, presentEntry(entry));
  if (input.action !== 'accept' && !input.comment) {
    throw invalid(actor, [
      { path: 'comment', message: { zh: input.action === 'return' ? '退回修改时请写明意见' : '请填写意见', en: 'A comment is required' } },
    ]);
  }
  const now = new Date();
  await db.transaction(async (tx) => {
    const set = input.action === 'comment' ? {} : { status: next.status, reviewedAt: now };
    if (!(await diariesRepo.updateEntry(tx, entryId, input.version, set)))
      throw staleVersion(presentEntry((await diariesRepo.getEntry(tx, actor.scope, entryId))!));
    const id = newId();
    await repo.insertReview(tx, {
      id,
      entryId,
      regionCode: entry.regionCode,
      countyCode: entry.countyCode,
      reviewerId: actor.id,
      reviewerName: actor.displayName,
      action: input.action,
      comment: input.comment ?? null,
      sampleId: input.sampleId ?? null,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: `review_${input.action}`,
      entityType: 'diary_entry',
      entityId: entryId,
      regionCode: entry.regionCode,
      before: { status: entry.status },
      after: { status: next.status, comment: input.comment ?? null },
    });
    if (input.action === 'return' && author.userId) {
      await notificationsRepo.raise(tx, [
        {
          id: newId(),
          userId: author.userId,
          regionCode: entry.regionCode,
          countyCode: entry.countyCode,
          kind: 'entry_returned',
          subjectType: 'diary_entry',
          subjectId: entryId,
          dueOn: shanghaiDay(now),
          data: { month: entry.month, comment: input.comment ?? null, reviewerName: actor.displayName },
        },
      ]);
    }
  });
  return getEntry(db, actor, entryId);
}

/** A sample as people read it: the drawn entries by cadre and month (the ids alone told a reviewer nothing). */
const presentSample = async (db: Executor, s: repo.SampleRow) => ({
  ...s,
  entries: await repo.sampleEntries(db, s.entryIds),
  verified:
    populationDigest(s.populationIds) === s.populationDigest &&
    JSON.stringify(drawSample(s.populationIds, s.seed, s.entryIds.length)) === JSON.stringify(s.entryIds),
});

/**
 * The quarter's sample (调阅) of a region's entries: the population is every entry of the quarter's
 * months that was submitted; the seed is made at random and recorded with the population and the
 * result, so anyone can re-draw it. One sample per region and quarter.
 */
export async function drawQuarterSample(db: Db, actor: Actor, input: z.infer<typeof drawSampleBody>) {
  requireRole(actor, adminRoles);
  const regionCode = input.regionCode ?? actor.regionCode;
  await regionForWrite(db, actor, regionCode, 'body.regionCode');
  if (input.id) {
    const existing = await repo.getSample(db, actor.scope, input.id);
    if (existing) return { sample: await presentSample(db, existing), created: false };
  }
  const taken = await repo.sampleFor(db, regionCode, input.quarter);
  if (taken)
    throw new AppError(
      'duplicate',
      { zh: '本季度该地区已抽取过日记，不能重抽', en: 'This quarter has been sampled for the region already' },
      [{ path: 'body.quarter', message: actor.lang === 'en' ? 'already drawn' : '已抽取' }],
      await presentSample(db, taken),
    );
  const months = monthsOfQuarter(input.quarter);
  const population = await repo.populationOf(db, regionCode, months[0]!, nextMonth(months[2]!));
  const seed = randomBytes(16).toString('hex');
  const entryIds = drawSample(population, seed, sampleSize(population.length));
  const id = input.id ?? newId();
  const row = {
    id,
    regionCode,
    countyCode: countyCodeOf(regionCode),
    quarter: input.quarter,
    seed,
    populationSize: population.length,
    populationDigest: populationDigest(population),
    populationIds: [...new Set(population)].sort(),
    entryIds,
    drawnBy: actor.id,
    drawnByName: actor.displayName,
  };
  await db.transaction(async (tx) => {
    if (!(await repo.insertSample(tx, row))) throw new AppError('duplicate', { zh: '本季度该地区已抽取过日记', en: 'Already sampled' });
    await recordAudit(tx, actor, {
      action: 'draw_sample',
      entityType: 'diary_sample',
      entityId: id,
      regionCode,
      after: { quarter: row.quarter, seed, populationSize: row.populationSize, entryIds },
    });
  });
  return { sample: await presentSample(db, (await repo.getSample(db, actor.scope, id))!), created: true };
}

export async function getSample(db: Db, actor: Actor, id: string) {
  const s = await repo.getSample(db, actor.scope, id);
  if (!s) throw notFound({ zh: '日记抽查', en: 'Sample' });
  return presentSample(db, s);
}

export async function listSamples(db: Db, actor: Actor, q: { quarter?: string; page: number; pageSize: number }) {
  const { items, total } = await repo.listSamples(db, actor.scope, q);
  return { items: await Promise.all(items.map((i) => presentSample(db, i))), total };
}
