/**
 * The registers a clerk prints or sends up besides households and cadres: the pairings register
 * (结对名册), visits (走访记录) and diary entries (民情日记). Each is its list — the same service,
 * filters, scope and role rules as GET /api/pairings, /api/visits and /api/diary-entries — read a
 * page at a time and streamed, in names and Chinese labels, dates as date cells.
 */
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { dateCellValue, streamingWorkbook, type ColumnSpec } from '../../platform/excel.js';
import * as diaries from '../diaries/service.js';
import type { entryListQuery } from '../diaries/schemas.js';
import type { EntryStatus } from '../diaries/rules.js';
import { listPairings } from '../pairings/service.js';
import { roleShapes } from '../pairings/rules.js';
import type { pairingListQuery } from '../pairings/schemas.js';
import type { PairingEndReason } from '../pairings/tables.js';
import { namesOf } from '../regions/repository.js';
import * as visits from '../visits/service.js';
import type { visitListQuery } from '../visits/schemas.js';
import { sheetOf } from './exports.js';

type Page = { page: number; pageSize: number };
export type PairingExportQuery = Omit<z.infer<typeof pairingListQuery>, keyof Page>;
export type VisitExportQuery = Omit<z.infer<typeof visitListQuery>, keyof Page>;
export type EntryExportQuery = Omit<z.infer<typeof entryListQuery>, keyof Page>;

/** The lists' largest page; an export stops at maxRows (a county's year of visits is far below). */
const pageSize = 500;
const maxRows = 200_000;
const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Streams a sheet of `columns` filled page by page. The first page is read before the reply
 * starts, so a refused filter (out of scope, bad value) answers its 4xx instead of a broken file.
 */
async function streamed<T>(
  name: string,
  fileName: string,
  columns: Pick<ColumnSpec, 'header' | 'width' | 'format'>[],
  list: (p: Page) => Promise<{ items: T[] }>,
  row: (item: T) => unknown[],
  /** What a page needs looked up before its rows are written (names of places). */
  prepare?: (items: T[]) => Promise<void>,
) {
  const first = await list({ page: 1, pageSize });
  const { workbook, stream } = streamingWorkbook();
  const sheet = sheetOf(workbook, name, columns);
  const write = async () => {
    for (let page = 1, items = first.items; ; ) {
      await prepare?.(items);
      for (const item of items) sheet.addRow(row(item)).commit();
      if (stream.writableNeedDrain) await new Promise((resolve) => stream.once('drain', resolve));
      if (items.length < pageSize || page * pageSize >= maxRows) break;
      items = (await list({ page: ++page, pageSize })).items;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) => stream.destroy(err as Error));
  return { stream, fileName: `${fileName}-${stamp()}.xlsx` };
}

const helperKindNames = { cadre: '干部', unit: '单位', branch: '党支部' } as const;
const targetKindNames = { household: '农户', township: '乡镇', village: '村', branch: '党支部', person: '个人' } as const;
const endReasonNames: Record<PairingEndReason, string> = {
  handover: '交接',
  round_end: '轮次结束',
  programme_end: '活动结束',
  target_gone: '对象已不在',
  helper_left: '帮扶人离开',
  lifted: '已脱困',
  mistake: '录入有误',
  other: '其他',
};
const entryStatusNames: Record<EntryStatus, string> = { draft: '草稿', submitted: '已提交', returned: '已退回', accepted: '已通过' };
const yes = (b: boolean) => (b ? '是' : '');

export async function exportPairings(db: Db, actor: Actor, q: PairingExportQuery) {
  return streamed(
    '结对名册',
    '结对名册',
    [
      { header: '活动', width: 20 },
      { header: '结对方式', width: 12 },
      { header: '帮扶方类别', width: 10 },
      { header: '帮扶人', width: 14 },
      { header: '对象类别', width: 10 },
      { header: '对象', width: 14 },
      { header: '所在地', width: 14 },
      { header: '是否联系人', width: 10 },
      { header: '轮次', width: 6 },
      { header: '开始日期', width: 12, format: 'date' },
      { header: '结束日期', width: 12, format: 'date' },
      { header: '结束原因', width: 12 },
      { header: '备注', width: 30 },
    ],
    (p) => listPairings(db, actor, { ...q, ...p }),
    (r) => [
      r.programmeName,
      roleShapes[r.role].zh,
      helperKindNames[r.helperKind],
      r.helperName,
      targetKindNames[r.targetKind],
      r.targetName,
      r.regionName,
      yes(r.lead),
      r.roundNo,
      dateCellValue(r.startOn),
      dateCellValue(r.endOn),
      r.endReason ? endReasonNames[r.endReason] : null,
      r.note,
    ],
  );
}

export async function exportVisits(db: Db, actor: Actor, q: VisitExportQuery) {
  return streamed(
    '走访记录',
    '走访记录',
    [
      { header: '走访日期', width: 12, format: 'date' },
      { header: '类别', width: 10 },
      { header: '干部', width: 16 },
      { header: '农户（户主）', width: 18 },
      { header: '所在地', width: 14 },
      { header: '谈了什么', width: 30 },
      { header: '生产情况', width: 24 },
      { header: '生活情况', width: 24 },
      { header: '思想动态', width: 24 },
      { header: '农户确认', width: 10 },
      { header: '状态', width: 8 },
    ],
    (p) => visits.listVisits(db, actor, { ...q, ...p }),
    (v) => [
      dateCellValue(v.visitedOn),
      v.kindName,
      v.cadres.map((c) => c.name).join('、'),
      v.households.map((h) => h.headName ?? '').join('、'),
      v.regionName,
      v.discussed,
      v.production,
      v.life,
      v.mood,
      yes(v.confirmed),
      v.status === 'void' ? '已作废' : '有效',
    ],
  );
}

/** The entry's text without its (sanitised, attribute-free) tags, paragraphs on lines of their own. */
const plainText = (html: string) =>
  html
    .replace(/<\/(p|li|h\d)>|<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();

export async function exportEntries(db: Db, actor: Actor, q: EntryExportQuery) {
  const places = new Map<string, string>();
  const place = (code: string) => places.get(code) ?? places.get(`${code.slice(0, 9)}000`) ?? null;
  return streamed(
    '民情日记',
    '民情日记',
    [
      { header: '月份', width: 9 },
      { header: '干部', width: 10 },
      { header: '所在地', width: 14 },
      { header: '状态', width: 8 },
      { header: '提交日期', width: 12, format: 'date' },
      { header: '审阅日期', width: 12, format: 'date' },
      { header: '已公开', width: 8 },
      { header: '日记', width: 80 },
    ],
    (p) => diaries.listEntries(db, actor, { ...q, ...p }),
    (e) => [e.month, e.cadreName, place(e.regionCode), entryStatusNames[e.status], day(e.submittedAt), day(e.reviewedAt), yes(e.published), plainText(e.body)],
    async (items) => {
      const wanted = items.flatMap((e) => [e.regionCode, `${e.regionCode.slice(0, 9)}000`]).filter((c) => !places.has(c));
      for (const [code, name] of await namesOf(db, wanted)) places.set(code, name);
    },
  );
}

/** A timestamp as the day it fell on in China (UTC+8), as a date cell. */
const day = (t: Date | null) => (t ? dateCellValue(new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)) : null);
