import * as regionsRepo from '../features/regions/repository.js';
import { initialsOf, nextGroupCode } from '../features/regions/rules.js';
import * as unitsRepo from '../features/units/repository.js';
import type { UnitKind } from '../features/units/tables.js';
import type { DemoContext, DemoUnit } from './context.js';
import { groupName } from './names.js';

const everything = { prefix: '', unitId: null };

/** Groups (组) under each village of the township: 3–8 each, 一组 … with codes village + 001 …. */
export async function makeGroups(ctx: DemoContext) {
  const villages = await regionsRepo.children(ctx.db, everything, ctx.township.code, false);
  const rows = [];
  for (const v of villages) {
    const n = ctx.rng(`groups/${v.code}`).int(3, 8);
    const codes: string[] = [];
    for (let i = 1; i <= n; i++) {
      const code = nextGroupCode(v.code, codes);
      codes.push(code);
      const name = groupName(i);
      rows.push({ id: ctx.id(`region/${code}`), code, parentCode: v.code, name, level: 'group' as const, initials: initialsOf(name), countyCode: ctx.countyCode });
    }
  }
  let groups = 0;
  for (let i = 0; i < rows.length; i += 1000) groups += await regionsRepo.insertRegions(ctx.db, rows.slice(i, i + 1000));
  // Read back what is there: a village may have had groups of its own before the demo ran.
  // One query at a time: a transaction is one connection.
  ctx.villages = [];
  for (const v of villages) {
    const kids = await regionsRepo.children(ctx.db, everything, v.code, false);
    ctx.villages.push({ code: v.code, name: v.name, groups: kids.map((g) => ({ code: g.code, name: g.name })), branchId: '' });
  }
  return { groups };
}

/** The county units that take on villages in 补抽乡 (部门包村), with the titles of their leaders. */
export const countyUnits: readonly { name: string; kind: UnitKind; heads: readonly [string, string] }[] = [
  { name: '县委组织部', kind: 'department', heads: ['常务副部长', '副部长'] },
  { name: '县扶贫办', kind: 'institution', heads: ['主任', '副主任'] },
  { name: '县农业局', kind: 'department', heads: ['局长', '副局长'] },
  { name: '县畜牧水产局', kind: 'department', heads: ['局长', '副局长'] },
  { name: '县交通局', kind: 'department', heads: ['局长', '副局长'] },
  { name: '县水利局', kind: 'department', heads: ['局长', '副局长'] },
  { name: '县卫生局', kind: 'department', heads: ['局长', '副局长'] },
  { name: '县教育局', kind: 'department', heads: ['局长', '副局长'] },
  { name: '县烟草公司', kind: 'enterprise', heads: ['经理', '副经理'] },
  { name: '县供电公司', kind: 'enterprise', heads: ['经理', '副经理'] },
  { name: '县信用联社', kind: 'enterprise', heads: ['理事长', '主任'] },
];

export const townshipOfficeName = (township: string) => `${township}人民政府`;

/**
 * Units (the county's and the township's own office) and party branches: one per unit
 * (县农业局党支部; the office's is the township organ branch, 补抽乡机关党支部) and one per village.
 * Units and branches are found again by their natural key (region + name), so a unit someone
 * made by hand before the demo ran is used rather than duplicated.
 */
export async function makeUnitsAndBranches(ctx: DemoContext) {
  const unitDefs = [
    ...countyUnits.map((u) => ({ name: u.name, kind: u.kind, regionCode: ctx.countyRegion, level: 'county' as const })),
    { name: townshipOfficeName(ctx.township.name), kind: 'department' as const, regionCode: ctx.township.code, level: 'township' as const },
  ];
  const unitRows = unitDefs.map((u) => ({
    id: ctx.id(`unit/${u.regionCode}/${u.name}`),
    name: u.name,
    initials: initialsOf(u.name),
    level: u.level,
    kind: u.kind,
    regionCode: u.regionCode,
    countyCode: ctx.countyCode,
  }));
  const units = await unitsRepo.insertUnits(ctx.db, unitRows);
  const countyIds = await unitsRepo.unitIdsByName(ctx.db, ctx.countyRegion, countyUnits.map((u) => u.name));
  const officeIds = await unitsRepo.unitIdsByName(ctx.db, ctx.township.code, [townshipOfficeName(ctx.township.name)]);
  const unitIdOf = (u: { name: string; regionCode: string }) => (u.regionCode === ctx.countyRegion ? countyIds : officeIds).get(u.name)!;

  const branchName = (u: { name: string; level: string }) => (u.level === 'township' ? `${ctx.township.name}机关党支部` : `${u.name}党支部`);
  const branchDefs = [
    ...unitDefs.map((u) => ({ name: branchName(u), regionCode: u.regionCode, unitId: unitIdOf(u) as string | null })),
    ...ctx.villages.map((v) => ({ name: `${v.name}党支部`, regionCode: v.code, unitId: null })),
  ];
  const branches = await unitsRepo.insertBranches(
    ctx.db,
    branchDefs.map((b) => ({ id: ctx.id(`branch/${b.regionCode}/${b.name}`), name: b.name, initials: initialsOf(b.name), unitId: b.unitId, regionCode: b.regionCode, countyCode: ctx.countyCode })),
  );
  const branchIds = await unitsRepo.branchIdsByName(ctx.db, branchDefs);
  const branchOf = (b: { name: string; regionCode: string }) => branchIds.get(`${b.regionCode}|${b.name}`)!;

  ctx.units = unitDefs.map((u): DemoUnit => ({ id: unitIdOf(u), name: u.name, regionCode: u.regionCode, branchId: branchOf({ name: branchName(u), regionCode: u.regionCode }) }));
  ctx.townshipOffice = ctx.units[ctx.units.length - 1]!;
  ctx.villages = ctx.villages.map((v) => ({ ...v, branchId: branchOf({ name: `${v.name}党支部`, regionCode: v.code }) }));
  return { units, branches };
}
