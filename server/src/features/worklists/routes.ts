import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment, xlsxMime } from '../../platform/excel.js';
import { actorOf } from '../../platform/http.js';
import { adminWorklistOut, adminWorklistQuery, cadreWorklistOut, cadreWorklistQuery, reviewerWorklistOut } from './schemas.js';
import * as service from './service.js';

const tags = ['worklists'];

export const worklistRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/worklists/cadre',
    {
      schema: {
        tags,
        summary:
          "A cadre's work this month (我的工作): households not yet visited by days since the last visit, the diary due, returned entries",
        querystring: cadreWorklistQuery,
        response: { 200: cadreWorklistOut },
      },
    },
    (req) => service.cadreWorklist(app.db, actorOf(req), req.query),
  );
  app.get(
    '/api/worklists/reviewer',
    {
      schema: {
        tags,
        summary: "A reviewer's queue: submitted entries I may review, this quarter's samples",
        response: { 200: reviewerWorklistOut },
      },
    },
    (req) => service.reviewerWorklist(app.db, actorOf(req)),
  );
  app.get(
    '/api/worklists/admin',
    {
      schema: {
        tags,
        summary: 'Cadres behind on visits or diaries for a month, per cadre, village and unit, with counts',
        querystring: adminWorklistQuery,
        response: { 200: adminWorklistOut },
      },
    },
    (req) => service.adminWorklist(app.db, actorOf(req), req.query),
  );
  app.get(
    '/api/worklists/admin.xlsx',
    { schema: { tags, summary: 'The administrator’s work list as an Excel workbook', querystring: adminWorklistQuery } },
    async (req, reply) => {
      const { buffer, fileName } = await service.adminWorklistXlsx(app.db, actorOf(req), req.query);
      return reply
        .header('content-type', xlsxMime)
        .header('content-disposition', attachment(fileName, 'worklist.xlsx'))
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );
};
