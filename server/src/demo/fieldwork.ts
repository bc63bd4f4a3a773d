import { and, eq, isNull, like } from 'drizzle-orm';
import { draftFromVisits, stripPersonalData, type EntryStatus } from '../features/diaries/rules.js';
import { diaryEntries } from '../features/diaries/tables.js';
import { diaryReviews } from '../features/reviews/tables.js';
import { pairings } from '../features/pairings/tables.js';
import type { VisitKind } from '../features/visits/rules.js';
import { visits } from '../features/visits/tables.js';
import { lastDayOfMonth, monthOf, previousMonth, shanghaiDay } from '../features/worklists/periods.js';
import { significantPrefix } from '../platform/scope.js';
import type { DemoContext } from './context.js';

const kinds: [VisitKind, number][] = [
  ['home_visit', 70],
  ['condolence', 8],
  ['farm_help', 12],
  ['meeting', 5],
  ['lecture', 5],
];
const talks = [
  '今年的种植打算',
  '养羊扩群的想法',
  '孩子上学的困难',
  '医疗报销的政策',
  '危房改造的进度',
  '外出务工的门路',
  '贴息贷款的申请',
  '烤烟育苗的技术',
];
const production = ['玉米已收，亩产比去年高', '48只羊，打算养到100只', '烤烟长势良好', '缺少劳力，地里活跟不上', '想学果树嫁接'];
const life = ['住房安全，吃穿不愁', '老人身体不好，常年吃药', '孩子在县里读初中', '饮水困难，要到井边挑水', '生活平稳'];
const mood = ['有信心，干劲足', '对政策不太了解，有顾虑', '希望多给技术指导', '心情舒畅', '思想有转变，愿意尝试新品种'];
const closings = ['下一步帮助联系农技员上门指导。', '已把政策讲清楚，群众表示理解。', '下月再去看看进展。', '困难已记下，向乡里反映。'];

/**
 * Field work in the demo township: for every open 一帮一/几帮一 pairing, visits over the last three
 * months (most households monthly, some missed, this month's still coming in), a share confirmed by
 * the household; for each cadre with visits, diary entries drafted from them — two months ago
 * accepted, last month accepted, waiting or returned with a comment, this month a draft for some —
 * and a few accepted entries published with personal data taken out. Dates follow today's month, so
 * the work lists read true; ids are deterministic, so a second run adds nothing.
 */
export async function makeFieldWork(ctx: DemoContext) {
  const today = shanghaiDay(new Date());
  const thisMonth = monthOf(today);
  const months = [previousMonth(previousMonth(thisMonth)), previousMonth(thisMonth), thisMonth];
  const open = await ctx.db
    .select({ id: pairings.id, cadreId: pairings.helperId, householdId: pairings.targetId, regionCode: pairings.regionCode })
    .from(pairings)
    .where(
      and(
        eq(pairings.helperKind, 'cadre'),
        eq(pairings.targetKind, 'household'),
        isNull(pairings.endOn),
        like(pairings.regionCode, `${significantPrefix(ctx.township.code)}%`),
      ),
    );
  const headOf = new Map(ctx.households.map((h) => [h.id, h.headName]));
  const reviewer = ctx.accounts.get('township') ?? null;
  const visitRows: (typeof visits.$inferInsert)[] = [];
  for (const p of open) {
    for (const month of months) {
      const rng = ctx.rng(`visit/${p.id}/${month}`);
      const current = month === thisMonth;
      if (!rng.chance(current ? 0.55 : 0.85)) continue;
      const lastDay = current ? Number(today.slice(8, 10)) : Math.min(28, Number(lastDayOfMonth(month).slice(8, 10)));
      const visitedOn = `${month}-${String(rng.int(1, lastDay)).padStart(2, '0')}`;
      const confirmed = rng.chance(0.4);
      visitRows.push({
        id: ctx.id(`visit/${p.id}/${month}`),
        regionCode: p.regionCode,
        countyCode: ctx.countyCode,
        kind: rng.weighted(kinds),
        visitedOn,
        cadreIds: [p.cadreId],
        householdIds: [p.householdId],
        discussed: rng.pick(talks),
        production: rng.pick(production),
        life: rng.pick(life),
        mood: rng.pick(mood),
        recordedBy: ctx.cadres.find((c) => c.id === p.cadreId)?.userId ?? null,
        confirmedAt: confirmed ? new Date(`${visitedOn}T11:00:00+08:00`) : null,
        confirmMethod: confirmed ? (rng.chance(0.7) ? 'qr' : 'code') : null,
        confirmedByName: confirmed ? (headOf.get(p.householdId) ?? null) : null,
      });
    }
  }
  let visitCount = 0;
  for (let i = 0; i < visitRows.length; i += 1000) {
    visitCount += (
      await ctx.db
        .insert(visits)
        .values(visitRows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ id: visits.id })
    ).length;
  }

  // Diary entries from each cadre's visits of a month.
  const byCadreMonth = new Map<string, (typeof visits.$inferInsert)[]>();
  for (const v of visitRows) {
    const key = `${v.cadreIds[0]}/${monthOf(v.visitedOn)}`;
    byCadreMonth.set(key, [...(byCadreMonth.get(key) ?? []), v]);
  }
  const entryRows: (typeof diaryEntries.$inferInsert)[] = [];
  const reviewRows: (typeof diaryReviews.$inferInsert)[] = [];
  for (const [key, vs] of byCadreMonth) {
    const [cadreId, month] = key.split('/') as [string, string];
    const cadre = ctx.cadres.find((c) => c.id === cadreId);
    if (!cadre) continue;
    const rng = ctx.rng(`diary/${key}`);
    const current = month === thisMonth;
    if (current && !rng.chance(0.4)) continue;
    const status: EntryStatus = current
      ? 'draft'
      : month === months[0]
        ? 'accepted'
        : rng.weighted<EntryStatus>([
            ['accepted', 5],
            ['submitted', 3],
            ['returned', 2],
          ]);
    const names = vs.flatMap((v) => (v.householdIds ?? []).map((h) => headOf.get(h)).filter((n): n is string => !!n));
    const draft = draftFromVisits(
      month,
      vs.map((v) => ({
        visitedOn: v.visitedOn,
        kind: v.kind,
        householdNames: (v.householdIds ?? []).map((h) => `${headOf.get(h) ?? ''}家`),
        discussed: v.discussed ?? null,
        situation: { production: v.production, life: v.life, mood: v.mood },
      })),
    ).replace('<p>体会与下步打算：</p>', `<p>体会与下步打算：${rng.pick(closings)}</p>`);
    const id = ctx.id(`diary/${key}`);
    const reviewedAt = new Date(`${lastDayOfMonth(month)}T18:00:00+08:00`);
    const published = status === 'accepted' && rng.chance(0.15);
    entryRows.push({
      id,
      regionCode: cadre.regionCode,
      countyCode: ctx.countyCode,
      cadreId,
      month,
      body: draft,
      visitIds: vs.map((v) => v.id!),
      householdIds: [...new Set(vs.flatMap((v) => v.householdIds ?? []))],
      status,
      submittedAt: status === 'draft' ? null : new Date(`${lastDayOfMonth(month)}T09:00:00+08:00`),
      reviewedAt: status === 'accepted' || status === 'returned' ? reviewedAt : null,
      published,
      publishedAt: published ? reviewedAt : null,
      publicBody: published ? stripPersonalData(draft, { names }) : null,
    });
    if (reviewer && (status === 'accepted' || status === 'returned')) {
      reviewRows.push({
        id: ctx.id(`review/${key}`),
        regionCode: cadre.regionCode,
        countyCode: ctx.countyCode,
        entryId: id,
        reviewerId: reviewer,
        reviewerName: '龙文斌（补抽乡党委）',
        action: status === 'accepted' ? 'accept' : 'return',
        comment: status === 'accepted' ? '记录详实' : '请写清帮扶措施和下一步打算',
        at: reviewedAt,
      });
    }
  }
  let entryCount = 0;
  for (let i = 0; i < entryRows.length; i += 1000) {
    entryCount += (
      await ctx.db
        .insert(diaryEntries)
        .values(entryRows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ id: diaryEntries.id })
    ).length;
  }
  if (reviewRows.length) await ctx.db.insert(diaryReviews).values(reviewRows).onConflictDoNothing();
  return { visits: visitCount, diaryEntries: entryCount };
}
