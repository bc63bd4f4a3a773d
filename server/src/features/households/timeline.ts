import type { Db, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { pairingTimelineSource } from '../pairings/timeline.js';
import { surveyTimelineSource } from '../surveys/timeline.js';
import { visitTimelineSource } from '../visits/timeline.js';
import { householdForRead } from './access.js';
import { incomeIdsOf } from './incomes-repository.js';
import { membersOf } from './members-repository.js';
import type { TimelineEvent } from './schemas.js';
import { auditSource, type TimelineSource } from './timeline-audit.js';
import { describeRegistryEntry } from './timeline-rules.js';

/** The household's own history: the household, its members and its incomes, from the audit log. */
const registrySource = auditSource(
  async (db: Executor, householdId: string) => [
    { entityType: 'household', ids: [householdId] },
    { entityType: 'member', ids: (await membersOf(db, householdId)).map((m) => m.id) },
    { entityType: 'household_income', ids: await incomeIdsOf(db, householdId) },
  ],
  describeRegistryEntry,
);

/**
 * Where a household's timeline comes from. A later feature adds its own source here (visits,
 * problems, help given): a function from a household id to dated events, e.g. auditSource(…).
 */
export const timelineSources: readonly TimelineSource[] = [
  registrySource,
  surveyTimelineSource,
  visitTimelineSource,
  pairingTimelineSource,
];

/** The calendar day of a moment in Asia/Shanghai (UTC+8, no daylight saving). */
export const shanghaiDay = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Newest first: by the day it happened, then by when it was recorded. */
export const byNewest = (a: TimelineEvent, b: TimelineEvent) => b.on.localeCompare(a.on) || b.at.getTime() - a.at.getTime();

export async function householdTimeline(db: Db, actor: Actor, householdId: string) {
  const household = await householdForRead(db, actor, householdId);
  const events: TimelineEvent[] = [];
  // One source at a time: on the embedded database every query shares one connection anyway.
  for (const source of timelineSources) events.push(...(await source(db, householdId, actor.lang)));
  // Households loaded without an audited create (demo data, older imports) still start somewhere.
  if (!events.some((e) => e.kind === 'household_created')) {
    const at = household.createdAt;
    events.push({
      on: shanghaiDay(at),
      at,
      kind: 'household_created',
      summary: actor.lang === 'en' ? 'Registered' : '登记建档',
      actorName: null,
      entityType: 'household',
      entityId: householdId,
    });
  }
  return { items: events.sort(byNewest) };
}
