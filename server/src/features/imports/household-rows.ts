/**
 * Pure: the households+members sheet, one row per member with the household's columns repeated
 * (or left blank under merged cells, as county registers often are), and the checks that span
 * rows: a household's rows agree, and it has exactly one 户主.
 */
import type { Cell, ColumnSpec } from '../../platform/excel.js';
import type { IdInfo } from '../../platform/personal-data.js';
import { educationLabels, healthLabels, housingLabels, labourLabels, relationLabels, schoolingLabels, sexLabels } from '../households/labels.js';
import type { educationLevels, healthStates, housingConditions, labourAbilities, relations, schoolingStates } from '../households/tables.js';
import { RegionIndex, type RegionEntry } from './region-names.js';
import { fieldRules } from '../../platform/field-rules.js';
import { labelLookup, codedCell, dateCell, decimalCell, idNumberOf, lengthCell, listCell, nameCell, phoneCell, problem, text, yesNoCell, type Parsed, type Problem } from './rules.js';

const zh = (labels: Record<string, { zh: string }>) => Object.values(labels).map((l) => l.zh);
const multi = '可填多个，用“、”或“,”分隔';

export const householdColumns = [
  { key: 'householdNo', format: 'text', header: '户编号', width: 20, note: '县里的户编号，同一户各行相同。不填时按“村+组+户主姓名”认户' },
  { key: 'township', format: 'text', header: '乡镇', width: 12, note: '名称或 12 位行政区划代码' },
  { key: 'village', format: 'text', header: '村', aliases: ['村（社区）', '行政村', '村(社区)'], required: true, width: 12, note: '名称或 12 位行政区划代码（必填）' },
  { key: 'group', format: 'text', header: '组', aliases: ['组（社）', '村民小组', '组(社)', '社'], width: 8, note: '如 一组；须已在行政区划中建立' },
  { key: 'headName', header: '户主姓名', required: true, width: 10 },
  { key: 'relation', header: '与户主关系', aliases: ['与户主的关系'], required: true, width: 10, list: zh(relationLabels), note: '每户有且只有一个“户主”' },
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'sex', header: '性别', width: 6, list: zh(sexLabels), note: '可不填，按身份证号判断' },
  { key: 'idNumber', format: 'text', header: '身份证号', aliases: ['身份证号码', '公民身份号码', '证件号码'], required: true, width: 22, note: '18 位，请把此列设为“文本”；重复导入时按身份证号更新' },
  { key: 'birthDate', format: 'date', header: '出生日期', width: 12, note: '可不填，按身份证号判断；如 1985-03-12' },
  { key: 'health', header: '健康状况', width: 12, list: zh(healthLabels) },
  { key: 'education', header: '文化程度', width: 12, list: zh(educationLabels) },
  { key: 'schooling', header: '在校情况', aliases: ['在校生状况'], width: 12, list: zh(schoolingLabels) },
  { key: 'labour', header: '劳动能力', aliases: ['劳动技能'], width: 18, list: zh(labourLabels) },
  { key: 'partyMember', header: '是否党员', width: 8, list: ['是', '否'] },
  { key: 'phone', format: 'text', header: '联系电话', aliases: ['电话', '手机号', '手机号码'], width: 14 },
  { key: 'categories', header: '农户类别', width: 20, note: multi },
  { key: 'causes', header: '致贫原因', aliases: ['主要致贫原因'], width: 18, note: multi },
  { key: 'landMu', header: '耕地面积(亩)', aliases: ['耕地面积'], width: 12 },
  { key: 'housing', header: '住房情况', width: 12, list: zh(housingLabels) },
  { key: 'address', header: '家庭地址', aliases: ['地址', '住址'], width: 24 },
  { key: 'householdPhone', format: 'text', header: '户联系电话', aliases: ['家庭电话', '户电话'], width: 14, note: '户的联系电话（接收走访确认短信）；不填时保留原有的，新户用户主的电话' },
] as const satisfies readonly ColumnSpec[];
export type HouseholdColumn = (typeof householdColumns)[number]['key'];
export type HouseholdCells = Record<HouseholdColumn, Cell>;

const relationSynonyms: Record<string, (typeof relations)[number]> = {
  本人: 'head', 妻: 'spouse', 妻子: 'spouse', 夫: 'spouse', 丈夫: 'spouse', 之妻: 'spouse', 之夫: 'spouse',
  儿子: 'son', 长子: 'son', 次子: 'son', 三子: 'son', 之子: 'son', 女儿: 'daughter', 长女: 'daughter', 次女: 'daughter', 三女: 'daughter', 之女: 'daughter',
  儿媳妇: 'daughter_in_law', 孙子: 'grandchild', 孙女: 'grandchild', 外孙: 'grandchild', 外孙女: 'grandchild',
  父亲: 'parent', 母亲: 'parent', 父: 'parent', 母: 'parent', 祖父: 'grandparent', 祖母: 'grandparent',
  兄: 'sibling', 弟: 'sibling', 姐: 'sibling', 妹: 'sibling', 哥哥: 'sibling', 弟弟: 'sibling', 姐姐: 'sibling', 妹妹: 'sibling',
};

/** The household's own columns; undefined = left blank on this row (same as the household's other rows). */
export interface HouseholdFields {
  regionCode?: string;
  categories?: string[];
  povertyCauses?: string[];
  landMu?: string;
  housing?: (typeof housingConditions)[number];
  address?: string;
  phone?: string;
}

export interface MemberFields {
  name: string;
  relation: (typeof relations)[number];
  sex: 'male' | 'female';
  idNumber: string;
  birthDate: string;
  health: (typeof healthStates)[number] | null;
  education: (typeof educationLevels)[number] | null;
  schooling: (typeof schoolingStates)[number] | null;
  labourAbility: (typeof labourAbilities)[number] | null;
  isPartyMember: boolean;
  phone: string | null;
}

export interface HouseholdRowValue {
  householdNo: string | null;
  headName: string | null;
  /** Nothing on this row names a household: it continues the one above (merged cells). */
  continues: boolean;
  /** Parsed even when other cells are bad, to count the household's heads. */
  relation: MemberFields['relation'] | null;
  name: string | null;
  /** A well-formed ID number, even when other cells are bad (for duplicate checks). */
  idNumber: string | null;
  household: HouseholdFields;
  /** Null when a member cell has a problem. */
  member: MemberFields | null;
}

export interface RowContext {
  regions: RegionIndex;
  categories: Map<string, string>;
  causes: Map<string, string>;
  today: Date;
  /** Answers remembered per column (made on first use). */
  memo?: ColumnMemo;
}

/**
 * A register repeats the same few values down most columns (village, relation, 健康状况 …): the
 * answer of a cell's pure parse is remembered per column and value, up to a bound.
 */
class ColumnMemo {
  private maps = new Map<string, Map<Cell | string, unknown>>();
  get<T>(column: string, v: Cell | string, parse: () => T): T {
    let m = this.maps.get(column);
    if (!m) this.maps.set(column, (m = new Map()));
    let r = m.get(v) as T | undefined;
    if (r === undefined) {
      r = parse();
      if (m.size < 20_000) m.set(v, r);
    }
    return r;
  }
}

function take<T>(p: Parsed<T>, problems: Problem[]): T | undefined {
  if (p.ok) return p.value;
  problems.push(p.problem);
  return undefined;
}

const regionKey = (v: Cell) => (v === null ? '\u0000' : String(v));

export function parseHouseholdRow(c: HouseholdCells, ctx: RowContext): { value: HouseholdRowValue; problems: Problem[] } {
  const problems: Problem[] = [];
  const memo = (ctx.memo ??= new ColumnMemo());
  const householdNo = take(lengthCell('householdNo', c.householdNo, fieldRules.householdNo), problems) ?? null;
  const headName = take(nameCell('headName', c.headName, false), problems) ?? null;
  const continues = !householdNo && !headName && text(c.township) === null && text(c.village) === null && text(c.group) === null;

  const household: HouseholdFields = {};
  if (!continues) {
    const where = { township: c.township, village: c.village, group: c.group };
    const region = memo.get('region', `${regionKey(c.township)}\u0001${regionKey(c.village)}\u0001${regionKey(c.group)}`, () => ctx.regions.resolve(where, 'village'));
    if (region.ok) household.regionCode = region.code;
    else problems.push(region.problem);
    if (!headName && !problems.some((p) => p.column === 'headName')) problems.push(problem('headName', '必填', 'Required'));
  }
  if (text(c.categories) !== null) household.categories = take(memo.get('categories', c.categories, () => listCell('categories', c.categories, ctx.categories, '农户类别')), problems);
  if (text(c.causes) !== null) household.povertyCauses = take(memo.get('causes', c.causes, () => listCell('causes', c.causes, ctx.causes, '致贫原因')), problems);
  if (c.landMu !== null) household.landMu = take(memo.get('landMu', c.landMu, () => decimalCell('landMu', c.landMu)), problems) ?? undefined;
  if (text(c.housing) !== null) household.housing = take(memo.get('housing', c.housing, () => codedCell('housing', c.housing, housingLabels)), problems) ?? undefined;
  const address = take(lengthCell('address', c.address, fieldRules.address), problems);
  if (address) household.address = address;
  if (c.householdPhone !== null) {
    const phone = take(phoneCell('householdPhone', c.householdPhone), problems);
    if (phone) household.phone = phone;
  }

  const name = take(nameCell('name', c.name, true), problems);
  const relation = take(memo.get('relation', c.relation, () => codedCell('relation', c.relation, relationLabels, relationSynonyms)), problems);
  if (relation === null) problems.push(problem('relation', '必填', 'Required'));
  let idNumber: string | undefined;
  let info: IdInfo | null = null;
  if (text(c.idNumber) === null) problems.push(problem('idNumber', '必填：重复导入时按身份证号认人', 'Required'));
  else {
    const id = idNumberOf('idNumber', c.idNumber, ctx.today);
    if (id.ok) ({ idNumber, info } = id.value);
    else problems.push(id.problem);
  }
  const typedSex = take(memo.get('sex', c.sex, () => codedCell('sex', c.sex, sexLabels)), problems);
  if (typedSex && info && typedSex !== info.sex) problems.push(problem('sex', `与身份证号不一致（身份证号为${sexLabels[info.sex].zh}性）`, 'Does not match the ID number'));
  const sex = typedSex ?? info?.sex ?? null;
  const birthDate = take(memo.get('birthDate', c.birthDate, () => dateCell('birthDate', c.birthDate, ctx.today)), problems);
  if (birthDate && info && birthDate !== info.birthDate) problems.push(problem('birthDate', `与身份证号不一致（身份证号为 ${info.birthDate}）`, 'Does not match the ID number'));
  const health = take(memo.get('health', c.health, () => codedCell('health', c.health, healthLabels)), problems) ?? null;
  const education = take(memo.get('education', c.education, () => codedCell('education', c.education, educationLabels)), problems) ?? null;
  const schooling = take(memo.get('schooling', c.schooling, () => codedCell('schooling', c.schooling, schoolingLabels)), problems) ?? null;
  const labourAbility = take(memo.get('labour', c.labour, () => codedCell('labour', c.labour, labourLabels)), problems) ?? null;
  const isPartyMember = take(memo.get('partyMember', c.partyMember, () => yesNoCell('partyMember', c.partyMember)), problems) ?? false;
  const phone = take(phoneCell('phone', c.phone), problems) ?? null;
  return {
    value: {
      householdNo,
      headName,
      continues,
      relation: relation ?? null,
      name: name ?? null,
      idNumber: info ? idNumber! : null,
      household,
      member:
        name && relation && idNumber && sex && info && problems.length === 0
          ? { name, relation, sex, idNumber, birthDate: info.birthDate, health, education, schooling, labourAbility, isPartyMember, phone }
          : null,
    },
    problems,
  };
}

/** What a row parser is made from: plain data. */
export interface HouseholdParserData {
  regions: RegionEntry[];
  prefix: string;
  categories: { code: string; zh: string; en: string }[];
  causes: { code: string; zh: string; en: string }[];
  /** ISO time the job started. */
  today: string;
}

/** The households sheet's columns and its cell-by-cell parse, made from plain data. */
export function makeParser(d: HouseholdParserData) {
  const ctx: RowContext = { regions: new RegionIndex(d.regions, d.prefix), categories: labelLookup(d.categories), causes: labelLookup(d.causes), today: new Date(d.today) };
  return { columns: householdColumns, pure: (cells: HouseholdCells) => parseHouseholdRow(cells, ctx) };
}

export interface HouseholdAgg {
  key: string;
  householdNo: string | null;
  headName: string | null;
  fields: HouseholdFields;
  /** Where each field was first given, to name it when a later row disagrees. */
  fieldRows: Partial<Record<keyof HouseholdFields, number>>;
  rows: number[];
  heads: { row: number; name: string | null; idNumber: string | null; phone: string | null }[];
}

const fieldColumn: Record<keyof HouseholdFields, HouseholdColumn> = {
  regionCode: 'village',
  categories: 'categories',
  povertyCauses: 'causes',
  landMu: 'landMu',
  housing: 'housing',
  address: 'address',
  phone: 'householdPhone',
};

/** Equal field values: the same text, or lists of the same texts. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
const householdFieldKeys = Object.keys(fieldColumn) as (keyof HouseholdFields)[];

/**
 * Groups rows into households as they stream past: by 户编号, else by village/group + 户主姓名,
 * and rows that name no household continue the one above. Keeps only what the checks need.
 */
export class HouseholdTracker {
  readonly households = new Map<string, HouseholdAgg>();
  private aliases = new Map<string, string>();
  private last: HouseholdAgg | null = null;

  add(row: number, v: HouseholdRowValue): { key: string; problems: Problem[] } {
    const problems: Problem[] = [];
    let agg: HouseholdAgg | undefined;
    if (v.continues) {
      if (!this.last) problems.push(problem('headName', '无法判断属于哪一户：请填写户编号或户主姓名', 'Which household? Fill in the household number or head'));
      agg = this.last ?? this.open(`row:${row}`, v);
    } else {
      const byHead = v.household.regionCode && v.headName ? `hd:${v.household.regionCode}|${v.headName}` : null;
      const key = v.householdNo ? `no:${v.householdNo}` : byHead ? (this.aliases.get(byHead) ?? byHead) : `row:${row}`;
      agg = this.households.get(key) ?? this.open(key, v);
      if (v.householdNo && byHead && !this.aliases.has(byHead)) this.aliases.set(byHead, key);
      if (v.headName && agg.headName && v.headName !== agg.headName) {
        problems.push(problem('headName', `与本户第 ${agg.rows[0]} 行的户主姓名“${agg.headName}”不一致`, 'Head differs from the household’s other rows'));
      }
      agg.headName ??= v.headName;
    }
    for (const f of householdFieldKeys) {
      const value = v.household[f];
      if (value === undefined) continue;
      if (agg.fields[f] === undefined) {
        (agg.fields as Record<string, unknown>)[f] = value;
        agg.fieldRows[f] = row;
      } else if (!same(agg.fields[f], value)) {
        problems.push(problem(fieldColumn[f], `与本户第 ${agg.fieldRows[f]} 行不一致（同一户的户信息应相同）`, 'Differs from the household’s other rows'));
      }
    }
    agg.rows.push(row);
    if (v.relation === 'head') agg.heads.push({ row, name: v.name, idNumber: v.idNumber, phone: v.member?.phone ?? null });
    this.last = agg;
    return { key: agg.key, problems };
  }

  private open(key: string, v: HouseholdRowValue): HouseholdAgg {
    const agg: HouseholdAgg = { key, householdNo: v.householdNo, headName: v.headName, fields: {}, fieldRows: {}, rows: [], heads: [] };
    this.households.set(key, agg);
    return agg;
  }

  /** Once every row is in: each household has exactly one head, named as in 户主姓名. */
  finish(): { row: number; key: string; problem: Problem }[] {
    const out: { row: number; key: string; problem: Problem }[] = [];
    for (const agg of this.households.values()) {
      if (agg.heads.length === 0) {
        out.push({ row: agg.rows[0]!, key: agg.key, problem: problem('relation', `本户${agg.headName ? `（户主 ${agg.headName}）` : ''}没有“与户主关系”为“户主”的一行`, 'The household has no head row') });
      } else if (agg.heads.length > 1) {
        const rows = agg.heads.map((h) => h.row).join('、');
        for (const h of agg.heads) out.push({ row: h.row, key: agg.key, problem: problem('relation', `本户有 ${agg.heads.length} 个户主（第 ${rows} 行），每户只能有一个`, 'A household has exactly one head') });
      } else if (agg.headName && agg.heads[0]!.name && agg.heads[0]!.name !== agg.headName) {
        out.push({ row: agg.heads[0]!.row, key: agg.key, problem: problem('headName', `户主姓名“${agg.headName}”与户主一行的姓名“${agg.heads[0]!.name}”不一致`, 'Head name differs from the head row') });
      }
    }
    return out;
  }
}
