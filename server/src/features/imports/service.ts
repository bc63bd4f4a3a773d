/**
 * Excel imports, as use cases: receive a file, check it (the dry run), show its progress and
 * report, apply it in one transaction. Small files run within the request; larger ones run in the
 * background of this process while the UI polls GET /api/imports/{id}.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { refreshStatistics } from '../../db/statistics.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { assertWritable, countyOf } from '../../platform/scope.js';
import type { FileStorage } from '../../platform/storage.js';
import { recordAudit } from '../audit/service.js';
import { initialsOf } from '../regions/rules.js';
import { applyCadres, checkCadres } from './cadres-import.js';
import { applyHouseholds, checkHouseholds } from './households-import.js';
import { applyPairings, checkPairings } from './pairings-import.js';
import { files, ImportFailure, rowsInText, sheetRow } from './pipeline.js';
import * as repo from './repository.js';
import { inlineApplyRows, inlineFileBytes, maxUploadBytes, type Msg } from './rules.js';
import { bulkIds, DataChanged, nameInitials, type Run } from './run.js';
import { dropStaging } from './staging.js';
import { thisRunner } from './runner.js';
import type { JobOut } from './schemas.js';
import type { importKinds, ImportSummary } from './tables.js';

type Kind = (typeof importKinds)[number];
type Log = (err: unknown) => void;
const what = { zh: '导入任务', en: 'Import' };
const fieldError = (actor: Actor, path: string, msg: Msg) => new AppError('validation_failed', msg, [{ path, message: actor.lang === 'en' ? msg.en : msg.zh }]);

/** Apply progress of the jobs this process is writing (their transaction hides it from the database). */
const applying = new Map<string, number>();
/** A job still validating or importing after this long without news died with its process. */
const staleAfterMs = 10 * 60_000;

export const assertMayImport = (actor: Actor) => requireRole(actor, adminRoles);

/** What a clerk hears when the upload itself fails: too large (413), else the error as it is. */
export function uploadError(actor: Actor, err: unknown): unknown {
  if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') return err;
  return new AppError('payload_too_large', { zh: `文件不能超过 ${maxUploadBytes / 1024 / 1024} MB，请分成几个文件导入`, en: `Files are limited to ${maxUploadBytes / 1024 / 1024} MB` }, [
    { path: 'file', message: actor.lang === 'en' ? 'too large' : '文件过大' },
  ]);
}

/**
 * Stores an uploaded file for a new job, refusing what is not an .xlsx workbook. Answers the
 * job id and size; nothing is kept when the upload is refused.
 */
export async function receiveFile(storage: FileStorage, actor: Actor, fileName: string, stream: Readable): Promise<{ id: string; bytes: number }> {
  const id = newId();
  const key = files(id).upload;
  let bytes: number;
  try {
    bytes = await storage.put(key, stream);
  } catch (err) {
    await storage.remove(`imports/${id}`);
    throw uploadError(actor, err);
  }
  const head = await new Promise<Buffer>((resolve, reject) => {
    const input = storage.read(key);
    input
      .once('data', (c: Buffer) => {
        resolve(c.subarray(0, 8));
        input.destroy();
      })
      .on('end', () => resolve(Buffer.alloc(0)))
      .on('error', reject);
  }).catch(() => Buffer.alloc(0));
  const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (!isZip || !/\.xlsx$/i.test(fileName)) {
    await storage.remove(`imports/${id}`);
    const oldExcel = head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0;
    throw fieldError(
      actor,
      'file',
      oldExcel
        ? { zh: '这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入', en: 'Old .xls format: save as .xlsx first' }
        : bytes === 0
          ? { zh: '文件是空的', en: 'The file is empty' }
          : { zh: '不是 Excel（.xlsx）文件，请使用下载的模板填写', en: 'Not an .xlsx file' },
    );
  }
  return { id, bytes };
}

function makeRun(db: Db, storage: FileStorage, actor: Actor, jobId: string, onProgress: (n: number) => Promise<void>): Run {
  return { db, storage, scope: actor.scope, jobId, today: new Date(), onProgress, initials: nameInitials(initialsOf), newId: bulkIds() };
}

/** Creates the job for a stored upload and runs the dry run: inline for small files, else in the background. */
export async function createImport(db: Db, storage: FileStorage, actor: Actor, input: { id: string; bytes: number; fileName: string; kind: Kind }, log: Log) {
  assertMayImport(actor);
  await repo.insertJob(db, {
    id: input.id,
    kind: input.kind,
    fileName: input.fileName.slice(0, 200),
    fileKey: files(input.id).upload,
    runner: thisRunner,
    regionCode: actor.regionCode,
    countyCode: countyOf(actor.regionCode) ?? actor.regionCode.slice(0, 6),
    createdBy: actor.id,
  });
  const check = async () => {
    const run = makeRun(db, storage, actor, input.id, (n) => repo.updateJob(db, input.id, { processedRows: n }));
    try {
      const c = input.kind === 'households' ? await checkHouseholds(run) : input.kind === 'pairings' ? await checkPairings(run) : await checkCadres(run, actor.regionCode);
      await repo.updateJob(db, input.id, {
        status: 'validated',
        totalRows: c.totalRows,
        processedRows: c.totalRows,
        errorRows: c.errorRows,
        summary: { counts: c.counts, sample: c.sample, changes: c.changes, sheets: c.sheets, skippedSheets: c.skippedSheets },
        reportKey: c.hasReport ? files(input.id).report : null,
      });
      return null;
    } catch (err) {
      const failure = err instanceof ImportFailure ? err.msg : { zh: '核对时系统出错，请稍后重新上传；如仍有问题请联系管理员', en: 'Internal error while checking' };
      if (!(err instanceof ImportFailure)) log(err);
      await dropStaging(db, input.id).catch(log);
      await repo.updateJob(db, input.id, { status: 'failed', summary: { counts: {}, failure }, finishedAt: new Date() });
      return failure;
    }
  };
  if (input.bytes > inlineFileBytes) {
    check().catch(log);
    return { job: await getImport(db, actor, input.id), finished: false };
  }
  const failure = await check();
  if (failure) throw fieldError(actor, 'file', failure);
  return { job: await getImport(db, actor, input.id), finished: true };
}

export async function getImport(db: Db, actor: Actor, id: string): Promise<JobOut> {
  assertMayImport(actor);
  const job = await repo.getJob(db, actor.scope, id);
  if (!job) throw notFound(what);
  return present(await recoverStale(db, job), actor);
}

export async function listImports(db: Db, actor: Actor, q: { kind?: Kind; page: number; pageSize: number }) {
  assertMayImport(actor);
  const { items, total } = await repo.listJobs(db, actor.scope, q);
  return { items: items.map((j) => present(j, actor)), total };
}

/** A job whose process died mid-way: a check failed; an apply wrote nothing (one transaction), so it can run again. */
async function recoverStale(db: Db, job: repo.Job): Promise<repo.Job> {
  const stale = Date.now() - job.updatedAt.getTime() > staleAfterMs && !applying.has(job.id);
  if (!stale || (job.status !== 'validating' && job.status !== 'importing')) return job;
  const interrupted = { zh: '核对被中断（服务重启），请重新上传', en: 'The check was interrupted; upload again' };
  const set = job.status === 'importing' ? { status: 'validated' as const, processedRows: job.totalRows } : { status: 'failed' as const, summary: { counts: {}, failure: interrupted } };
  if (!(await repo.claimJob(db, job.id, [job.status], set))) return job;
  // a check that died leaves its working tables behind
  if (job.status === 'validating') await dropStaging(db, job.id);
  return { ...job, ...set };
}

/**
 * At start-up: the jobs this server was checking or applying when it stopped died with it. A check
 * fails (its working tables dropped); an apply wrote nothing (one transaction) and is validated
 * again, ready to re-run at once rather than after staleAfterMs.
 */
export async function recoverJobsOfThisRunner(db: Db, log: Log): Promise<number> {
  const jobs = await repo.runningJobsOf(db, thisRunner);
  const interrupted = { zh: '核对被中断（服务重启），请重新上传', en: 'The check was interrupted; upload again' };
  for (const job of jobs) {
    const set = job.status === 'importing' ? { status: 'validated' as const, processedRows: job.totalRows } : { status: 'failed' as const, summary: { counts: {}, failure: interrupted } };
    if (!(await repo.claimJob(db, job.id, [job.status], set))) continue;
    if (job.status === 'validating') await dropStaging(db, job.id).catch(log);
  }
  return jobs.length;
}

function present(job: repo.Job, actor: Actor): JobOut {
  const s: ImportSummary | null = job.summary;
  const en = actor.lang === 'en';
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    mode: job.mode,
    fileName: job.fileName,
    totalRows: job.totalRows,
    processedRows: applying.get(job.id) ?? job.processedRows,
    errorRows: job.errorRows,
    summary: s ? s.counts : null,
    failure: s?.failure ? (en ? s.failure.en : s.failure.zh) : null,
    problems: (s?.sample ?? []).map((p) => ({ ...sheetRow(s?.sheets ?? [], p.row), column: p.column, message: en ? p.en : rowsInText(s?.sheets ?? [], p.zh) })),
    changes: (s?.changes ?? []).map((c) => ({ ...sheetRow(s?.sheets ?? [], c.row), what: c.what, fields: c.fields })),
    sheets: s?.sheets ?? [],
    skippedSheets: s?.skippedSheets ?? [],
    hasReport: job.reportKey !== null,
    regionCode: job.regionCode,
    createdByName: job.createdByName,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  };
}

export async function reportOf(db: Db, storage: FileStorage, actor: Actor, id: string) {
  assertMayImport(actor);
  const job = await repo.getJob(db, actor.scope, id);
  if (!job) throw notFound(what);
  if (!job.reportKey) throw new AppError('not_found', { zh: '这次导入没有有误的行，无需错误报告', en: 'This import has no rows with errors' });
  return { stream: storage.read(job.reportKey), fileName: `${job.fileName.replace(/\.xlsx$/i, '')}-错误报告.xlsx` };
}

const conflict = (msg: Msg) => new AppError('conflict', msg);

/**
 * Writes a checked job in ONE transaction (a killed import leaves nothing), audited once with its
 * counts. Inline when there are few rows to write; else in the background (the answer says importing).
 */
export async function applyImport(db: Db, storage: FileStorage, actor: Actor, id: string, mode: 'all_or_nothing' | 'valid_rows', log: Log) {
  assertMayImport(actor);
  const found = await repo.getJob(db, actor.scope, id);
  if (!found) {
    if (await repo.jobExists(db, id)) throw new AppError('out_of_scope');
    throw notFound(what);
  }
  assertWritable(found.regionCode, actor.scope);
  const job = await recoverStale(db, found);
  const counts = job.summary?.counts ?? {};
  switch (job.status) {
    case 'validated':
      break;
    case 'validating':
      throw conflict({ zh: '文件还在核对中，请等核对完成', en: 'Still checking the file' });
    case 'importing':
      throw conflict({ zh: '正在导入，请勿重复提交', en: 'Already importing' });
    case 'done':
      throw conflict({ zh: '这个文件已经导入过了；如需再次导入请重新上传', en: 'Already imported; upload the file again to re-import' });
    case 'failed':
    case 'cancelled':
      throw conflict({ zh: '这次导入未能完成，请改正后重新上传', en: 'This import failed; upload the file again' });
  }
  if (mode === 'all_or_nothing' && job.errorRows > 0) {
    throw conflict({ zh: `有 ${job.errorRows} 行有误，不能全部导入：请下载错误报告改正后重新上传，或选择“只导入无误的行”`, en: `${job.errorRows} rows have errors; fix them or import the valid rows only` });
  }
  const rows = counts.rowsToImport ?? 0;
  if (rows === 0) throw conflict({ zh: '没有可以导入的行：请先改正错误', en: 'No valid rows to import' });
  if (!(await repo.claimJob(db, id, ['validated'], { status: 'importing', mode, processedRows: 0, runner: thisRunner }))) throw conflict({ zh: '正在导入，请勿重复提交', en: 'Already importing' });

  const write = async (): Promise<Msg | null> => {
    applying.set(id, 0);
    const run = makeRun(db, storage, actor, id, async (n) => void applying.set(id, n));
    try {
      await db.transaction(async (tx) => {
        const written = job.kind === 'households' ? await applyHouseholds(tx, run, counts) : job.kind === 'pairings' ? await applyPairings(tx, run, actor, counts) : await applyCadres(tx, run);
        const summary = { ...job.summary, counts: { ...counts, ...written }, sample: job.summary?.sample ?? [] };
        await refreshStatistics(tx, job.kind === 'households' ? ['households', 'members'] : job.kind === 'pairings' ? ['pairings'] : ['cadres']);
        await repo.updateJob(tx, id, { status: 'done', processedRows: rows, summary, finishedAt: new Date() });
        await recordAudit(tx, actor, {
          action: 'import',
          entityType: 'import_job',
          entityId: id,
          regionCode: job.regionCode,
          after: { kind: job.kind, mode, fileName: job.fileName, totalRows: job.totalRows, errorRows: job.errorRows, ...written },
        });
      });
      for (const part of ['households-new', 'households-old', 'members', 'heads', 'cadres', 'pairings']) await storage.remove(files(id).apply(part));
      return null;
    } catch (err) {
      const changed = err instanceof DataChanged ? err.msg : (err as { code?: string; cause?: { code?: string } }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505' ? { zh: '有记录在核对后被他人改动', en: 'Records changed since the check' } : null;
      if (changed) {
        const msg = { zh: `自核对以来数据已有变化（${changed.zh}），本次没有写入任何数据，请重新上传核对`, en: `Nothing was written: ${changed.en}. Upload the file again` };
        await repo.updateJob(db, id, { status: 'failed', summary: { counts, sample: job.summary?.sample ?? [], failure: msg }, finishedAt: new Date() });
        await dropStaging(db, id).catch(log);
        return msg;
      }
      log(err);
      await repo.updateJob(db, id, { status: 'validated', processedRows: job.totalRows });
      throw err;
    } finally {
      applying.delete(id);
    }
  };
  if (rows > inlineApplyRows) {
    // The answer first: a large apply takes seconds, and the wizard polls its progress meanwhile.
    const started = await getImport(db, actor, id);
    write().catch(log);
    return { job: started, finished: false };
  }
  const failure = await write();
  if (failure) throw conflict(failure);
  return { job: await getImport(db, actor, id), finished: true };
}
