import type { TimelineSource } from '../households/timeline-audit.js';
import * as repo from './repository.js';
import { visitKindNames } from './rules.js';

/** The household timeline's visits: each recorded visit on its day, confirmed ones marked. */
export const visitTimelineSource: TimelineSource = async (db, householdId, lang) => {
  const rows = await repo.visitsOfHousehold(db, householdId);
  const names = await repo.namesFor(db, [...new Set(rows.flatMap((r) => r.cadreIds))], [], []);
  return rows.map((v) => {
    const who = v.cadreIds.map((c) => names.cadres.get(c) ?? '').filter(Boolean);
    const kind = visitKindNames[v.kind];
    const confirmed = v.confirmedAt !== null;
    const summary =
      lang === 'en'
        ? `${kind.en} by ${who.join(', ')}${confirmed ? ' (confirmed by the household)' : ''}`
        : `${who.join('、')}${kind.zh}${confirmed ? '（农户已确认）' : ''}${v.discussed ? `：${v.discussed.slice(0, 60)}` : ''}`;
    return { on: v.visitedOn, at: v.createdAt, kind: 'visit', summary, actorName: who[0] ?? null, entityType: 'visit', entityId: v.id };
  });
};
