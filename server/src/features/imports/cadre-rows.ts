/**
 * Pure: the cadre sheet, one row per cadre, and finding the unit and party branch a row names
 * among those the importer can see (their scope and the regions above it: 县农业局 sends a
 * resident cadre to 吉久村).
 */
import type { Cell, ColumnSpec } from '../../platform/excel.js';
import { checkIdNumber } from '../../platform/personal-data.js';
import { levelOfCode, significantPrefix } from '../../platform/scope.js';
import { rankNames, rankRegionProblem } from '../cadres/rules.js';
import type { CadreRank } from '../cadres/tables.js';
import { sexLabels } from '../households/labels.js';
import type { RegionIndex } from './region-names.js';
import { fieldRules } from '../../platform/field-rules.js';
import { codedCell, idNumberCell, lengthCell, nameCell, phoneCell, problem, text, type Parsed, type Problem } from './rules.js';

export const cadreColumns = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'sex', header: '性别', width: 6, list: ['男', '女'], note: '可不填，按身份证号判断' },
  { key: 'idNumber', format: 'text', header: '身份证号', aliases: ['身份证号码', '公民身份号码'], required: true, width: 22, note: '18 位，请把此列设为“文本”；重复导入时按身份证号更新' },
  { key: 'rank', header: '职级', aliases: ['干部类别', '类别'], required: true, width: 12, list: Object.values(rankNames).map((r) => r.zh) },
  { key: 'unit', header: '单位', aliases: ['工作单位', '派出单位'], width: 18, note: '须是系统中已有的单位名称' },
  { key: 'branch', header: '党支部', aliases: ['所在党支部'], width: 18, note: '须是系统中已有的党支部名称' },
  { key: 'title', header: '职务', width: 14, note: '如 乡党委书记、村委会主任、驻村第一书记' },
  { key: 'phone', format: 'text', header: '联系电话', aliases: ['电话', '手机号', '手机号码'], width: 14 },
  { key: 'township', format: 'text', header: '乡镇', width: 12, note: '工作所在乡镇；县级干部不填' },
  { key: 'village', format: 'text', header: '村', aliases: ['村（社区）', '村(社区)'], width: 12, note: '村社干部、党员、驻村干部填所在（派驻）村' },
] as const satisfies readonly ColumnSpec[];
export type CadreColumn = (typeof cadreColumns)[number]['key'];
export type CadreCells = Record<CadreColumn, Cell>;

const rankSynonyms: Record<string, CadreRank> = {
  县领导: 'county_leader', 县级干部: 'county_leader', 科级: 'section', 科级领导: 'section', 一般: 'general',
  乡镇干部: 'township', 乡干部: 'township', 镇干部: 'township', 村干部: 'village', 村组干部: 'village',
  党员: 'party_member', 农村党员: 'party_member', 第一书记: 'resident', 驻村第一书记: 'resident', 驻村工作队员: 'resident', 驻村干部: 'resident',
};

export interface Named {
  id: string;
  name: string;
  regionCode: string;
}

/** Units or branches by name; a name several regions share is settled by the cadre's own region. */
export class NamedIndex {
  private byName = new Map<string, Named[]>();
  constructor(entries: Named[]) {
    for (const e of entries) this.byName.set(e.name, [...(this.byName.get(e.name) ?? []), e]);
  }

  find(column: string, v: Cell, regionCode: string | null, what: string): Parsed<string | null> {
    const s = text(v);
    if (s === null) return { ok: true, value: null };
    const all = this.byName.get(s) ?? [];
    if (all.length === 0) return { ok: false, problem: problem(column, `没有名为“${s}”的${what}（或不在您的管辖范围内），请先建立`, `No ${what} named "${s}" in your scope`) };
    if (all.length === 1) return { ok: true, value: all[0]!.id };
    // Several: the one whose region holds the cadre's, the nearest first (吉久村村委会 over 补抽乡 …).
    const near = regionCode ? all.filter((e) => regionCode.startsWith(significantPrefix(e.regionCode))).sort((a, b) => significantPrefix(b.regionCode).length - significantPrefix(a.regionCode).length) : [];
    if (near.length === 1 || (near.length > 1 && significantPrefix(near[0]!.regionCode).length > significantPrefix(near[1]!.regionCode).length)) {
      return { ok: true, value: near[0]!.id };
    }
    return { ok: false, problem: problem(column, `有 ${all.length} 个名为“${s}”的${what}，请填写所在乡镇或村以便区分`, `"${s}" is ambiguous; fill in the township or village`) };
  }
}

export interface CadreValue {
  name: string;
  sex: 'male' | 'female';
  idNumber: string;
  rank: CadreRank;
  title: string | null;
  phone: string | null;
  regionCode: string;
  unitId: string | null;
  branchId: string | null;
}

export interface CadreContext {
  regions: RegionIndex;
  units: NamedIndex;
  branches: NamedIndex;
  /** Where a cadre with neither 乡镇 nor 村 works: the importer's own region (the county, for a county office). */
  defaultRegion: string;
  today: Date;
}

/** idNumber: a well-formed ID number even when other cells are bad (duplicates are found on every row). */
export function parseCadreRow(c: CadreCells, ctx: CadreContext): { value: CadreValue | null; idNumber: string | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const take = <T>(p: Parsed<T>): T | undefined => {
    if (p.ok) return p.value;
    problems.push(p.problem);
    return undefined;
  };
  const name = take(nameCell('name', c.name, true));
  let idNumber: string | undefined;
  if (text(c.idNumber) === null) problems.push(problem('idNumber', '必填：重复导入时按身份证号认人', 'Required'));
  else idNumber = take(idNumberCell('idNumber', c.idNumber, ctx.today));
  const id = idNumber ? checkIdNumber(idNumber, ctx.today) : null;
  const typedSex = take(codedCell('sex', c.sex, sexLabels));
  if (typedSex && id?.ok && typedSex !== id.info.sex) problems.push(problem('sex', `与身份证号不一致（身份证号为${sexLabels[id.info.sex].zh}性）`, 'Does not match the ID number'));
  const sex = typedSex ?? (id?.ok ? id.info.sex : null);
  const rank = take(codedCell('rank', c.rank, rankNames, rankSynonyms));
  if (rank === null) problems.push(problem('rank', '必填', 'Required'));
  const title = take(lengthCell('title', c.title, fieldRules.title)) ?? null;
  const phone = take(phoneCell('phone', c.phone)) ?? null;

  let regionCode: string | undefined;
  if (text(c.township) === null && text(c.village) === null) regionCode = ctx.defaultRegion;
  else {
    const r = ctx.regions.resolve({ township: c.township, village: c.village }, 'township');
    if (r.ok) regionCode = r.code;
    else problems.push(r.problem);
  }
  if (rank && regionCode) {
    const p = rankRegionProblem(rank, levelOfCode(regionCode));
    if (p) problems.push(problem(text(c.village) !== null ? 'village' : 'township', p.zh, p.en));
  }
  const unitId = take(ctx.units.find('unit', c.unit, regionCode ?? null, '单位')) ?? null;
  const branchId = take(ctx.branches.find('branch', c.branch, regionCode ?? null, '党支部')) ?? null;
  const value = name && idNumber && sex && rank && regionCode && problems.length === 0 ? { name, sex, idNumber, rank, title, phone, regionCode, unitId, branchId } : null;
  return { value, idNumber: idNumber ?? null, problems };
}
