import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../platform/ids.js';
import { actorFromUser } from '../auth/service.js';
import { users } from '../users/tables.js';
import { lastDayOfMonth, monthOf, monthRange, previousMonth, shanghaiDay, daysBetween } from '../worklists/periods.js';
import { compliance } from '../worklists/repository.js';
import { defaultDiaryQuota } from '../worklists/rules.js';
import { reviewerWorklist } from '../worklists/service.js';
import { notifier } from './notifier.js';
import * as repo from './repository.js';
import { dueReminderDays, notificationText } from './rules.js';
import type { notifications } from './tables.js';

type NewNotification = typeof notifications.$inferInsert;

/**
 * The reminder job: what is due this month (in its last week) and what the last month left
 * undone, for every cadre with an account; and, for reviewers, entries waiting. Idempotent: one
 * notification per user, kind, subject and due day, so running it every hour raises each once.
 * Returns how many notifications were new. Called by the scheduler (serve) and by tests.
 */
export async function raiseReminders(db: Db, now: Date = new Date()): Promise<number> {
  const today = shanghaiDay(now);
  const month = monthOf(today);
  const dueOn = lastDayOfMonth(month);
  const rows: NewNotification[] = [];
  const base = (r: { userId: string | null; regionCode: string; countyCode: string; cadreId: string }) => ({
    id: newId(),
    userId: r.userId!,
    regionCode: r.regionCode,
    countyCode: r.countyCode,
    subjectType: 'cadre',
    subjectId: r.cadreId,
  });

  if (daysBetween(today, dueOn) < dueReminderDays) {
    for (const r of await compliance(db, '', { ...monthRange(month), key: month }, today)) {
      if (!r.userId) continue;
      if (r.paired > r.visited) rows.push({ ...base(r), kind: 'visits_due', dueOn, data: { count: r.paired - r.visited, month } });
      if (r.diaries < defaultDiaryQuota.atLeast) rows.push({ ...base(r), kind: 'diary_due', dueOn, data: { month } });
    }
  }
  const last = previousMonth(month);
  for (const r of await compliance(db, '', { ...monthRange(last), key: last }, lastDayOfMonth(last))) {
    if (!r.userId) continue;
    if (r.paired > r.visited)
      rows.push({ ...base(r), kind: 'visits_overdue', dueOn: lastDayOfMonth(last), data: { count: r.paired - r.visited, month: last } });
    if (r.diaries < defaultDiaryQuota.atLeast)
      rows.push({ ...base(r), kind: 'diary_overdue', dueOn: lastDayOfMonth(last), data: { month: last } });
  }

  const reviewers = await db
    .select()
    .from(users)
    .where(and(eq(users.status, 'active'), inArray(users.role, ['township_admin', 'branch_secretary'])));
  for (const u of reviewers) {
    const { awaiting } = await reviewerWorklist(db, actorFromUser(u));
    if (awaiting.length)
      rows.push({
        id: newId(),
        userId: u.id,
        regionCode: u.regionCode,
        countyCode: u.countyCode,
        kind: 'review_waiting',
        subjectType: 'user',
        subjectId: u.id,
        dueOn: today,
        data: { count: awaiting.length },
      });
  }

  const raised = await repo.raise(db, rows);
  for (const r of raised) await notifier().notify({ userId: r.userId, kind: r.kind, text: notificationText(r.kind, r.data, r.dueOn).zh });
  return raised.length;
}

/**
 * The in-process scheduler: runs the reminder job soon after start and then every `everyMs`
 * (hourly by default). Started by `serve` only; a failed run is logged and the next one tries again.
 */
export function startScheduler(db: Db, opts: { everyMs?: number; log?: (msg: string) => void } = {}) {
  const every = opts.everyMs ?? 3600_000;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await raiseReminders(db);
    } catch (err) {
      opts.log?.(`reminder job failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 10_000);
  const timer = setInterval(() => void tick(), every);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
