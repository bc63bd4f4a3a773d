import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../platform/ids.js';
import { actorFromUser } from '../auth/service.js';
import { users } from '../users/tables.js';
import { cadreCadence } from '../worklists/cadence.js';
import { lastDayOfMonth, monthOf, previousMonth, shanghaiDay } from '../worklists/periods.js';
import { reviewerWorklist } from '../worklists/service.js';
import { notifier } from './notifier.js';
import * as repo from './repository.js';
import { notificationText, remindsOfFieldWork } from './rules.js';
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
  const rows: NewNotification[] = [];
  const base = (r: { userId: string | null; regionCode: string; countyCode: string; cadreId: string }) => ({
    id: newId(),
    userId: r.userId!,
    regionCode: r.regionCode,
    countyCode: r.countyCode,
    subjectType: 'cadre',
    subjectId: r.cadreId,
  });

  // Field-work reminders go to those who owe the thing: the cadre accounts that visit and write
  // (notifications/rules.ts remindsOfFieldWork), by their programmes' cadence (worklists/cadence.ts).
  const rowsNow = await cadreCadence(db, '', today, today);
  const rowsLast = await cadreCadence(db, '', lastDayOfMonth(previousMonth(month)), today);
  const userIds = [...new Set([...rowsNow, ...rowsLast].map((r) => r.userId).filter((u): u is string => !!u))];
  const roleOf = new Map(
    userIds.length
      ? (await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.role])
      : [],
  );
  const owes = (r: { userId: string | null }) => !!r.userId && remindsOfFieldWork(roleOf.get(r.userId));
  for (const r of rowsNow) {
    if (!owes(r)) continue;
    if (r.visit.state === 'due_soon' && r.visit.dueOn)
      rows.push({ ...base(r), kind: 'visits_due', dueOn: r.visit.dueOn, data: { count: r.paired - r.visited, month } });
    if (r.diary.state === 'due_soon' && r.diary.dueOn) rows.push({ ...base(r), kind: 'diary_due', dueOn: r.diary.dueOn, data: { month } });
  }
  const last = previousMonth(month);
  for (const r of rowsLast) {
    if (!owes(r)) continue;
    if (r.visit.state === 'overdue' && r.visit.dueOn)
      rows.push({ ...base(r), kind: 'visits_overdue', dueOn: r.visit.dueOn, data: { count: r.paired - r.visited, month: last } });
    if (r.diary.state === 'overdue' && r.diary.dueOn)
      rows.push({ ...base(r), kind: 'diary_overdue', dueOn: r.diary.dueOn, data: { month: last } });
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
