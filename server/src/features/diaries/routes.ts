import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import {
  createEntryBody,
  entryListQuery,
  entryOut,
  entryPage,
  idParams,
  publicEntryOut,
  publicEntryPage,
  publicListQuery,
  updateEntryBody,
  versionBody,
} from './schemas.js';
import * as service from './service.js';

const tags = ['diaries'];

export const diaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/diary-entries',
    {
      schema: {
        tags,
        summary:
          "Start the signed-in cadre's diary entry (民情日记) for a month: drafted from the month's visits unless a body is given; idempotent on the client id",
        body: createEntryBody,
        response: { 200: entryOut, 201: entryOut },
      },
    },
    async (req, reply) => {
      const { entry, created } = await service.createEntry(app.db, actorOf(req), req.body);
      return reply.status(created ? 201 : 200).send(entry);
    },
  );

  app.get(
    '/api/diary-entries',
    {
      schema: {
        tags,
        summary: 'Diary entries in my scope (filter by cadre, month, status, region; mine=true for my own)',
        querystring: entryListQuery,
        response: { 200: entryPage },
      },
    },
    async (req) => ({
      ...(await service.listEntries(app.db, actorOf(req), req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.get(
    '/api/diary-entries/:id',
    { schema: { tags, summary: 'One diary entry', params: idParams, response: { 200: entryOut } } },
    (req) => service.getEntry(app.db, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/diary-entries/:id',
    {
      schema: {
        tags,
        summary: 'Edit my draft or returned entry (rich text, cited visits); send the version you read',
        params: idParams,
        body: updateEntryBody,
        response: { 200: entryOut },
      },
    },
    (req) => service.updateEntry(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/diary-entries/:id/submit',
    { schema: { tags, summary: 'Submit my entry for review (查阅)', params: idParams, body: versionBody, response: { 200: entryOut } } },
    (req) => service.submitEntry(app.db, actorOf(req), req.params.id, req.body.version),
  );

  app.post(
    '/api/diary-entries/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish an accepted entry on the public diary page, personal data removed (author or administrator)',
        params: idParams,
        body: versionBody,
        response: { 200: entryOut },
      },
    },
    (req) => service.publishEntry(app.db, actorOf(req), req.params.id, req.body.version),
  );

  app.get(
    '/api/public/diary',
    {
      schema: {
        tags: ['public'],
        summary: 'Public (no login): published diary entries, newest first',
        querystring: publicListQuery,
        response: { 200: publicEntryPage },
      },
    },
    async (req) => ({
      ...(await service.listPublished(app.db, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.get(
    '/api/public/diary/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'Public (no login): one published diary entry',
        params: idParams,
        response: { 200: publicEntryOut },
      },
    },
    (req) => service.getPublished(app.db, req.params.id),
  );
};
