import { and, eq } from 'drizzle-orm';
import type { TimelineSource } from '../households/timeline-audit.js';
import * as repo from './repository.js';
import { roleShapes } from './rules.js';
import { pairings } from './tables.js';

const reasons: Record<string, { zh: string; en: string }> = {
  handover: { zh: '交接', en: 'handed over' },
  round_end: { zh: '轮次结束', en: 'round ended' },
  programme_end: { zh: '活动结束', en: 'programme ended' },
  target_gone: { zh: '对象变动', en: 'household changed' },
  helper_left: { zh: '干部调离', en: 'helper left' },
  lifted: { zh: '脱贫', en: 'lifted out' },
  mistake: { zh: '录入有误', en: 'entered by mistake' },
  other: { zh: '其他', en: 'other' },
};

/**
 * The household's pairings on its timeline: each helper's start and end, on the days they happened
 * (a pairing dated back reads on its start day, not the day it was typed).
 */
export const pairingTimelineSource: TimelineSource = async (db, householdId, lang) => {
  const ids = (
    await db
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(eq(pairings.targetKind, 'household'), eq(pairings.targetId, householdId)))
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await repo.pairingsByIds(db, { prefix: '', unitId: null }, ids);
  const en = lang === 'en';
  return rows.flatMap((p) => {
    const role = roleShapes[p.role];
    const who = `${p.helperName ?? ''}${p.programmeName ? (en ? ` (${p.programmeName})` : `（${p.programmeName}）`) : ''}`;
    const lead = p.lead && p.role === 'several_to_one' ? (en ? ', lead contact' : '，牵头联系人') : '';
    const events = [
      {
        on: p.startOn,
        at: p.createdAt,
        kind: 'pairing_started',
        summary: en ? `Paired with ${who}: ${role.en}${lead}` : `与${who}结对：${role.zh}${lead}`,
        actorName: null,
        entityType: 'pairing',
        entityId: p.id,
      },
    ];
    if (p.endOn) {
      const why = p.endReason ? reasons[p.endReason] : null;
      events.push({
        on: p.endOn,
        at: p.updatedAt,
        kind: 'pairing_ended',
        summary: en ? `Pairing with ${who} ended${why ? ` (${why.en})` : ''}` : `与${who}的结对结束${why ? `（${why.zh}）` : ''}`,
        actorName: null,
        entityType: 'pairing',
        entityId: p.id,
      });
    }
    return events;
  });
};
