import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import * as service from './service.js';
import { cadreListQuery, cadreOut, cadrePage, createCadreBody, idParams, updateCadreBody } from './schemas.js';

const tags = ['cadres'];

export const cadreRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/cadres', { schema: { tags, summary: 'List cadres (干部/帮扶责任人) in my scope and above it', querystring: cadreListQuery, response: { 200: cadrePage } } }, async (req) => ({
    ...(await service.listCadres(app.db, actorOf(req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));

  app.post('/api/cadres', { schema: { tags, summary: 'Register one cadre by hand (administrators, in my scope); idempotent on the client id', body: createCadreBody, response: { 201: cadreOut } } }, async (req, reply) =>
    reply.status(201).send(await service.createCadre(app.db, actorOf(req), req.body)),
  );

  app.get('/api/cadres/:id', { schema: { tags, summary: 'One cadre', params: idParams, response: { 200: cadreOut } } }, (req) =>
    service.getCadre(app.db, actorOf(req), req.params.id),
  );

  app.patch('/api/cadres/:id', { schema: { tags, summary: 'Change a cadre or link their login account (send the version you read)', params: idParams, body: updateCadreBody, response: { 200: cadreOut } } }, (req) =>
    service.updateCadre(app.db, actorOf(req), req.params.id, req.body),
  );
};
