import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import * as service from './service.js';
import { branchListQuery, branchOut, branchPage, createBranchBody, createUnitBody, idParams, unitListQuery, unitOut, unitPage, updateUnitBody } from './schemas.js';

const tags = ['units'];

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/units', { schema: { tags, summary: 'List units (单位) in my scope and above it', querystring: unitListQuery, response: { 200: unitPage } } }, async (req) => ({
    ...(await service.listUnits(app.db, actorOf(req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));

  app.get('/api/units/:id', { schema: { tags, summary: 'One unit', params: idParams, response: { 200: unitOut } } }, (req) =>
    service.getUnit(app.db, actorOf(req), req.params.id),
  );

  app.post('/api/units', { schema: { tags, summary: 'Create a unit in my scope', body: createUnitBody, response: { 201: unitOut } } }, async (req, reply) =>
    reply.status(201).send(await service.createUnit(app.db, actorOf(req), req.body)),
  );

  app.patch('/api/units/:id', { schema: { tags, summary: 'Change a unit (send the version you read)', params: idParams, body: updateUnitBody, response: { 200: unitOut } } }, (req) =>
    service.updateUnit(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get('/api/branches', { schema: { tags, summary: 'List party branches (党支部) in my scope and above it', querystring: branchListQuery, response: { 200: branchPage } } }, async (req) => ({
    ...(await service.listBranches(app.db, actorOf(req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));

  app.get('/api/branches/:id', { schema: { tags, summary: 'One party branch', params: idParams, response: { 200: branchOut } } }, (req) =>
    service.getBranch(app.db, actorOf(req), req.params.id),
  );

  app.post('/api/branches', { schema: { tags, summary: "Create a village's or a unit's party branch", body: createBranchBody, response: { 201: branchOut } } }, async (req, reply) =>
    reply.status(201).send(await service.createBranch(app.db, actorOf(req), req.body)),
  );
};
