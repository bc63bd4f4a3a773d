import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { inScope } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { conflictOn } from '../households/access.js';
import * as programmesRepo from '../programmes/repository.js';
import * as repo from './repository.js';
import { handOver, type Pairing } from './rules.js';
import type { handoverBody } from './schemas.js';
import { fieldError } from './service.js';

type Problem = { path: string; zh: string; en: string };

/**
 * Handover (交接) at a round's end: each old cadre's pairings holding on the day (all, or those
 * chosen) end on it, and the new cadre's start on it, linked (replaced_by_id) and with the note.
 * All moves in one transaction: one problem and nothing moves.
 */
export async function handover(db: Db, actor: Actor, input: z.infer<typeof handoverBody>) {
  requireRole(actor, adminRoles);
  const cadreIds = [...new Set(input.moves.flatMap((m) => [m.fromCadreId, m.toCadreId]))];
  const found = new Map(
    (
      await programmesRepo.subjectsByIds(
        db,
        actor.scope,
        cadreIds.map((id) => ({ kind: 'cadre' as const, id })),
      )
    ).map((c) => [c.id, c]),
  );
  const problems: Problem[] = [];
  input.moves.forEach((m, i) => {
    if (!found.has(m.fromCadreId))
      problems.push({ path: `body.moves.${i}.fromCadreId`, zh: '干部不存在或不在您的管辖范围内', en: 'No such cadre in your scope' });
    const to = found.get(m.toCadreId);
    if (!to) problems.push({ path: `body.moves.${i}.toCadreId`, zh: '干部不存在或不在您的管辖范围内', en: 'No such cadre in your scope' });
    else if (to.status !== 'active')
      problems.push({ path: `body.moves.${i}.toCadreId`, zh: '接手的干部已调离', en: 'The new cadre has left' });
    if (m.fromCadreId === m.toCadreId)
      problems.push({ path: `body.moves.${i}.toCadreId`, zh: '不能交接给同一名干部', en: 'Hand over to someone else' });
  });
  if (
    input.roundNo != null &&
    input.programmeId &&
    !(await programmesRepo.roundsOf(db, input.programmeId)).some((r) => r.no === input.roundNo)
  ) {
    problems.push({ path: 'body.roundNo', zh: `活动没有第 ${input.roundNo} 轮`, en: `No round ${input.roundNo}` });
  }
  if (input.programmeId && !(await programmesRepo.getProgramme(db, actor.scope, input.programmeId))) {
    problems.push({ path: 'body.programmeId', zh: '活动不存在或不在您的管辖范围内', en: 'No such programme in your scope' });
  }
  if (problems.length) throw invalid(actor, problems);

  const rows = await repo.activeOfHelpers(db, 'cadre', [...new Set(input.moves.map((m) => m.fromCadreId))], input.on);
  const ofProgramme = rows.filter((r) => input.programmeId === undefined || r.programmeId === input.programmeId);
  const byId = new Map(ofProgramme.map((r) => [r.id, r]));
  const moved = new Set<string>();
  const ended: { old: (typeof rows)[number]; next: Pairing }[] = [];
  input.moves.forEach((m, i) => {
    const chosen = m.pairingIds
      ? m.pairingIds.map((id, j) => ({ id, j }))
      : ofProgramme.filter((r) => r.helperId === m.fromCadreId).map((r) => ({ id: r.id, j: -1 }));
    const mine: Pairing[] = [];
    for (const { id, j } of chosen) {
      const r = byId.get(id);
      if (!r || r.helperId !== m.fromCadreId) {
        problems.push({
          path: `body.moves.${i}.pairingIds.${j}`,
          zh: '不是该干部在交接日有效的结对',
          en: 'Not a pairing of this cadre holding on the day',
        });
        continue;
      }
      if (moved.has(id)) {
        problems.push({
          path: `body.moves.${i}.pairingIds.${Math.max(j, 0)}`,
          zh: '同一结对不能交接两次',
          en: 'A pairing is handed over once',
        });
        continue;
      }
      moved.add(id);
      mine.push(repo.toPairing(r));
    }
    const res = handOver(
      mine,
      { helperKind: 'cadre', helperId: m.fromCadreId },
      { helperKind: 'cadre', helperId: m.toCadreId, roundNo: input.roundNo },
      input.on,
      input.note,
      newId,
    );
    res.started.forEach((next, k) => ended.push({ old: byId.get(res.ended[k]!.id)!, next }));
  });
  if (problems.length) throw invalid(actor, problems);
  if (ended.length === 0)
    throw fieldError(actor, 'body.moves', { zh: '交接日没有可交接的结对', en: 'No pairings to hand over on that day' });
  if (ended.some((e) => !inScope(e.old.regionCode, actor.scope))) throw new AppError('out_of_scope');

  // The new cadre must not already hold the same target in the same programme.
  for (const [i, m] of input.moves.entries()) {
    const targets = ended.filter((e) => e.next.helperId === m.toCadreId);
    for (const e of targets) {
      const open = await repo.openOfTarget(db, e.old.targetKind, e.old.targetId);
      if (open.some((p) => p.helperId === m.toCadreId && p.programmeId === e.old.programmeId && !moved.has(p.id))) {
        throw conflictOn(actor, 'duplicate', `body.moves.${i}.toCadreId`, {
          zh: '接手的干部已与其中的对象结对',
          en: 'The new cadre already helps one of these targets',
        });
      }
    }
  }

  await db.transaction(async (tx) => {
    for (const { old, next } of ended) {
      const set = { endOn: input.on, endReason: 'handover' as const, replacedById: next.id };
      if (!(await repo.updatePairing(tx, old.id, old.version, set))) throw new AppError('stale_version');
      await recordAudit(tx, actor, {
        action: 'end',
        entityType: 'pairing',
        entityId: old.id,
        regionCode: old.regionCode,
        before: old,
        after: { ...set, note: input.note },
      });
    }
    const inserts = ended.map(({ old, next }) => ({ ...next, note: input.note, countyCode: old.countyCode, createdBy: actor.id }));
    if ((await repo.insertPairings(tx, inserts)).length !== inserts.length) throw new AppError('conflict');
    for (const r of inserts)
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'pairing',
        entityId: r.id,
        regionCode: r.regionCode,
        after: { ...r, handoverFrom: ended.find((e) => e.next.id === r.id)!.old.id },
      });
  });
  return {
    ended: await repo.pairingsByIds(
      db,
      actor.scope,
      ended.map((e) => e.old.id),
    ),
    started: await repo.pairingsByIds(
      db,
      actor.scope,
      ended.map((e) => e.next.id),
    ),
  };
}

function invalid(actor: Actor, problems: Problem[]) {
  const first = problems[0]!;
  return new AppError(
    'validation_failed',
    problems.length === 1 ? { zh: first.zh, en: first.en } : undefined,
    problems.map((p) => ({ path: p.path, message: actor.lang === 'en' ? p.en : p.zh })),
  );
}
