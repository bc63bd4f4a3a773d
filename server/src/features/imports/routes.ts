import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.js';
import { attachment, xlsxMime } from '../../platform/excel.js';
import { actorOf } from '../../platform/http.js';
import { folderStorage } from '../../platform/storage.js';
import { exportCadres, exportHouseholds } from './exports.js';
import { maxUploadBytes } from './rules.js';
import { exportEntries, exportPairings, exportVisits } from './register-exports.js';
import { applyBody, cadreExportQuery, entryExportQuery, householdExportQuery, idParams, jobListQuery, jobOut, jobPage, pairingExportQuery, uploadQuery, visitExportQuery } from './schemas.js';
import * as service from './service.js';
import { importKinds } from './tables.js';
import { cadreTemplate, householdTemplate, pairingTemplate } from './templates.js';

const tags = ['imports'];
const xlsx = (reply: FastifyReply, fileName: string, ascii: string, body: Buffer | Readable) =>
  reply.header('content-type', xlsxMime).header('content-disposition', attachment(fileName, ascii)).header('cache-control', 'no-store').send(body);

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const storage = folderStorage(app.config.filesDir);

  app.get('/api/imports/templates/households.xlsx', { schema: { tags, summary: 'The households+members template (one row per member), with dropdowns for my villages' } }, async (req, reply) => {
    const t = await householdTemplate(app.db, actorOf(req));
    return xlsx(reply, t.fileName, 'households-template.xlsx', t.buffer);
  });
  app.get('/api/imports/templates/cadres.xlsx', { schema: { tags, summary: 'The cadre register template' } }, async (req, reply) => {
    const t = await cadreTemplate(app.db, actorOf(req));
    return xlsx(reply, t.fileName, 'cadres-template.xlsx', t.buffer);
  });
  app.get('/api/imports/templates/pairings.xlsx', { schema: { tags, summary: 'The pairing template (结对): programme, form, helper, target, lead, round, start; dropdowns for my programmes and townships' } }, async (req, reply) => {
    const t = await pairingTemplate(app.db, actorOf(req));
    return xlsx(reply, t.fileName, 'pairings-template.xlsx', t.buffer);
  });

  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Upload an .xlsx (multipart: file, kind) and check it: the dry run, nothing is written',
        description: `multipart/form-data with a part "file" (.xlsx, at most ${maxUploadBytes / 1024 / 1024} MB) and "kind" (households | cadres | pairings, or ?kind=). Small files answer 201 checked; larger ones 202 while the check runs — poll GET /api/imports/{id}.`,
        consumes: ['multipart/form-data'],
        querystring: uploadQuery,
        response: { 201: jobOut, 202: jobOut },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      service.assertMayImport(actor);
      const fileField = [{ path: 'file', message: actor.lang === 'en' ? 'required' : '请选择要导入的文件' }];
      if (!req.isMultipart()) throw new AppError('validation_failed', { zh: '请以表单（multipart/form-data）上传 .xlsx 文件', en: 'Upload the file as multipart/form-data' }, fileField);
      let kind: string | undefined = req.query.kind;
      let upload: { id: string; bytes: number; fileName: string } | null = null;
      try {
        for await (const part of req.parts({ limits: { fileSize: maxUploadBytes, files: 1, fields: 5 } })) {
          if (part.type === 'file') {
            if (upload) {
              part.file.resume();
              continue;
            }
            upload = { ...(await service.receiveFile(storage, actor, part.filename, part.file)), fileName: part.filename };
          } else if (part.fieldname === 'kind') kind = String(part.value);
        }
      } catch (err) {
        if (upload) await storage.remove(`imports/${upload.id}`);
        if (err instanceof AppError) throw err;
        const code = (err as { code?: string }).code;
        if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('validation_failed', { zh: '一次只能上传一个文件', en: 'One file at a time' }, fileField);
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw service.uploadError(actor, err);
        // System errors (disk full …) are ours; anything else is a malformed or cut-off upload.
        if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw err;
        throw new AppError('validation_failed', { zh: '上传的内容不完整或格式不正确，请重新上传', en: 'The upload is incomplete or malformed' }, fileField);
      }
      if (!upload) throw new AppError('validation_failed', { zh: '请选择要导入的文件', en: 'No file' }, fileField);
      if (!importKinds.includes(kind as never)) {
        await storage.remove(`imports/${upload.id}`);
        throw new AppError('validation_failed', { zh: '请说明导入的是农户（households）、干部（cadres）还是结对（pairings）', en: 'kind must be households, cadres or pairings' }, [
          { path: 'body.kind', message: actor.lang === 'en' ? 'households, cadres or pairings' : '应为 households、cadres 或 pairings' },
        ]);
      }
      const res = await service.createImport(app.db, storage, actor, { ...upload, kind: kind as (typeof importKinds)[number] }, (err) => req.log.error(err));
      return reply.status(res.finished ? 201 : 202).send(res.job);
    },
  );

  app.get('/api/imports', { schema: { tags, summary: 'Recent imports in my scope, newest first', querystring: jobListQuery, response: { 200: jobPage } } }, async (req) => ({
    ...(await service.listImports(app.db, actorOf(req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));

  app.get('/api/imports/:id', { schema: { tags, summary: 'An import: status, progress, counts and the first problems', params: idParams, response: { 200: jobOut } } }, (req) =>
    service.getImport(app.db, actorOf(req), req.params.id),
  );

  app.get('/api/imports/:id/report.xlsx', { schema: { tags, summary: 'The error report: the rows with errors, each bad cell red with the reason in a note', params: idParams } }, async (req, reply) => {
    const r = await service.reportOf(app.db, storage, actorOf(req), req.params.id);
    return xlsx(reply, r.fileName, 'import-errors.xlsx', r.stream);
  });

  app.post(
    '/api/imports/:id/apply',
    {
      schema: {
        tags,
        summary: 'Write a checked import in one transaction (all_or_nothing or valid_rows); 202 while a large one runs',
        params: idParams,
        body: applyBody,
        response: { 200: jobOut, 202: jobOut },
      },
    },
    async (req, reply) => {
      const res = await service.applyImport(app.db, storage, actorOf(req), req.params.id, req.body.mode, (err) => req.log.error(err));
      return reply.status(res.finished ? 200 : 202).send(res.job);
    },
  );

  app.get('/api/exports/households.xlsx', { schema: { tags: ['exports'], summary: 'The filtered households list as .xlsx (one row per member); ID numbers and phones masked unless I may see them', querystring: householdExportQuery } }, async (req, reply) => {
    const r = await exportHouseholds(app.db, actorOf(req), req.query);
    return xlsx(reply, r.fileName, 'households.xlsx', r.stream);
  });
  app.get('/api/exports/cadres.xlsx', { schema: { tags: ['exports'], summary: 'The filtered cadre list as .xlsx; ID numbers masked unless I may see them', querystring: cadreExportQuery } }, async (req, reply) => {
    const r = await exportCadres(app.db, actorOf(req), req.query);
    return xlsx(reply, r.fileName, 'cadres.xlsx', r.stream);
  });
  app.get('/api/exports/pairings.xlsx', { schema: { tags: ['exports'], summary: 'The pairings register (结对名册) as .xlsx: GET /api/pairings with the same filters and scope', querystring: pairingExportQuery } }, async (req, reply) => {
    const r = await exportPairings(app.db, actorOf(req), req.query);
    return xlsx(reply, r.fileName, 'pairings.xlsx', r.stream);
  });
  app.get('/api/exports/visits.xlsx', { schema: { tags: ['exports'], summary: 'Visits (走访记录) as .xlsx: GET /api/visits with the same filters, scope and roles', querystring: visitExportQuery } }, async (req, reply) => {
    const r = await exportVisits(app.db, actorOf(req), req.query);
    return xlsx(reply, r.fileName, 'visits.xlsx', r.stream);
  });
  app.get('/api/exports/diary-entries.xlsx', { schema: { tags: ['exports'], summary: 'Diary entries (民情日记) as .xlsx: GET /api/diary-entries with the same filters, scope and roles', querystring: entryExportQuery } }, async (req, reply) => {
    const r = await exportEntries(app.db, actorOf(req), req.query);
    return xlsx(reply, r.fileName, 'diary-entries.xlsx', r.stream);
  });
};
