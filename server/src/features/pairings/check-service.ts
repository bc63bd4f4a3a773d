/**
 * The rule check and the assistant over the database: load what the pure checker reads (facts.ts)
 * for a programme and a region on a day, run checkProgramme / proposePairings, and accept chosen
 * proposals in one transaction, checked again so that nothing accepted adds a breach.
 */
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { dateCellValue, dateFormat, headerStyle, printSetup, streamingWorkbook } from '../../platform/excel.js';
import { adminRoles } from '../../platform/roles.js';
import { inScope, significantPrefix } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { builtInCategories } from '../households/labels.js';
import { idTaken } from '../households/access.js';
import * as programmesRepo from '../programmes/repository.js';
import { programmeForRead, toProgramme, today } from '../programmes/service.js';
import { programmePrefix, type Programme } from '../programmes/rules.js';
import { breachKinds, checkProgramme, MUST_VISIT, type Breach, type RuleCheck } from './check.js';
import { namesOf as regionNamesOf } from '../regions/repository.js';
import type { BranchFact, CadreFact, Facts, HouseholdFact, RegionFact, UnitFact } from './facts.js';
import { isLive } from './facts.js';
import type { Text } from './messages.js';
import { proposePairings } from './proposals.js';
import * as repo from './repository.js';
import { pairingShapeProblem, type Pairing } from './rules.js';
import type { acceptBody, checkExportQuery, checkQuery, proposalsQuery } from './schemas.js';
import { countyCodeOf, fieldError } from './service.js';

const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const builtIn = new Set(builtInCategories.map((c) => c.code));

/**
 * The part of a programme's region that is checked: the region asked for (default: the programme's
 * region when my scope holds it, else my own region), which must overlap the programme's.
 * Out of my scope: 404.
 */
function checkedPrefix(
  actor: Actor,
  programme: { regionCode: string },
  regionCode: string | undefined,
): { prefix: string; whole: boolean } {
  const own = programmePrefix(programme);
  const asked = regionCode ?? (inScope(programme.regionCode, actor.scope) ? programme.regionCode : actor.regionCode);
  if (!inScope(asked, actor.scope)) throw notFound({ zh: '行政区划', en: 'Region' });
  const p = significantPrefix(asked);
  if (p.startsWith(own)) return { prefix: p, whole: p === own };
  if (own.startsWith(p)) return { prefix: own, whole: true };
  throw fieldError(actor, 'query.regionCode', { zh: '该地区不在活动范围内', en: 'The region lies outside the programme' });
}

export interface LoadedFacts {
  programme: Programme;
  facts: Facts;
  prefix: string;
}

/**
 * What the checker reads for a programme in a region prefix. Subjects are the programme's enrolled
 * cadres, units and branches working in the prefix (and, for the whole programme, above it: a
 * county leader in a township's programme) with their tags; a programme nobody is enrolled in yet
 * takes every cadre working in the prefix. Households, branches and places are those of the prefix;
 * pairings are the programme's holding on the day with a target in the prefix or a subject as
 * helper. A household stops on its status date, a cadre, unit or branch that left or was dissolved
 * on the day its record last changed.
 */
export async function loadFacts(
  db: Executor,
  programmeRow: programmesRepo.ProgrammeRow,
  prefix: string,
  whole: boolean,
  day: string,
): Promise<LoadedFacts> {
  const programme = toProgramme(programmeRow, await programmesRepo.roundsOf(db, programmeRow.id));
  const enrolled = (await programmesRepo.hasParticipants(db, programmeRow.id))
    ? await programmesRepo.participantsForCheck(db, programmeRow.id, prefix, whole)
    : null;
  // An enrolment that ended before the day does not make a subject; the latest enrolment of each counts.
  const enrolment = new Map<string, NonNullable<typeof enrolled>[number]>();
  for (const e of enrolled ?? []) {
    const key = `${e.subjectKind}:${e.subjectId}`;
    const prev = enrolment.get(key);
    if (!prev || prev.startOn < e.startOn) enrolment.set(key, e);
  }
  const idsOf = (kind: string) => [...enrolment.values()].filter((e) => e.subjectKind === kind).map((e) => e.subjectId);
  const left = (status: string, updatedAt: Date) => (status === 'active' ? null : shanghaiDay(updatedAt));
  const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
  const lived = (kind: string, id: string, status: string, updatedAt: Date) => {
    const e = enrolment.get(`${kind}:${id}`);
    return { startedOn: e?.startOn ?? null, endedOn: earliest(e?.endOn ?? null, left(status, updatedAt)) };
  };

  const cadreRows = await repo.cadresForCheck(db, enrolled ? { ids: idsOf('cadre') } : { prefix });
  const cadres: CadreFact[] = cadreRows.map((c) => ({
    id: c.id,
    name: c.name,
    rank: c.rank,
    regionCode: c.regionCode,
    unitId: c.unitId,
    branchId: c.branchId,
    tags: enrolment.get(`cadre:${c.id}`)?.tags ?? [],
    ...lived('cadre', c.id, c.status, c.updatedAt),
  }));
  const units: UnitFact[] = (await repo.unitsForCheck(db, idsOf('unit'))).map((u) => ({
    id: u.id,
    name: u.name,
    regionCode: u.regionCode,
    level: u.level,
    ...lived('unit', u.id, u.status, u.updatedAt),
  }));
  const branchIds = new Set(idsOf('branch'));
  const branches: BranchFact[] = (await repo.branchesForCheck(db, prefix, [...branchIds])).map((b) => ({
    id: b.id,
    name: b.name,
    regionCode: b.regionCode,
    unitId: b.unitId,
    ...lived('branch', b.id, b.status, b.updatedAt),
  }));
  const households: HouseholdFact[] = (await repo.householdsForCheck(db, prefix)).map((h) => ({
    id: h.id,
    name: h.name ?? undefined,
    regionCode: h.regionCode,
    categories: h.categories,
    endedOn: h.status === 'active' ? null : (h.statusChangedOn ?? shanghaiDay(h.updatedAt)),
  }));
  const regions: RegionFact[] = (await repo.regionsForCheck(db, prefix)).map((r) => ({
    code: r.code,
    name: r.name,
    startedOn: r.validFrom,
    endedOn: r.validTo,
  }));
  const pairings = await repo.pairingsForCheck(db, programmeRow.id, prefix, enrolled ? whole : null, day);
  const own = (await repo.categoryNamesFor(db)).filter((c) => !builtIn.has(c.code));
  const categoryNames = new Map<string, Text>(own.map((c) => [c.code, { zh: c.zh, en: c.en }]));
  return { programme, facts: { cadres, households, units, branches, regions, pairings, categoryNames }, prefix };
}

const breachView = (actor: Actor, b: Breach) => ({ ...b, message: actor.lang === 'en' ? b.en : b.zh });

async function runCheck(db: Db, actor: Actor, programmeId: string, q: { regionCode?: string; on?: string }) {
  const row = await programmeForRead(db, actor, programmeId);
  const day = q.on ?? today();
  const { prefix, whole } = checkedPrefix(actor, row, q.regionCode);
  const loaded = await loadFacts(db, row, prefix, whole, day);
  const check = checkProgramme(loaded.programme, loaded.facts, day);
  return { row, day, prefix, loaded, check };
}

const regionOfPrefix = (prefix: string) => (prefix.length >= 12 ? prefix : prefix.padEnd(12, '0'));

/** Every breach of a programme's rules in a region on a day, with counts per kind and a page of them. */
export async function checkRules(db: Db, actor: Actor, programmeId: string, q: z.infer<typeof checkQuery>) {
  const { day, prefix, loaded, check } = await runCheck(db, actor, programmeId, q);
  const list = q.kind ? check.breaches.filter((b) => b.kind === q.kind) : check.breaches;
  return {
    programmeId,
    regionCode: regionOfPrefix(prefix),
    on: day,
    counts: check.counts,
    total: check.total,
    checked: { cadres: loaded.facts.cadres.length, households: loaded.facts.households.length, pairings: loaded.facts.pairings.length },
    items: list.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((b) => breachView(actor, b)),
    filteredTotal: list.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const kindNames: Record<(typeof breachKinds)[number], string> = {
  missing_pairing: '缺少结对',
  over_capacity: '超出上限',
  uncovered: '无人帮扶',
  outside_region: '超出活动范围',
  outside_period: '超出活动期间',
  outside_round: '超出轮次',
  inactive_target: '对象已失效',
  inactive_helper: '帮扶方已失效',
  no_lead: '无牵头联系人',
  several_leads: '多名牵头联系人',
};

const subjectKindNames: Record<Breach['subject']['kind'], string> = {
  cadre: '干部',
  unit: '单位',
  branch: '党支部',
  household: '农户',
  township: '乡镇',
  village: '村',
  person: '个人',
};

/** Names of the subjects and places of the loaded facts, by `kind:id` (and region code), as the screen shows them. */
function namesOfFacts(f: Awaited<ReturnType<typeof loadFacts>>['facts']) {
  const regionNames = new Map(f.regions.map((r) => [r.code, r.name]));
  const subjects = new Map<string, { name: string | undefined; regionCode: string | null }>([
    ...f.cadres.map((c) => [`cadre:${c.id}`, { name: c.name, regionCode: c.regionCode }] as const),
    ...f.units.map((u) => [`unit:${u.id}`, { name: u.name, regionCode: u.regionCode }] as const),
    ...f.branches.map((b) => [`branch:${b.id}`, { name: b.name, regionCode: b.regionCode }] as const),
    ...f.households.map((h) => [`household:${h.id}`, { name: h.name, regionCode: h.regionCode }] as const),
  ]);
  const placeName = (code: string | null) => (code ? (regionNames.get(code.slice(0, 12)) ?? regionNames.get(`${code.slice(0, 9)}000`) ?? null) : null);
  return (s: Breach['subject']) => {
    if (s.kind === 'township' || s.kind === 'village') return { name: regionNames.get(s.id) ?? null, place: placeName(s.kind === 'village' ? `${s.id.slice(0, 9)}000` : s.id) };
    const found = subjects.get(`${s.kind}:${s.id}`);
    return { name: found?.name ?? null, place: placeName(found?.regionCode ?? null) };
  };
}

/** The rule check as .xlsx: a sheet of counts and a sheet of every breach, in names and Chinese labels as on the screen. */
export async function exportCheck(db: Db, actor: Actor, programmeId: string, q: z.infer<typeof checkExportQuery>) {
  const { row, day, prefix, loaded, check } = await runCheck(db, actor, programmeId, q);
  const list = q.kind ? check.breaches.filter((b) => b.kind === q.kind) : check.breaches;
  const ruleNames = new Map<string, string>([
    ...loaded.programme.pairingRules.map((r) => [r.id, r.zh] as const),
    ...loaded.programme.coverage.map((r) => [r.id, r.zh] as const),
    [MUST_VISIT, '五必访'],
  ]);
  const subject = namesOfFacts(loaded.facts);
  const [region] = (await regionNamesOf(db, [regionOfPrefix(prefix)])).values();
  const { workbook, stream } = streamingWorkbook();
  const write = async () => {
    const summary = workbook.addWorksheet('汇总', { pageSetup: printSetup });
    summary.columns = [{ width: 18 }, { width: 24 }];
    const head = summary.addRow(['问题类别', '数量']);
    head.eachCell((c) => (c.style = headerStyle));
    head.commit();
    for (const k of breachKinds) summary.addRow([kindNames[k], check.counts[k]]).commit();
    summary.addRow(['合计', check.total]).commit();
    summary.addRow([]).commit();
    summary.addRow(['活动', row.name]).commit();
    summary.addRow(['地区', region ?? regionOfPrefix(prefix)]).commit();
    summary.addRow(['检查日期', dateCellValue(day)]).getCell(2).numFmt = dateFormat;
    summary.commit();
    const sheet = workbook.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: printSetup });
    sheet.columns = [{ width: 14 }, { width: 60 }, { width: 30 }, { width: 10 }, { width: 16 }, { width: 16 }];
    const h = sheet.addRow(['问题类别', '说明', '规则', '对象类别', '对象', '所在地']);
    h.eachCell((c) => (c.style = headerStyle));
    h.commit();
    for (const b of list) {
      const s = subject(b.subject);
      sheet
        .addRow([kindNames[b.kind], actor.lang === 'en' ? b.en : b.zh, b.ruleId ? (ruleNames.get(b.ruleId) ?? null) : null, subjectKindNames[b.subject.kind], s.name, s.place])
        .commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) => stream.destroy(err as Error));
  return { stream, fileName: `规则检查-${row.name}-${day}.xlsx` };
}

/** Proposals that fill a programme's missing pairings and uncovered households, for review; only targets I may pair. */
export async function proposals(db: Db, actor: Actor, programmeId: string, q: z.infer<typeof proposalsQuery>) {
  requireRole(actor, adminRoles);
  const { day, prefix, loaded, check } = await runCheck(db, actor, programmeId, q);
  const { proposals: list, unfilled } = proposePairings(loaded.programme, loaded.facts, day);
  const names = new Map<string, string | undefined>([
    ...loaded.facts.cadres.map((c) => [`cadre:${c.id}`, c.name] as const),
    ...loaded.facts.units.map((u) => [`unit:${u.id}`, u.name] as const),
    ...loaded.facts.branches.map((b) => [`branch:${b.id}`, b.name] as const),
    ...loaded.facts.households.map((h) => [`household:${h.id}`, h.name] as const),
    ...loaded.facts.regions.map(
      (r) => [`${r.code.length === 12 && r.code.endsWith('000') ? 'township' : 'village'}:${r.code}`, r.name] as const,
    ),
  ]);
  return {
    programmeId,
    regionCode: regionOfPrefix(prefix),
    on: day,
    proposals: list
      .filter((p) => inScope(p.regionCode, actor.scope))
      .map((p) => ({
        role: p.role,
        helperKind: p.helperKind,
        helperId: p.helperId,
        targetKind: p.targetKind,
        targetId: p.targetId,
        lead: p.lead,
        roundNo: p.roundNo,
        startOn: p.startOn,
        regionCode: p.regionCode,
        key: `${p.helperKind}:${p.helperId}→${p.targetKind}:${p.targetId}`,
        helperName: names.get(`${p.helperKind}:${p.helperId}`) ?? null,
        targetName: names.get(`${p.targetKind}:${p.targetId}`) ?? null,
        because: p.because,
        nearness: p.nearness,
        message: actor.lang === 'en' ? p.en : p.zh,
      })),
    unfilled: unfilled.map((u) => ({
      ruleId: u.ruleId,
      subject: u.subject,
      missing: u.missing,
      reason: u.reason,
      message: actor.lang === 'en' ? u.en : u.zh,
    })),
    breachesBefore: check.total,
  };
}

const breachKey = (b: Breach) => `${b.kind}|${b.subject.kind}:${b.subject.id}|${b.ruleId ?? ''}|${b.pairingId ?? ''}`;

/**
 * Accepts chosen proposals (or adjusted ones) as pairings in one transaction. Each is checked like a
 * pairing made by hand against the loaded facts (shape, helper a subject of the programme, target a
 * live one in my scope, no duplicate); then the programme is checked again with them, and if any
 * breach appears that was not there before, nothing is accepted (409 naming the items). Items whose
 * id was accepted before are counted, not made again.
 */
export async function acceptProposals(db: Db, actor: Actor, programmeId: string, input: z.infer<typeof acceptBody>) {
  requireRole(actor, adminRoles);
  const row = await programmeForRead(db, actor, programmeId);
  if (row.status === 'closed') throw fieldError(actor, 'body.items', { zh: '活动已结束，不能再结对', en: 'The programme is closed' });
  const ids = input.items.map((i) => i.id);
  const existing = await repo.pairingRows(db, ids);
  const taken = existing.find((e) => e.programmeId !== programmeId || !inScope(e.regionCode, actor.scope));
  if (taken) throw idTaken(actor);
  const done = new Set(existing.map((e) => e.id));
  const fresh = input.items.map((item, i) => ({ item, i })).filter(({ item }) => !done.has(item.id));
  if (fresh.length === 0) {
    return {
      created: 0,
      alreadyThere: existing.length,
      breachesBefore: 0,
      breachesAfter: 0,
      items: await repo.pairingsByIds(db, actor.scope, ids),
    };
  }
  const day = fresh
    .map(({ item }) => item.startOn)
    .sort()
    .at(-1)!;
  const { prefix, whole } = checkedPrefix(actor, row, undefined);
  const loaded = await loadFacts(db, row, prefix, whole, day);
  const f = loaded.facts;
  const households = new Map(f.households.map((h) => [h.id, h]));
  const subjects = new Set([
    ...f.cadres.map((c) => `cadre:${c.id}`),
    ...f.units.map((u) => `unit:${u.id}`),
    ...f.branches.map((b) => `branch:${b.id}`),
  ]);
  const regions = new Map(f.regions.map((r) => [r.code, r]));
  const branches = new Map(f.branches.map((b) => [b.id, b]));
  const rounds = new Set(loaded.programme.rounds.map((r) => r.no));
  const open = new Set(
    f.pairings.filter((p) => p.endOn === null).map((p) => `${p.helperKind}:${p.helperId}|${p.targetKind}:${p.targetId}`),
  );
  const problems: { path: string; zh: string; en: string }[] = [];
  const rows: Pairing[] = [];
  for (const { item, i } of fresh) {
    const at = (k: string) => `body.items.${i}.${k}`;
    const shape = pairingShapeProblem({ ...item, endOn: null });
    if (shape) {
      problems.push({ path: at('role'), ...shape });
      continue;
    }
    if (!subjects.has(`${item.helperKind}:${item.helperId}`))
      problems.push({
        path: at('helperId'),
        zh: '帮扶方不是该活动在本地区的参与者',
        en: 'The helper does not take part in the programme here',
      });
    if (item.roundNo !== null && !rounds.has(item.roundNo))
      problems.push({ path: at('roundNo'), zh: `活动没有第 ${item.roundNo} 轮`, en: `No round ${item.roundNo}` });
    if (item.startOn < loaded.programme.period.startOn)
      problems.push({ path: at('startOn'), zh: '开始日期早于活动开始', en: 'Starts before the programme' });
    let regionCode: string | null = null;
    if (item.targetKind === 'household') {
      const h = households.get(item.targetId);
      if (h && isLive(h, item.startOn)) regionCode = h.regionCode;
    } else if (item.targetKind === 'village' || item.targetKind === 'township') {
      if (regions.has(item.targetId)) regionCode = item.targetId;
    } else if (item.targetKind === 'branch') {
      regionCode = branches.get(item.targetId)?.regionCode ?? null;
    }
    if (regionCode === null) {
      problems.push({ path: at('targetId'), zh: '帮扶对象不存在、已失效或不在本地区', en: 'No such live target here' });
      continue;
    }
    if (!inScope(regionCode, actor.scope)) throw new AppError('out_of_scope');
    const key = `${item.helperKind}:${item.helperId}|${item.targetKind}:${item.targetId}`;
    if (open.has(key)) {
      problems.push({ path: at('helperId'), zh: '该帮扶方已与此对象结对', en: 'Already paired' });
      continue;
    }
    open.add(key);
    rows.push({
      id: item.id,
      programmeId,
      role: item.role,
      helperKind: item.helperKind,
      helperId: item.helperId,
      targetKind: item.targetKind,
      targetId: item.targetId,
      lead: item.lead,
      roundNo: item.roundNo,
      startOn: item.startOn,
      endOn: null,
      regionCode,
      note: item.note ?? null,
    });
  }
  if (problems.length) throw invalidItems(actor, problems);

  const before: RuleCheck = checkProgramme(loaded.programme, f, day);
  const after: RuleCheck = checkProgramme(loaded.programme, { ...f, pairings: [...f.pairings, ...rows] }, day);
  const known = new Set(before.breaches.map(breachKey));
  const added = after.breaches.filter((b) => !known.has(breachKey(b)));
  if (added.length) {
    const index = new Map(rows.map((r) => [r.id, fresh.find((x) => x.item.id === r.id)!.i]));
    const fields = added.map((b) => {
      const i = b.pairingId
        ? index.get(b.pairingId)
        : [...index.entries()].find(([id]) =>
            rows.find(
              (r) =>
                r.id === id &&
                (`${r.helperKind}:${r.helperId}` === `${b.subject.kind}:${b.subject.id}` ||
                  `${r.targetKind}:${r.targetId}` === `${b.subject.kind}:${b.subject.id}`),
            ),
          )?.[1];
      return { path: i === undefined ? 'body.items' : `body.items.${i}`, message: actor.lang === 'en' ? b.en : b.zh };
    });
    throw new AppError(
      'conflict',
      {
        zh: `接受这些建议会新增 ${added.length} 个规则问题，未保存`,
        en: `Accepting would add ${added.length} breaches; nothing was saved`,
      },
      fields,
    );
  }

  const inserts = rows.map((r) => ({ ...r, countyCode: countyCodeOf(r.regionCode), createdBy: actor.id }));
  await db.transaction(async (tx) => {
    if ((await repo.insertPairings(tx, inserts)).length !== inserts.length) {
      throw new AppError('conflict', {
        zh: '其他人刚刚修改了这些结对，请重新生成建议',
        en: 'Someone changed these pairings meanwhile; propose again',
      });
    }
    for (const r of inserts)
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'pairing',
        entityId: r.id,
        regionCode: r.regionCode,
        after: { ...r, via: 'assistant' },
      });
  });
  return {
    created: inserts.length,
    alreadyThere: existing.length,
    breachesBefore: before.total,
    breachesAfter: after.total,
    items: await repo.pairingsByIds(db, actor.scope, ids),
  };
}

function invalidItems(actor: Actor, problems: { path: string; zh: string; en: string }[]) {
  const first = problems[0]!;
  return new AppError(
    'validation_failed',
    problems.length === 1 ? { zh: first.zh, en: first.en } : undefined,
    problems.map((p) => ({ path: p.path, message: actor.lang === 'en' ? p.en : p.zh })),
  );
}
