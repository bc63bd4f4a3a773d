import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import * as historyService from './history-service.js';
import * as loading from './load-service.js';
import * as service from './service.js';
import {
  childrenQuery,
  codeParams,
  createGroupBody,
  divisionChoiceList,
  divisionsQuery,
  historicRegionBody,
  regionEventOut,
  regionHistory,
  renameBody,
  successionBody,
  loadBody,
  loadReport,
  regionDetail,
  regionList,
  regionPage,
  searchQuery,
  updateRegionBody,
} from './schemas.js';

const tags = ['regions'];

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/regions/roots', { schema: { tags, summary: 'The top of my scope', response: { 200: regionList } } }, async (req) => ({
    items: await service.rootsOf(app.db, actorOf(req)),
  }));

  app.get('/api/regions', { schema: { tags, summary: 'Search regions by name, code or pinyin initials', querystring: searchQuery, response: { 200: regionPage } } }, async (req) => ({
    ...(await service.searchRegions(app.db, actorOf(req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));

  app.get('/api/regions/:code', { schema: { tags, summary: 'One region with its path', params: codeParams, response: { 200: regionDetail } } }, (req) =>
    service.getRegion(app.db, actorOf(req), req.params.code),
  );

  app.get('/api/regions/:code/children', { schema: { tags, summary: 'Children of a region', params: codeParams, querystring: childrenQuery, response: { 200: regionList } } }, async (req) => ({
    items: await service.childrenOf(app.db, actorOf(req), req.params.code, req.query.includeExpired, req.query.includePredecessors),
  }));

  app.post('/api/regions', { schema: { tags, summary: 'Add a group (组/社) under a village', body: createGroupBody, response: { 201: regionDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.createGroup(app.db, actorOf(req), req.body)),
  );

  app.patch('/api/regions/:code', { schema: { tags, summary: 'Rename a group or set validity dates', params: codeParams, body: updateRegionBody, response: { 200: regionDetail } } }, (req) =>
    service.updateRegion(app.db, actorOf(req), req.params.code, req.body),
  );

  app.get('/api/regions/divisions', { schema: { tags, summary: 'Provinces, cities or counties of the national extract, to choose what to load', querystring: divisionsQuery, response: { 200: divisionChoiceList } } }, async (req) => ({
    items: await loading.divisionChoices(app.db, actorOf(req), req.query.under),
  }));

  app.post('/api/regions/load', { schema: { tags, summary: 'Load a province, city or county of the national extract (idempotent)', body: loadBody, response: { 200: loadReport } } }, (req) =>
    loading.loadForActor(app.db, actorOf(req), req.body.code),
  );

  app.get('/api/regions/:code/history', { schema: { tags, summary: 'Names over time, predecessors, successors and recorded changes of a region', params: codeParams, response: { 200: regionHistory } } }, (req) =>
    historyService.regionHistory(app.db, actorOf(req), req.params.code),
  );

  app.post('/api/regions/historic', { schema: { tags, summary: 'Add a township, village or group that no longer exists', body: historicRegionBody, response: { 201: regionDetail } } }, async (req, reply) =>
    reply.status(201).send(await historyService.createHistoricRegion(app.db, actorOf(req), req.body)),
  );

  app.post('/api/regions/events', { schema: { tags, summary: 'Record a merge or split on a day', body: successionBody, response: { 201: regionEventOut } } }, async (req, reply) =>
    reply.status(201).send(await historyService.recordSuccession(app.db, actorOf(req), req.body)),
  );

  app.post('/api/regions/:code/rename', { schema: { tags, summary: 'Record a rename on a day (the code stays; the old name is kept)', params: codeParams, body: renameBody, response: { 200: regionDetail } } }, (req) =>
    historyService.renameRegion(app.db, actorOf(req), req.params.code, req.body),
  );
};
