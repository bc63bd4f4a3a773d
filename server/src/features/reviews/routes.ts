import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { entryOut } from '../diaries/schemas.js';
import { actorOf } from '../../platform/http.js';
import { drawSampleBody, idParams, reviewBody, reviewList, sampleListQuery, sampleOut, samplePage } from './schemas.js';
import * as service from './service.js';

const tags = ['reviews'];

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/diary-entries/:id/reviews',
    {
      schema: {
        tags,
        summary:
          'Review an entry (查阅): comment, accept (locks it) or return for revision; send the entry version you read (409 if another reviewer acted first)',
        params: idParams,
        body: reviewBody,
        response: { 200: entryOut },
      },
    },
    (req) => service.reviewEntry(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/diary-entries/:id/reviews',
    { schema: { tags, summary: "An entry's reviews, oldest first", params: idParams, response: { 200: reviewList } } },
    (req) => service.listReviews(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/diary-samples',
    {
      schema: {
        tags,
        summary:
          "Draw the quarter's random sample (调阅) of a region's submitted entries; seed, population and result are recorded (administrators; once per region and quarter)",
        body: drawSampleBody,
        response: { 200: sampleOut, 201: sampleOut },
      },
    },
    async (req, reply) => {
      const { sample, created } = await service.drawQuarterSample(app.db, actorOf(req), req.body);
      return reply.status(created ? 201 : 200).send(sample);
    },
  );

  app.get(
    '/api/diary-samples',
    {
      schema: {
        tags,
        summary: 'Quarterly samples in my scope, newest quarter first',
        querystring: sampleListQuery,
        response: { 200: samplePage },
      },
    },
    async (req) => ({
      ...(await service.listSamples(app.db, actorOf(req), req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.get(
    '/api/diary-samples/:id',
    { schema: { tags, summary: 'One quarterly sample, re-drawn to verify it', params: idParams, response: { 200: sampleOut } } },
    (req) => service.getSample(app.db, actorOf(req), req.params.id),
  );
};
