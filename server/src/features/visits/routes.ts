import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http.js';
import { langOf } from '../../platform/messages.js';
import { folderStorage } from '../../platform/storage.js';
import { confirmByCode, confirmByToken, publicConfirmation, requestConfirmation } from './confirmation.js';
import { maxPhotoBytes } from './photos.js';
import { addPhoto, readPhoto } from './photos-service.js';
import {
  confirmationOut,
  confirmCodeBody,
  createVisitBody,
  idParams,
  photoParams,
  photoQuery,
  publicConfirmBody,
  publicVisitOut,
  tokenParams,
  updateVisitBody,
  visitListQuery,
  visitOut,
  visitPage,
} from './schemas.js';
import * as service from './service.js';

const tags = ['visits'];
/** The public confirm page is reached by a one-time link; a few tries a minute is plenty. */
const publicLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  const storage = folderStorage(app.config.filesDir);

  app.post(
    '/api/visits',
    {
      schema: {
        tags,
        summary: 'Record a visit (走访) to households or a village; idempotent on the client id',
        body: createVisitBody,
        response: { 200: visitOut, 201: visitOut },
      },
    },
    async (req, reply) => {
      const { visit, created } = await service.createVisit(app.db, actorOf(req), req.body);
      return reply.status(created ? 201 : 200).send(visit);
    },
  );

  app.get(
    '/api/visits',
    {
      schema: {
        tags,
        summary: 'Visits in my scope, newest first (filter by cadre, household, month or days)',
        querystring: visitListQuery,
        response: { 200: visitPage },
      },
    },
    async (req) => ({
      ...(await service.listVisits(app.db, actorOf(req), req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.get(
    '/api/visits/:id',
    {
      schema: {
        tags,
        summary: 'One visit with its cadres, households, photos and confirmation',
        params: idParams,
        response: { 200: visitOut },
      },
    },
    (req) => service.getVisit(app.db, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/visits/:id',
    {
      schema: {
        tags,
        summary: 'Correct a visit, or void it (status: void); send the version you read',
        params: idParams,
        body: updateVisitBody,
        response: { 200: visitOut },
      },
    },
    (req) => service.updateVisit(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/visits/:id/photos',
    {
      schema: {
        tags,
        summary: 'Add a photo to a visit (multipart part "file": JPEG, PNG, WebP or HEIF, at most 10 MB; EXIF removed, thumbnail made)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: visitOut },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const field = [{ path: 'body.file', message: actor.lang === 'en' ? 'required' : '请选择照片' }];
      if (!req.isMultipart())
        throw new AppError(
          'validation_failed',
          { zh: '请以表单（multipart/form-data）上传照片', en: 'Upload the photo as multipart/form-data' },
          field,
        );
      let buffer: Buffer | null = null;
      try {
        const part = await req.file({ limits: { fileSize: maxPhotoBytes, files: 1 } });
        if (part) buffer = await part.toBuffer();
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('payload_too_large', { zh: '照片不能超过 10 MB', en: 'Photos are at most 10 MB' }, field);
        throw new AppError(
          'validation_failed',
          { zh: '上传的内容不完整或格式不正确，请重新上传', en: 'The upload is incomplete or malformed' },
          field,
        );
      }
      if (!buffer) throw new AppError('validation_failed', { zh: '请选择照片', en: 'No file' }, field);
      return reply.status(201).send(await addPhoto(app.db, storage, actor, req.params.id, buffer));
    },
  );

  app.get(
    '/api/visits/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'A photo of a visit (JPEG), or its thumbnail with ?size=thumb',
        params: photoParams,
        querystring: photoQuery,
      },
    },
    async (req, reply) => {
      const photo = await readPhoto(app.db, storage, actorOf(req), req.params.id, req.params.photoId, req.query.size);
      return reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=86400').send(photo.stream);
    },
  );

  app.post(
    '/api/visits/:id/confirmation',
    {
      schema: {
        tags,
        summary:
          'Open a household confirmation: a one-time QR link for the family to scan, and a 6-digit code texted to the household (30 minutes)',
        params: idParams,
        response: { 200: confirmationOut },
      },
    },
    (req) => requestConfirmation(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/visits/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a visit with the code the family read aloud',
        params: idParams,
        body: confirmCodeBody,
        response: { 200: visitOut },
      },
    },
    (req) => confirmByCode(app.db, actorOf(req), req.params.id, req.body.code, req.body.confirmedByName ?? null),
  );

  app.get(
    '/api/public/visit-confirmations/:token',
    {
      config: publicLimit,
      schema: {
        tags: ['public'],
        summary: 'Public (no login): the visit a scanned QR link confirms',
        params: tokenParams,
        response: { 200: publicVisitOut },
      },
    },
    (req) => publicConfirmation(app.db, langOf(req.headers), req.params.token),
  );

  app.post(
    '/api/public/visit-confirmations/:token',
    {
      config: publicLimit,
      schema: {
        tags: ['public'],
        summary: 'Public (no login): the family confirms the visit',
        params: tokenParams,
        body: publicConfirmBody,
        response: { 200: publicVisitOut },
      },
    },
    (req) => confirmByToken(app.db, langOf(req.headers), req.params.token, req.body.confirmedByName ?? null),
  );
};
