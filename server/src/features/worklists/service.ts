import type { z } from 'zod';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { adminRoles, isAdmin } from '../../platform/roles.js';
import { inScope, levelOfCode, significantPrefix } from '../../platform/scope.js';
import { ownCadreId } from '../cadres/own.js';
import * as cadresRepo from '../cadres/repository.js';
import * as diariesRepo from '../diaries/repository.js';
import * as pairingsRepo from '../pairings/repository.js';
import * as reviewsRepo from '../reviews/repository.js';
import { authorFacts, reviewerFacts } from '../reviews/service.js';
import { mayReview } from '../reviews/rules.js';
import { lastDayOfMonth, monthOf, previousMonth, quarterOf, shanghaiDay } from './periods.js';
import * as repo from './repository.js';
import { cadreCadence } from './cadence.js';
import { defaultDiaryQuota, defaultVisitQuota, householdsToVisit, isBehind, periodOf, quotaStatus, strictestQuota } from './rules.js';
import type { AdminWorklist, adminWorklistQuery, cadreWorklistQuery } from './schemas.js';
import { addListSheet } from '../../platform/excel.js';
import * as regionsRepo from '../regions/repository.js';

const today = () => shanghaiDay(new Date());

/** A household's place as people say it: the village and the group (吉久村二组), or the village alone. */
const placeName = (h: { villageName: string | null; groupName: string | null }): string | null =>
  h.villageName && h.groupName ? `${h.villageName}${h.groupName}` : (h.groupName ?? h.villageName);

/** A cadre's month: households to visit (longest unvisited first), the diary due, entries returned or in draft. */
export async function cadreWorklist(db: Executor, actor: Actor, q: z.infer<typeof cadreWorklistQuery>) {
  const own = await ownCadreId(db, actor);
  const cadreId = q.cadreId ?? own;
  if (!cadreId) throw new AppError('forbidden', { zh: '您的账号未关联干部', en: 'Your account is not linked to a cadre' });
  // Another cadre's list: for those who oversee cadres (the unit head's scope holds their unit's only).
  if (cadreId !== own && !isAdmin(actor.role) && !['branch_secretary', 'leader', 'unit_head'].includes(actor.role)) throw new AppError('forbidden');
  const cadre = await cadresRepo.getCadre(db, actor.scope, cadreId);
  if (!cadre) throw notFound({ zh: '干部', en: 'Cadre' });
  const on = q.on ?? today();
  // The pairings feature's own list of a cadre's households (the 我的联系户 page), as of the day.
  const open = await pairingsRepo.householdsOfCadre(db, actor.scope, cadreId, { page: 1, pageSize: 1000 });
  const seen = new Set<string>();
  const paired = open.items
    .filter((p) => p.startOn <= on && !seen.has(p.householdId) && seen.add(p.householdId))
    .map((p) => ({
      householdId: p.householdId,
      programmeId: p.programmeId,
      regionCode: p.regionCode,
      regionName: placeName(p),
      headName: p.headName,
      mustVisit: false,
    }));
  // A resident cadre also visits the must-visit households of their village that nobody helps.
  for (const h of await repo.mustVisitOfResident(db, cadreId, on))
    if (!seen.has(h.householdId) && seen.add(h.householdId))
      paired.push({
        householdId: h.householdId,
        programmeId: h.programmeId,
        regionCode: h.regionCode,
        regionName: placeName(h),
        headName: h.headName,
        mustVisit: true,
      });
  const requirements = await repo.requirementsOf(db, [...new Set(paired.map((p) => p.programmeId).filter((id): id is string => !!id))]);
  const visitQuota = strictestQuota(
    requirements.map((r) => r.visitsPerHousehold),
    defaultVisitQuota,
  );
  const diaryQuota = strictestQuota(
    requirements.map((r) => r.diaryPerCadre),
    defaultDiaryQuota,
  );
  const period = periodOf(visitQuota.per === 'quarter' || visitQuota.per === 'year' ? visitQuota.per : 'month', on);
  const dayAfter = new Date(Date.parse(`${on}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  const facts = await repo.visitFactsOf(
    db,
    cadreId,
    paired.map((p) => p.householdId),
    period.from,
    dayAfter,
  );
  const byId = new Map(facts.map((f) => [f.householdId, f]));
  const toVisit = householdsToVisit(
    paired.map((p) => ({
      householdId: p.householdId,
      lastVisitOn: byId.get(p.householdId)?.lastVisitOn ?? null,
      visitsThisPeriod: byId.get(p.householdId)?.inPeriod ?? 0,
    })),
    visitQuota,
    on,
  );
  const info = new Map(paired.map((p) => [p.householdId, p]));
  const diaryDays = await repo.diaryMonthsOf(db, cadreId, previousMonth(previousMonth(monthOf(on))));
  const entries = await repo.entriesOfCadre(db, cadreId, ['draft', 'returned']);
  return {
    cadreId,
    cadreName: cadre.name,
    on,
    visits: {
      quota: visitQuota,
      households: paired.length,
      done: paired.length - toVisit.length,
      toVisit: toVisit.map((h) => ({
        ...h,
        headName: info.get(h.householdId)?.headName ?? null,
        regionCode: info.get(h.householdId)!.regionCode,
        regionName: info.get(h.householdId)?.regionName ?? null,
        mustVisit: info.get(h.householdId)!.mustVisit,
      })),
      dueOn: period.dueOn,
    },
    diary: { quota: diaryQuota, ...quotaStatus(diaryQuota, diaryDays, on) },
    returned: entries.filter((e) => e.status === 'returned'),
    drafts: entries.filter((e) => e.status === 'draft'),
  };
}

/** A reviewer's queue: submitted entries they may review, and this quarter's samples. */
export async function reviewerWorklist(db: Executor, actor: Actor) {
  const facts = await reviewerFacts(db, actor);
  if (!isAdmin(actor.role) && actor.role !== 'branch_secretary') throw new AppError('forbidden');
  const { items } = await diariesRepo.listEntries(db, actor.scope, { status: 'submitted', page: 1, pageSize: 500 });
  const awaiting = [];
  for (const e of items)
    if (mayReview(facts, await authorFacts(db, e.cadreId)))
      awaiting.push({
        id: e.id,
        cadreId: e.cadreId,
        cadreName: e.cadreName,
        month: e.month,
        submittedAt: e.submittedAt,
        version: e.version,
      });
  awaiting.sort((a, b) => a.month.localeCompare(b.month) || a.id.localeCompare(b.id));
  const quarter = quarterOf(today());
  const samples = [];
  for (const s of await reviewsRepo.samplesInScope(db, actor.scope, quarter)) {
    const reviewed = new Set<string>();
    for (const id of s.entryIds) if ((await reviewsRepo.reviewsOf(db, id)).some((r) => r.sampleId === s.id)) reviewed.add(id);
    samples.push({
      id: s.id,
      regionCode: s.regionCode,
      quarter: s.quarter,
      entries: s.entryIds.map((id) => ({ id, reviewed: reviewed.has(id) })),
    });
  }
  return { awaiting, quarter, samples };
}

type Counts = AdminWorklist['totals'];
const emptyCounts = (): Counts => ({ cadres: 0, behindVisits: 0, behindDiary: 0, householdsNotVisited: 0 });

/**
 * Cadres and their visits and diaries for a month, per cadre, village and unit, seen on a day: each
 * by the cadence and deadline of the cadre's own programmes (worklists/cadence.ts), flagged only
 * when due soon or overdue. A past month is seen as of its last day.
 */
export async function adminWorklist(db: Executor, actor: Actor, q: z.infer<typeof adminWorklistQuery>): Promise<AdminWorklist> {
  requireRole(actor, [...adminRoles, 'branch_secretary', 'unit_head', 'leader']);
  const regionCode = q.regionCode ?? actor.regionCode;
  if (!inScope(regionCode, actor.scope)) throw notFound({ zh: '行政区划', en: 'Region' });
  const now = q.on ?? today();
  const month = q.month ?? monthOf(now);
  const asOf = month === monthOf(now) ? now : lastDayOfMonth(month);
  let rows = await cadreCadence(db, significantPrefix(regionCode), asOf, now);
  if (actor.scope.unitId) rows = rows.filter((r) => r.unitId === actor.scope.unitId);
  const cadres = rows.map((r) => ({
    cadreId: r.cadreId,
    cadreName: r.cadreName,
    villageCode: r.villageCode,
    villageName: r.villageName,
    unitId: r.unitId,
    unitName: r.unitName,
    branchName: r.branchName,
    paired: r.paired,
    visited: r.visited,
    notVisited: r.paired - r.visited,
    diaries: r.diaries,
    diaryRequired: r.diary.required,
    visitRequired: r.visit.required,
    visitPer: r.visit.per,
    visitDueOn: r.visit.dueOn,
    visitState: r.visit.state,
    diaryPer: r.diary.per,
    diaryFrom: r.diary.from,
    diaryDueOn: r.diary.dueOn,
    diaryState: r.diary.state,
    behindVisits: isBehind(r.visit.state),
    behindDiary: isBehind(r.diary.state),
  }));
  const add = (c: Counts, r: (typeof cadres)[number]) => {
    c.cadres += 1;
    if (r.behindVisits) c.behindVisits += 1;
    if (r.behindDiary) c.behindDiary += 1;
    c.householdsNotVisited += r.notVisited;
  };
  const villages = new Map<string, Counts & { villageCode: string; villageName: string | null }>();
  const unitsMap = new Map<string, Counts & { unitId: string | null; unitName: string | null }>();
  const totals = emptyCounts();
  for (const r of cadres) {
    add(totals, r);
    const v = villages.get(r.villageCode) ?? { villageCode: r.villageCode, villageName: r.villageName, ...emptyCounts() };
    add(v, r);
    villages.set(r.villageCode, v);
    const key = r.unitId ?? '';
    const u = unitsMap.get(key) ?? { unitId: r.unitId, unitName: r.unitName, ...emptyCounts() };
    add(u, r);
    unitsMap.set(key, u);
  }
  return {
    month,
    regionCode,
    cadres: q.onlyBehind ? cadres.filter((c) => c.behindVisits || c.behindDiary) : cadres,
    byVillage: [...villages.values()],
    byUnit: [...unitsMap.values()],
    totals,
  };
}

/** The administrator's list as a workbook: cadres, then per village, then per unit; each sheet printable. */
export async function adminWorklistXlsx(db: Executor, actor: Actor, q: z.infer<typeof adminWorklistQuery>) {
  const w = await adminWorklist(db, actor, q);
  // a township cadre works at the township: 乡镇 filled, 村 blank (the village code of a township is the township's)
  const townshipOf = (code: string) => (['township', 'village', 'group'].includes(levelOfCode(code)) ? `${code.slice(0, 9)}000` : null);
  const villageOf = (code: string) => (['village', 'group'].includes(levelOfCode(code)) ? code.slice(0, 12) : null);
  const names = await regionsRepo.namesOf(db, w.cadres.map((c) => townshipOf(c.villageCode)).filter((c): c is string => c !== null));
  const place = (code: string, villageName: string | null) => {
    const township = townshipOf(code);
    return [township ? (names.get(township) ?? township) : '', villageOf(code) ? (villageName ?? code) : ''];
  };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianhu 联户';
  const sheet = (name: string, columns: [string, number][], rows: (string | number)[][]) => {
    const s = addListSheet(wb, name, columns.map(([header, width]) => ({ header, width })));
    for (const r of rows) s.addRow(r.map((v) => (v === '' ? null : v)));
  };
  const yes = (b: boolean) => (b ? '是' : '');
  const n = 10;
  sheet(
    '干部',
    [['乡镇', 12], ['村', 12], ['单位', 20], ['干部', 10], ['结对户数', n], ['本月已走访', n], ['未走访', n], ['本月日记', n], ['应交日记', n], ['走访落后', n], ['日记落后', n]],
    w.cadres.map((c) => [
      ...place(c.villageCode, c.villageName),
      c.unitName ?? '',
      c.cadreName,
      c.paired,
      c.visited,
      c.notVisited,
      c.diaries,
      c.diaryRequired,
      yes(c.behindVisits),
      yes(c.behindDiary),
    ]),
  );
  const countCols: [string, number][] = [['干部数', n], ['走访落后干部', 14], ['日记落后干部', 14], ['未走访户数', 12]];
  sheet(
    '按村',
    [['乡镇', 12], ['村', 12], ...countCols],
    w.byVillage.map((v) => [...place(v.villageCode, v.villageName), v.cadres, v.behindVisits, v.behindDiary, v.householdsNotVisited]),
  );
  sheet(
    '按单位',
    [['单位', 24], ...countCols],
    w.byUnit.map((u) => [u.unitName ?? '（无单位）', u.cadres, u.behindVisits, u.behindDiary, u.householdsNotVisited]),
  );
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `工作清单-${w.month}.xlsx` };
}
