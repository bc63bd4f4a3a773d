/**
 * Pure: the pairing sheet (结对导入), one row per helper ↔ target, as a county clerk keeps it:
 * the programme, the form of pairing, the helper (a cadre by name, told apart by ID number or
 * phone; or a unit or branch by name), the target (a household by its head's name and ID number,
 * or a village or township by name), the lead contact, the round, the start and a note.
 * parsePairingCells reads the cells; resolvePairingRow finds what they name among what the
 * importer can see; settlePairings decides each valid row against the open pairings and the rows
 * above it (unchanged, duplicate, one 几帮一 lead) — the rules of a pairing made by hand
 * (pairings/service createPairing), row by row.
 */
import type { Cell, ColumnSpec } from '../../platform/excel.js';
import { pairingRoles, pairingShapeProblem, roleShapes, type HelperKind, type PairingRole, type TargetKind } from '../pairings/rules.js';
import type { RegionIndex } from './region-names.js';
import { fieldRules } from '../../platform/field-rules.js';
import { codedCell, dateCell, lengthCell, problem, text, yesNoCell, type Parsed, type Problem } from './rules.js';

/** The forms an import can make: every role but 人帮人, whose person has no register to name them by. */
export const importableRoles = pairingRoles.filter((r) => r !== 'person_to_person');
const roleLabels = Object.fromEntries(importableRoles.map((r) => [r, { zh: roleShapes[r].zh, en: roleShapes[r].en }])) as Record<
  PairingRole,
  { zh: string; en: string }
>;
const roleSynonyms: Record<string, PairingRole> = {
  一对一: 'one_to_one',
  一帮一结对: 'one_to_one',
  多帮一: 'several_to_one',
  几帮一结对: 'several_to_one',
  支部帮户: 'branch_helps',
  挂点: 'leader_point',
  领导联系: 'leader_point',
  包村: 'unit_village',
  联村: 'unit_village',
  帮乡: 'unit_township',
  联户: 'unit_household',
  支部共建: 'branch_pair',
  驻村帮扶: 'resident',
  驻村工作: 'resident',
};

export const pairingColumns = [
  {
    key: 'programme',
    header: '活动',
    aliases: ['活动名称', '帮扶活动'],
    required: true,
    width: 20,
    note: '活动名称（或活动编号），须是系统中已有的活动',
  },
  {
    key: 'role',
    header: '结对方式',
    aliases: ['结对形式', '帮扶方式'],
    required: true,
    width: 12,
    list: importableRoles.map((r) => roleShapes[r].zh),
  },
  {
    key: 'helper',
    header: '帮扶人',
    aliases: ['帮扶责任人', '帮扶方', '帮扶干部'],
    required: true,
    width: 14,
    note: '干部姓名；部门包村、部门帮乡、单位联户填单位名称；支部帮、支部结对填党支部名称',
  },
  {
    key: 'helperKey',
    format: 'text',
    header: '帮扶人身份证号或电话',
    aliases: ['帮扶人身份证号', '帮扶人电话', '帮扶人联系电话'],
    width: 22,
    note: '干部重名时填写，用于区分；请把此列设为“文本”',
  },
  {
    key: 'target',
    header: '对象',
    aliases: ['帮扶对象', '结对对象', '户主姓名'],
    required: true,
    width: 14,
    note: '农户填户主姓名；包村、驻村填村名；帮乡填乡镇名；支部结对填对方党支部名称',
  },
  {
    key: 'targetIdNumber',
    format: 'text',
    header: '对象身份证号',
    aliases: ['户主身份证号', '户主身份证号码'],
    width: 22,
    note: '农户填户主（或该户成员）的身份证号，可不填，户主重名时必填；请把此列设为“文本”',
  },
  { key: 'township', format: 'text', header: '乡镇', aliases: ['对象所在乡镇'], width: 12, note: '对象所在的乡镇：村名或户主姓名重名时填写' },
  {
    key: 'lead',
    header: '是否联系人',
    aliases: ['牵头联系人', '是否牵头'],
    width: 10,
    list: ['是', '否'],
    note: '几帮一时每户只能有一名牵头联系人；不填时，该户的第一位帮扶人为联系人',
  },
  { key: 'round', header: '轮次', width: 8, note: '驻村轮次，如 2 或 第二轮；不分轮次不填' },
  {
    key: 'startOn',
    format: 'date',
    header: '开始日期',
    aliases: ['结对日期', '结对时间'],
    required: true,
    width: 12,
    note: '如 2025-03-01，须在活动（和轮次）期间内',
  },
  { key: 'note', header: '备注', width: 24 },
] as const satisfies readonly ColumnSpec[];
export type PairingColumn = (typeof pairingColumns)[number]['key'];
export type PairingCells = Record<PairingColumn, Cell>;

/** What a row says, read cell by cell, before anything is looked up. */
export interface PairingRef {
  programme: string;
  role: PairingRole;
  helper: string;
  helperKey: string | null;
  target: string;
  targetIdNumber: string | null;
  township: string | null;
  /** 是 / 否, or null when left blank (the household's first helper leads). */
  lead: boolean | null;
  roundNo: number | null;
  startOn: string;
  note: string | null;
}

const cnNumber: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 2, 第2轮, 第二轮, 二 → 2. */
export function roundCell(column: string, v: Cell): Parsed<number | null> {
  const s = text(v);
  if (s === null) return { ok: true, value: null };
  const core = s.replace(/^第/, '').replace(/轮$/, '');
  const n = /^\d{1,3}$/.test(core) ? Number(core) : (cnNumber[core] ?? NaN);
  if (!Number.isInteger(n) || n < 1)
    return { ok: false, problem: problem(column, '轮次应填写数字，如 2 或 第二轮', 'Write the round as a number, e.g. 2') };
  return { ok: true, value: n };
}

export function parsePairingCells(c: PairingCells, today: Date): { ref: PairingRef | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const take = <T>(p: Parsed<T>): T | undefined => {
    if (p.ok) return p.value;
    problems.push(p.problem);
    return undefined;
  };
  const required = (column: PairingColumn, max: number) => {
    const s = text(c[column]);
    if (s === null) problems.push(problem(column, '必填', 'Required'));
    else if (s.length > max) problems.push(problem(column, `不超过 ${max} 个字`, `At most ${max} characters`));
    else return s;
    return undefined;
  };
  const programme = required('programme', 100);
  let role: PairingRole | null | undefined = null;
  if (text(c.role) === '人帮人')
    problems.push(problem('role', '人帮人请在系统中逐个登记，不能从 Excel 导入', 'Person-to-person pairings are made by hand'));
  else {
    role = take(codedCell('role', c.role, roleLabels, roleSynonyms));
    if (role === null) problems.push(problem('role', '必填', 'Required'));
  }
  const helper = required('helper', 100);
  const helperKey =
    text(c.helperKey)
      ?.replace(/[\s()（）-]/g, '')
      .toUpperCase() ?? null;
  const target = required('target', 100);
  const targetIdNumber = text(c.targetIdNumber)?.replace(/\s/g, '').toUpperCase() ?? null;
  if (typeof c.targetIdNumber === 'number')
    problems.push(
      problem(
        'targetIdNumber',
        '身份证号被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”后重新填写',
        'The ID number was stored as a number; format the column as text',
      ),
    );
  const lead = text(c.lead) === null ? null : take(yesNoCell('lead', c.lead));
  const roundNo = take(roundCell('round', c.round));
  let startOn: string | null | undefined = take(dateCell('startOn', c.startOn, new Date(today.getTime() + 366 * 86_400_000)));
  if (startOn === null) {
    problems.push(problem('startOn', '必填', 'Required'));
    startOn = undefined;
  }
  const note = take(lengthCell('note', c.note, fieldRules.note)) ?? null;
  if (problems.length || !programme || !role || !helper || !target || !startOn || lead === undefined || roundNo === undefined)
    return { ref: null, problems };
  return {
    ref: {
      programme,
      role,
      helper,
      helperKey,
      target,
      targetIdNumber: typeof c.targetIdNumber === 'number' ? null : targetIdNumber,
      township: text(c.township),
      lead,
      roundNo,
      startOn,
      note,
    },
    problems,
  };
}

export interface ProgrammeEntry {
  id: string;
  name: string;
  startOn: string;
  endOn: string | null;
  status: string;
  rounds: { no: number; startOn: string; endOn: string }[];
}
export interface CadreEntry {
  id: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  status: string;
}
export interface OrgEntry {
  id: string;
  name: string;
  regionCode: string;
  status: string;
}
export interface HouseholdEntry {
  id: string;
  headName: string | null;
  regionCode: string;
  status: string;
  /** The member whose ID number found the household (by ID number only). */
  memberName?: string;
}

/** What the rows may name, as the importer sees it (repository: pairingCandidates). */
export interface PairingContext {
  programmes: ProgrammeEntry[];
  /** Cadres by name: those of the importer's scope and the regions above it. */
  cadres: Map<string, CadreEntry[]>;
  units: Map<string, OrgEntry[]>;
  branches: Map<string, OrgEntry[]>;
  /** Households by a member's ID number, anywhere (a household outside the scope is refused by name). */
  householdsByIdNumber: Map<string, HouseholdEntry>;
  /** Households of the scope by their head's name. */
  householdsByHead: Map<string, HouseholdEntry[]>;
  regions: RegionIndex;
  scopePrefix: string;
}

/** A row ready to pair: ids found, the target's region (the record's scope key). */
export interface PairingValue {
  programmeId: string;
  role: PairingRole;
  helperKind: HelperKind;
  helperId: string;
  targetKind: TargetKind;
  targetId: string;
  regionCode: string;
  lead: boolean | null;
  roundNo: number | null;
  startOn: string;
  note: string | null;
}

type Found<T> = { ok: true; value: T } | { ok: false; problem: Problem };
const miss = <T>(column: string, zh: string, en: string): Found<T> => ({ ok: false, problem: problem(column, zh, en) });
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function findProgramme(ref: PairingRef, ctx: PairingContext): Found<ProgrammeEntry> {
  const all = uuidLike.test(ref.programme)
    ? ctx.programmes.filter((p) => p.id === ref.programme.toLowerCase())
    : ctx.programmes.filter((p) => p.name === ref.programme);
  if (all.length === 0)
    return miss('programme', `没有名为“${ref.programme}”的活动（或不在您的管辖范围内）`, `No programme "${ref.programme}" in your scope`);
  const open = all.filter((p) => p.status !== 'closed');
  if (open.length === 0) return miss('programme', '活动已结束，不能再结对', 'The programme is closed');
  if (open.length > 1)
    return miss(
      'programme',
      `有 ${open.length} 个名为“${ref.programme}”的活动，请填写活动编号`,
      `"${ref.programme}" is ambiguous; use its id`,
    );
  return { ok: true, value: open[0]! };
}

function findCadre(ref: PairingRef, ctx: PairingContext): Found<CadreEntry> {
  const all = ctx.cadres.get(ref.helper) ?? [];
  if (all.length === 0)
    return miss('helper', `没有名为“${ref.helper}”的干部（或不在您的管辖范围内）`, `No cadre named "${ref.helper}" in your scope`);
  let hits = all;
  if (ref.helperKey) {
    hits = all.filter((c) => c.idNumber?.toUpperCase() === ref.helperKey || c.phone === ref.helperKey);
    if (hits.length === 0)
      return miss(
        'helperKey',
        `与干部“${ref.helper}”的身份证号和电话都不符`,
        `Matches neither the ID number nor the phone of ${ref.helper}`,
      );
  }
  if (hits.length > 1)
    return miss(
      'helper',
      `有 ${hits.length} 名干部叫“${ref.helper}”，请在“帮扶人身份证号或电话”列填写以区分`,
      `${hits.length} cadres are named "${ref.helper}"; add the ID number or phone`,
    );
  if (hits[0]!.status !== 'active') return miss('helper', `干部“${ref.helper}”已调离`, `${ref.helper} has left`);
  return { ok: true, value: hits[0]! };
}

function findOrg(
  column: PairingColumn,
  name: string,
  index: Map<string, OrgEntry[]>,
  what: string,
  township: string | null,
): Found<OrgEntry> {
  let all = index.get(name) ?? [];
  if (all.length === 0)
    return miss(column, `没有名为“${name}”的${what}（或不在您的管辖范围内）`, `No ${what} named "${name}" in your scope`);
  if (all.length > 1 && township) all = all.filter((o) => o.regionCode.startsWith(township.slice(0, 9)));
  if (all.length !== 1) return miss(column, `有多个名为“${name}”的${what}，请填写乡镇以便区分`, `"${name}" is ambiguous`);
  if (all[0]!.status !== 'active') return miss(column, `${what}“${name}”已撤销`, `"${name}" was dissolved`);
  return { ok: true, value: all[0]! };
}

function findHousehold(ref: PairingRef, ctx: PairingContext, township: string | null): Found<HouseholdEntry> {
  let h: HouseholdEntry | undefined;
  if (ref.targetIdNumber) {
    h = ctx.householdsByIdNumber.get(ref.targetIdNumber);
    if (!h) return miss('targetIdNumber', '系统中没有此身份证号的农户成员', 'No household member has this ID number');
    if (!h.regionCode.startsWith(ctx.scopePrefix))
      return miss('targetIdNumber', '该户不在您的管辖范围内', 'The household is outside your scope');
    if (ref.target !== h.headName && ref.target !== h.memberName)
      return miss(
        'target',
        `与身份证号不符：该户户主为“${h.headName ?? ''}”`,
        `Does not match the ID number: the head is ${h.headName ?? ''}`,
      );
  } else {
    let all = ctx.householdsByHead.get(ref.target) ?? [];
    if (township) all = all.filter((x) => x.regionCode.startsWith(township.slice(0, 9)));
    if (all.length === 0)
      return miss('target', `您的管辖范围内没有户主名为“${ref.target}”的农户`, `No household headed by "${ref.target}" in your scope`);
    if (all.length > 1)
      return miss(
        'target',
        `有 ${all.length} 户户主名为“${ref.target}”，请填写对象身份证号`,
        `${all.length} households are headed by "${ref.target}"; add the ID number`,
      );
    h = all[0]!;
  }
  if (h.status !== 'active') return miss('target', '该户已迁出、合并或注销', 'The household is no longer active');
  return { ok: true, value: h };
}

/** A place by name (or code) within the scope: the problems name the 对象 column, or 乡镇. */
function findPlace(ref: PairingRef, ctx: PairingContext, level: 'village' | 'township'): Found<string> {
  const r =
    level === 'village'
      ? ctx.regions.resolve({ township: ref.township, village: ref.target }, 'village')
      : ctx.regions.resolve({ township: ref.target, village: null }, 'township');
  if (!r.ok) return { ok: false, problem: { ...r.problem, column: r.problem.column === level ? 'target' : r.problem.column } };
  return { ok: true, value: r.code };
}

/** The township a row names to tell names apart, as a code (null when blank or unknown: the lookups say so). */
function townshipOf(ref: PairingRef, ctx: PairingContext): Found<string | null> {
  if (!ref.township) return { ok: true, value: null };
  const r = ctx.regions.resolve({ township: ref.township, village: null }, 'township');
  return r.ok ? { ok: true, value: r.code } : { ok: false, problem: r.problem };
}

/** A leader's point: a household when an ID number is given, else whichever single place, branch or household bears the name. */
function findLeaderTarget(
  ref: PairingRef,
  ctx: PairingContext,
  township: string | null,
): Found<{ kind: TargetKind; id: string; regionCode: string }> {
  if (ref.targetIdNumber) {
    const h = findHousehold(ref, ctx, township);
    return h.ok ? { ok: true, value: { kind: 'household', id: h.value.id, regionCode: h.value.regionCode } } : h;
  }
  const hits: { kind: TargetKind; id: string; regionCode: string }[] = [];
  for (const level of ['village', 'township'] as const) {
    const r = findPlace(ref, ctx, level);
    if (r.ok) hits.push({ kind: level, id: r.value, regionCode: r.value });
  }
  const b = findOrg('target', ref.target, ctx.branches, '党支部', township);
  if (b.ok) hits.push({ kind: 'branch', id: b.value.id, regionCode: b.value.regionCode });
  const h = findHousehold(ref, ctx, township);
  if (h.ok) hits.push({ kind: 'household', id: h.value.id, regionCode: h.value.regionCode });
  if (hits.length === 1) return { ok: true, value: hits[0]! };
  if (hits.length === 0)
    return miss('target', `您的管辖范围内没有名为“${ref.target}”的乡镇、村、党支部或户主`, `Nothing named "${ref.target}" in your scope`);
  return miss(
    'target',
    `“${ref.target}”可指${hits.map((x) => ({ household: '农户', village: '村', township: '乡镇', branch: '党支部', person: '个人' })[x.kind]).join('、')}，农户请填写对象身份证号`,
    `"${ref.target}" is ambiguous`,
  );
}

/** Finds what a row names; every problem names its column. */
export function resolvePairingRow(ref: PairingRef, ctx: PairingContext): { value: PairingValue | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const take = <T>(f: Found<T>): T | undefined => {
    if (f.ok) return f.value;
    problems.push(f.problem);
    return undefined;
  };
  const shape = roleShapes[ref.role];
  const programme = take(findProgramme(ref, ctx));
  if (programme) {
    if (ref.startOn < programme.startOn || (programme.endOn !== null && ref.startOn >= programme.endOn)) {
      problems.push(
        problem(
          'startOn',
          `开始日期应在活动期间内（${programme.startOn} 起${programme.endOn ? `，${programme.endOn} 前` : ''}）`,
          'The start lies outside the programme period',
        ),
      );
    } else if (ref.roundNo !== null) {
      const round = programme.rounds.find((r) => r.no === ref.roundNo);
      if (!round) problems.push(problem('round', `活动没有第 ${ref.roundNo} 轮`, `The programme has no round ${ref.roundNo}`));
      else if (ref.startOn < round.startOn || ref.startOn >= round.endOn)
        problems.push(
          problem(
            'startOn',
            `开始日期应在第 ${ref.roundNo} 轮期间内（${round.startOn} 起，${round.endOn} 前）`,
            `The start lies outside round ${ref.roundNo}`,
          ),
        );
    }
  }
  const helper =
    shape.helper === 'cadre'
      ? take(findCadre(ref, ctx))
      : take(
          findOrg(
            'helper',
            ref.helper,
            shape.helper === 'unit' ? ctx.units : ctx.branches,
            shape.helper === 'unit' ? '单位' : '党支部',
            null,
          ),
        );
  const township = take(townshipOf(ref, ctx)) ?? null;
  let target: { kind: TargetKind; id: string; regionCode: string } | undefined;
  if (ref.role === 'leader_point') target = take(findLeaderTarget(ref, ctx, township));
  else if (shape.targets[0] === 'household') {
    const h = take(findHousehold(ref, ctx, township));
    if (h) target = { kind: 'household', id: h.id, regionCode: h.regionCode };
  } else if (shape.targets[0] === 'village' || shape.targets[0] === 'township') {
    const code = take(findPlace(ref, ctx, shape.targets[0]));
    if (code) target = { kind: shape.targets[0], id: code, regionCode: code };
  } else if (shape.targets[0] === 'branch') {
    const b = take(findOrg('target', ref.target, ctx.branches, '党支部', township));
    if (b) target = { kind: 'branch', id: b.id, regionCode: b.regionCode };
  }
  if (target && !target.regionCode.startsWith(ctx.scopePrefix)) {
    problems.push(problem('target', '对象不在您的管辖范围内', 'The target is outside your scope'));
  }
  if (target && ref.lead) {
    const p = pairingShapeProblem({
      role: ref.role,
      helperKind: shape.helper,
      targetKind: target.kind,
      startOn: ref.startOn,
      endOn: null,
      lead: true,
    });
    if (p) problems.push(problem('lead', p.zh, p.en));
  }
  if (target && shape.helper === 'branch' && target.kind === 'branch' && helper && helper.id === target.id) {
    problems.push(problem('target', '党支部不能与自己结对', 'A branch cannot pair with itself'));
  }
  if (problems.length || !programme || !helper || !target) return { value: null, problems };
  return {
    value: {
      programmeId: programme.id,
      role: ref.role,
      helperKind: shape.helper,
      helperId: helper.id,
      targetKind: target.kind,
      targetId: target.id,
      regionCode: target.regionCode,
      lead: ref.lead,
      roundNo: ref.roundNo,
      startOn: ref.startOn,
      note: ref.note,
    },
    problems,
  };
}

/** An open pairing already in the register (same programme and target as some row). */
export interface OpenPairing {
  programmeId: string | null;
  helperKind: HelperKind;
  helperId: string;
  targetKind: TargetKind;
  targetId: string;
  lead: boolean;
}

export type Settled =
  | { row: number; outcome: 'create'; lead: boolean }
  | { row: number; outcome: 'unchanged' }
  | { row: number; outcome: 'problem'; problem: Problem };

const pairKey = (p: Pick<OpenPairing, 'programmeId' | 'helperKind' | 'helperId' | 'targetKind' | 'targetId'>) =>
  `${p.programmeId ?? ''}|${p.helperKind}:${p.helperId}|${p.targetKind}:${p.targetId}`;
const groupKey = (p: Pick<OpenPairing, 'programmeId' | 'targetKind' | 'targetId'>) =>
  `${p.programmeId ?? ''}|${p.targetKind}:${p.targetId}`;

/**
 * The valid rows in sheet order against the open pairings: a helper already paired with the target
 * in the programme is unchanged (a re-import writes nothing); the same pair twice in the sheet is a
 * problem on the second; a 几帮一 household has one lead (a second 是 is refused), and a row that
 * leaves 是否联系人 blank leads when the household has no lead yet — as createPairing decides.
 */
export function settlePairings(rows: { row: number; value: PairingValue }[], open: readonly OpenPairing[]): Settled[] {
  const existing = new Set(open.map(pairKey));
  const leads = new Map<string, number | 0>();
  const leadOf = new Set<string>();
  for (const p of open)
    if (p.lead) {
      leads.set(groupKey(p), 0);
      leadOf.add(pairKey(p));
    }
  const seen = new Map<string, number>();
  return rows.map(({ row, value: v }) => {
    const key = pairKey(v);
    // the sheet's own duplicates first: the same file gives the same report, imported before or not
    const first = seen.get(key);
    if (first !== undefined)
      return {
        row,
        outcome: 'problem',
        problem: problem(
          'helper',
          `与第 ${first} 行重复：同一帮扶人与同一对象在同一活动中只结对一次`,
          `Same helper and target as row ${first}`,
        ),
      };
    const group = groupKey(v);
    if (existing.has(key)) {
      seen.set(key, row);
      // the lead already in the register is this row's: name it as the first import did
      if (leads.get(group) === 0 && leadOf.has(key)) leads.set(group, row);
      return { row, outcome: 'unchanged' };
    }
    const leadAt = leads.get(group);
    if (v.lead && leadAt !== undefined && v.role === 'several_to_one') {
      return {
        row,
        outcome: 'problem',
        problem: problem(
          'lead',
          leadAt ? `第 ${leadAt} 行已是该户的牵头联系人，几帮一只能有一名牵头人` : '该户已有牵头联系人，几帮一只能有一名牵头人',
          'The household already has a lead contact',
        ),
      };
    }
    seen.set(key, row);
    const canLead = v.targetKind === 'household' || v.targetKind === 'person';
    const lead = canLead && (v.lead ?? leadAt === undefined);
    if (lead && leadAt === undefined) leads.set(group, row);
    return { row, outcome: 'create', lead };
  });
}
