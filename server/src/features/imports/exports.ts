/**
 * Exports of filtered lists to .xlsx, streamed: rows are read a keyset page at a time from the
 * lists' own queries (same filters, scope and order as the list the clerk sees) and written by
 * exceljs's streaming writer straight into the reply. ID numbers and phones are masked unless the
 * role may see personal data (households/rules.ts maySeePersonalData, as in the lists), the birth
 * date then as its year, and every export is audited.
 */
import { once } from 'node:events';
import type { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { dateCellValue, headerStyle, printSetup, sheetColumns, streamingWorkbook, type ColumnSpec } from '../../platform/excel.js';
import { maskIdNumber, maskPhone } from '../../platform/personal-data.js';
import { levelOfCode } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { cadresAfter, type CadreCursor } from '../cadres/repository.js';
import { rankNames } from '../cadres/rules.js';
import {
  builtInCategories,
  builtInPovertyCauses,
  educationLabels,
  healthLabels,
  householdStatusLabels,
  housingLabels,
  labourLabels,
  relationLabels,
  schoolingLabels,
  sexLabels,
} from '../households/labels.js';
import { householdsAfter, type HouseholdCursor } from '../households/repository.js';
import { withRegionHistory } from '../households/service.js';
import { birthAsShown, maySeePersonalData } from '../households/rules.js';
import { cadreColumns } from './cadre-rows.js';
import * as exportRepo from './export-repository.js';
import { householdColumns } from './household-rows.js';
import { RegionIndex } from './region-names.js';
import * as repo from './repository.js';
import type { CadreExportQuery, HouseholdExportQuery } from './schemas.js';

/** Households (or cadres) a page: each page re-reads the scope's heads and incomes, so few large pages. */
const pageSize = 5000;
const label = <K extends string>(labels: Record<K, { zh: string }>, code: K | null) => (code ? labels[code].zh : null);
const stamp = () => new Date().toISOString().slice(0, 10);

/** A streamed sheet with the template's columns (widths, text and date formats) and more after them; it prints landscape, header repeated. */
export function sheetOf(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly Pick<ColumnSpec, 'header' | 'width' | 'format'>[], extra: string[] = []) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: printSetup });
  sheet.columns = [...sheetColumns(columns), ...extra.map(() => ({ width: 12 }))];
  const head = sheet.addRow([...columns.map((c) => c.header), ...extra]);
  head.eachCell((cell) => (cell.style = headerStyle));
  head.commit();
  return sheet;
}

/** Runs the writer in the background; its errors end the download rather than the process. */
function pump(stream: PassThrough, write: () => Promise<void>) {
  write().catch((err: unknown) => stream.destroy(err as Error));
}

async function drained(stream: PassThrough) {
  if (stream.writableNeedDrain) await once(stream, 'drain');
}

/**
 * Every export of personal data is audited, masked or not, with its filters and the rows written,
 * in the exporter's own region (where their administrator looks), once the last row is written
 * and before the file ends, so a finished download always has its entry.
 */
function auditExport(db: Db, actor: Actor, entityType: string, full: boolean, f: object, rows: number) {
  return recordAudit(db, actor, { action: full ? 'export_personal' : 'export_masked', entityType, entityId: 'export', regionCode: actor.regionCode, after: { filters: f, rows } });
}

export async function exportHouseholds(db: Db, actor: Actor, query: HouseholdExportQuery) {
  const f = await withRegionHistory(db, query);
  const full = maySeePersonalData(actor.role);
  const regions = new RegionIndex(await repo.regionsInScope(db, actor.scope), actor.scope.prefix);
  const catalog = await repo.catalogEntries(db, actor.scope);
  const names = new Map([...builtInCategories, ...builtInPovertyCauses, ...catalog].map((c) => [c.code, c.zh]));
  const codes = (list: string[]) => list.map((c) => names.get(c) ?? c).join('、') || null;
  const { workbook, stream } = streamingWorkbook();
  // After the template's columns (so the file can be imported again): what the list shows besides.
  const sheet = sheetOf(workbook, '农户成员', householdColumns, ['农户状态', '收入年度', '人均纯收入(元)']);
  pump(stream, async () => {
    let written = 0;
    let after: HouseholdCursor | null = null;
    for (;;) {
      const page = await householdsAfter(db, actor.scope, { ...f, phonesByPrefix: full }, after, pageSize);
      if (page.length === 0) break;
      const [people, phones] = await Promise.all([exportRepo.membersOf(db, page.map((h) => h.id)), exportRepo.householdPhones(db, page.map((h) => h.id))]);
      const byHousehold = new Map<string, typeof people>();
      for (const m of people) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
      for (const h of page) {
        const code = h.regionCode;
        const group = code.length === 15 ? regions.name(code) : null;
        const list = byHousehold.get(h.id) ?? [];
        const household = [h.householdNo, regions.name(`${code.slice(0, 9)}000`), regions.name(code.slice(0, 12)), group, h.headName];
        const phone = phones.get(h.id) ?? null;
        const tail = [
          codes(h.categories),
          codes(h.povertyCauses),
          h.landMu === null ? null : Number(h.landMu),
          label(housingLabels, h.housing),
          h.address,
          phone && !full ? maskPhone(phone) : phone,
          label(householdStatusLabels, h.status),
          h.income?.year ?? null,
          h.income ? h.income.perCapitaNetFen / 100 : null,
        ];
        for (const m of list.length ? list : [null]) {
          const person = m
            ? [
                label(relationLabels, m.relation),
                m.name,
                label(sexLabels, m.sex),
                m.idNumber && !full ? maskIdNumber(m.idNumber) : m.idNumber,
                full ? dateCellValue(m.birthDate) : birthAsShown(m.birthDate, false).birthYear,
                label(healthLabels, m.health),
                label(educationLabels, m.education),
                label(schoolingLabels, m.schooling),
                label(labourLabels, m.labourAbility),
                m.isPartyMember ? '是' : '否',
                m.phone && !full ? maskPhone(m.phone) : m.phone,
              ]
            : Array(11).fill(null);
          sheet.addRow([...household, ...person, ...tail]).commit();
          written++;
        }
      }
      after = page[page.length - 1]!.cursor;
      await drained(stream);
    }
    sheet.commit();
    await auditExport(db, actor, 'household', full, f, written);
    await workbook.commit();
  });
  return { stream, fileName: `农户成员-${stamp()}.xlsx` };
}

export async function exportCadres(db: Db, actor: Actor, f: CadreExportQuery) {
  const full = maySeePersonalData(actor.role);
  const regions = new RegionIndex(await repo.regionsInScope(db, actor.scope), actor.scope.prefix);
  const { workbook, stream } = streamingWorkbook();
  const sheet = sheetOf(workbook, '干部', cadreColumns, ['状态']);
  pump(stream, async () => {
    let written = 0;
    let after: CadreCursor | null = null;
    for (;;) {
      const page = await cadresAfter(db, actor.scope, f, after, pageSize);
      if (page.length === 0) break;
      for (const c of page) {
        const level = levelOfCode(c.regionCode);
        const township = level === 'township' || level === 'village' ? regions.name(`${c.regionCode.slice(0, 9)}000`) : null;
        const village = level === 'village' ? regions.name(c.regionCode) : null;
        sheet
          .addRow([
            c.name,
            label(sexLabels, c.sex),
            c.idNumber && !full ? maskIdNumber(c.idNumber) : c.idNumber,
            rankNames[c.rank].zh,
            c.unitName,
            c.branchName,
            c.title,
            // A cadre's phone is a work contact, printed on the households' wall boards and shown in
            // the cadre list to every role: exported as the list shows it.
            c.phone,
            township,
            village,
            c.status === 'active' ? '在岗' : '已离开',
          ])
          .commit();
        written++;
      }
      const last = page[page.length - 1]!;
      after = { rankPos: last.rankPos, regionCode: last.regionCode, initials: last.initials, id: last.id };
      await drained(stream);
    }
    sheet.commit();
    await auditExport(db, actor, 'cadre', full, f, written);
    await workbook.commit();
  });
  return { stream, fileName: `干部-${stamp()}.xlsx` };
}
