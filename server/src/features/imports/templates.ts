/**
 * The Excel templates clerks fill in: the columns the importer reads, a note on each header,
 * dropdowns for every coded column (and for the townships and villages of the clerk's scope), an
 * example row the importer skips, and a sheet of instructions.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { columnStyle, dateCellValue, headerStyle, printSetup, type ColumnSpec } from '../../platform/excel.js';
import { withCheckChar } from '../../platform/personal-data.js';
import { adminRoles } from '../../platform/roles.js';
import type { Scope } from '../../platform/scope.js';
import { builtInCategories, builtInPovertyCauses } from '../households/labels.js';
import { cadreColumns } from './cadre-rows.js';
import { householdColumns } from './household-rows.js';
import { pairingColumns } from './pairing-rows.js';
import { programmesForTemplate } from './pairing-repository.js';
import { examplePrefix } from './pipeline.js';
import * as repo from './repository.js';

/** Rows the dropdowns cover: enough for a village's register; a longer file still imports. */
const validatedRows = 5000;

type Example = Record<string, string | number>;

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

async function build(sheetName: string, columns: readonly ColumnSpec[], lists: Record<string, string[]>, example: Example, rules: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianhu 联户';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: printSetup });
  const help = wb.addWorksheet('填写说明');
  const options = wb.addWorksheet('选项', { state: 'hidden' });
  // ID numbers, phones and codes as text (Excel keeps every digit), dates as dates
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 12, style: columnStyle(c.format) }));
  const head = ws.getRow(1);
  head.height = 24;
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.style = { ...headerStyle, font: { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } } };
    cell.note = [c.required ? '必填。' : '', c.note ?? ''].join('') || c.header;
  });
  let optionCol = 0;
  columns.forEach((c, i) => {
    const values = lists[c.key] ?? c.list;
    if (!values?.length) return;
    optionCol++;
    const letter = colLetter(optionCol);
    options.getCell(`${letter}1`).value = c.header;
    values.forEach((v, j) => (options.getCell(`${letter}${j + 2}`).value = v));
    const target = colLetter(i + 1);
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${target}2:${target}${validatedRows + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'选项'!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: false,
    });
  });
  const ex = ws.addRow(columns.map((c) => (c.format === 'date' ? dateCellValue(String(example[c.key] ?? '')) : (example[c.key] ?? null))));
  ex.font = { italic: true, color: { argb: 'FF808080' } };

  help.columns = [{ width: 16 }, { width: 8 }, { width: 60 }, { width: 60 }];
  help.addRow(['列', '必填', '说明', '可填的值']).eachCell((cell) => (cell.style = headerStyle));
  for (const c of columns) help.addRow([c.header, c.required ? '是' : '', c.note ?? '', (lists[c.key] ?? c.list ?? []).slice(0, 40).join('、')]);
  help.addRow([]);
  for (const r of rules) help.addRow([r]);
  help.addRow([`第一列以“${examplePrefix}”开头的行是示例，导入时跳过，可删除。`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sample = (names: string[], fallback: string) => names[0] ?? fallback;

/** The examples' ID numbers, valid ones (check character computed): a clerk copying the example row gets no error. */
export const exampleIds = { head: withCheckChar('43312419720315001'), cadre: withCheckChar('43312419850612001') };

/** The dropdowns of the households sheet: places of the scope and the catalogue's names (the template and the error report). */
export function householdLists(regions: Awaited<ReturnType<typeof repo.regionsInScope>>, catalog: Awaited<ReturnType<typeof repo.catalogEntries>>) {
  const current = (level: string) => regions.filter((r) => r.level === level && !r.expired).map((r) => r.name);
  const names = (list: { zh: string }[]) => [...new Set(list.map((c) => c.zh))];
  return {
    township: current('township'),
    village: current('village'),
    categories: names([...builtInCategories, ...catalog.filter((c) => c.kind === 'category')]),
    causes: names([...builtInPovertyCauses, ...catalog.filter((c) => c.kind === 'poverty_cause')]),
  };
}

export async function householdTemplate(db: Db, actor: Actor) {
  requireRole(actor, adminRoles);
  const regions = await repo.regionsInScope(db, actor.scope);
  const catalog = await repo.catalogEntries(db, actor.scope);
  const current = (level: string) => regions.filter((r) => r.level === level && !r.expired);
  const village = current('village').sort((a, b) => a.code.localeCompare(b.code))[0];
  const township = village ? regions.find((r) => r.code === `${village.code.slice(0, 9)}000`) : current('township')[0];
  const group = village ? regions.find((r) => r.parentCode === village.code) : undefined;
  const lists = householdLists(regions, catalog);
  const { categories, causes } = lists;
  const buffer = await build(
    '农户成员',
    householdColumns,
    lists,
    {
      householdNo: `${examplePrefix}${village?.code ?? '433124213209'}001`,
      township: township?.name ?? '补抽乡',
      village: village?.name ?? '吉久村',
      group: group?.name ?? '一组',
      headName: '龙文斌',
      relation: '户主',
      name: '龙文斌',
      sex: '男',
      idNumber: exampleIds.head,
      birthDate: '1972-03-15',
      health: '健康',
      education: '初中',
      schooling: '非在校年龄',
      labour: '普通劳动力',
      partyMember: '否',
      phone: '13907431234',
      categories: `${sample(categories, '贫困户')}、${categories[3] ?? '信访户'}`,
      causes: sample(causes, '因病'),
      landMu: 3.5,
      housing: '安全住房',
      address: `${township?.name ?? '补抽乡'}${village?.name ?? '吉久村'}${group?.name ?? '一组'}`,
    },
    [
      '一行一人：同一户的每个成员各占一行，户的信息（户编号、村、组、户主姓名、类别等）在各行重复填写，或只在第一行填写（合并单元格也可以）。',
      '每户有且只有一个“与户主关系”为“户主”的人。',
      '重复导入同一户时按户编号（没有户编号时按户主身份证号）更新，不会重复建户；成员按身份证号更新。',
      `农户类别、致贫原因可填多个，用“、”分隔。可填的类别：${categories.join('、')}；致贫原因：${causes.join('、')}。`,
    ],
  );
  return { buffer, fileName: '农户成员导入模板.xlsx' };
}

const currentNames = (regions: Awaited<ReturnType<typeof repo.regionsInScope>>, level: string) => regions.filter((r) => !r.expired && r.level === level).map((r) => r.name);

/** The cadre sheet's dropdowns: places of the scope, units and branches the importer sees (the template and the error report). */
export async function cadreLists(db: Db, scope: Scope) {
  const regions = await repo.regionsInScope(db, scope);
  const [units, branches] = await Promise.all([repo.unitsVisible(db, scope), repo.branchesVisible(db, scope)]);
  return { township: currentNames(regions, 'township'), village: currentNames(regions, 'village'), unit: units.map((u) => u.name), branch: branches.map((b) => b.name) };
}

/** The pairing sheet's dropdowns: my programmes and townships (the template and the error report). */
export async function pairingLists(db: Db, scope: Scope) {
  const regions = await repo.regionsInScope(db, scope);
  const programmes = await programmesForTemplate(db, scope);
  return { programme: programmes.map((p) => p.name), township: currentNames(regions, 'township') };
}

export async function cadreTemplate(db: Db, actor: Actor) {
  requireRole(actor, adminRoles);
  const lists = await cadreLists(db, actor.scope);
  const buffer = await build(
    '干部',
    cadreColumns,
    lists,
    { name: `${examplePrefix}吴春生`, sex: '男', idNumber: exampleIds.cadre, rank: '驻村干部', unit: lists.unit[0] ?? '县农业局', title: '驻村第一书记', phone: '13974300001', township: lists.township[0] ?? '补抽乡', village: lists.village[0] ?? '吉久村' },
    [
      '乡镇、村都不填时，干部的所在地为导入人所在的县（乡镇）。县级领导、科级干部一般不填乡镇和村。',
      '重复导入时按身份证号更新，不会重复建档。单位、党支部须是系统中已有的名称。',
    ],
  );
  return { buffer, fileName: '干部导入模板.xlsx' };
}

export async function pairingTemplate(db: Db, actor: Actor) {
  requireRole(actor, adminRoles);
  const lists = await pairingLists(db, actor.scope);
  const buffer = await build(
    '结对',
    pairingColumns,
    lists,
    { programme: `${examplePrefix}${lists.programme[0] ?? '联户带创'}`, role: '一帮一', helper: '麻春花', helperKey: '13974300001', target: '龙文斌', targetIdNumber: exampleIds.head, township: lists.township[0] ?? '补抽乡', lead: '是', startOn: '2025-03-01', note: '' },
    [
      '一行一对：一名帮扶人与一个对象。几帮一时同一户写几行，每行一名帮扶人，其中一行的“是否联系人”填“是”。',
      '帮扶人重名时填写其身份证号或电话；户主重名时填写对象身份证号；村名重名时填写乡镇。',
      '开始日期须在活动期间内；填了轮次时，须在该轮期间内。',
      '重复导入时，同一活动中已结对的帮扶人与对象保持不变，不会重复结对。人帮人请在系统中逐个登记。',
    ],
  );
  return { buffer, fileName: '结对导入模板.xlsx' };
}
