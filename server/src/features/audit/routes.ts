import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import { auditPage, auditQuery } from './schemas.js';
import { listAudit } from './service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit', { schema: { tags: ['audit'], summary: 'Browse the audit log of my scope', querystring: auditQuery, response: { 200: auditPage } } }, async (req) => ({
    ...(await listAudit(app.db, actorOf(req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));
};
