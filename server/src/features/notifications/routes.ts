import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import { idParams, notificationListQuery, notificationOut, notificationPage } from './schemas.js';
import * as service from './service.js';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications (due and overdue work, returned entries, reviews waiting), newest first, with the unread count',
        querystring: notificationListQuery,
        response: { 200: notificationPage },
      },
    },
    async (req) => ({
      ...(await service.listNotifications(app.db, actorOf(req), req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: { 200: notificationOut } } },
    (req) => service.markRead(app.db, actorOf(req), req.params.id),
  );
};
