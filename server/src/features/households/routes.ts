import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import * as catalog from './catalog-service.js';
import * as incomes from './incomes-service.js';
import * as members from './members-service.js';
import {
  catalogEntryOut,
  catalogList,
  catalogQuery,
  createCatalogBody,
  createHouseholdBody,
  createMemberBody,
  householdDetail,
  householdListQuery,
  householdPage,
  householdStatusBody,
  idParams,
  incomeList,
  incomeOut,
  memberOut,
  memberStatusBody,
  personalOut,
  putIncomeBody,
  timelineOut,
  updateHouseholdBody,
  updateMemberBody,
  yearParams,
} from './schemas.js';
import * as service from './service.js';
import { changeHouseholdStatus } from './status-service.js';
import { householdTimeline } from './timeline.js';

const tags = ['households'];

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/households/catalog',
    {
      schema: {
        tags,
        summary: 'Household categories and poverty causes: built in, and those of regions in or above my scope',
        querystring: catalogQuery,
        response: { 200: catalogList },
      },
    },
    (req) => catalog.listCatalog(app.db, actorOf(req), req.query),
  );

  app.post(
    '/api/households/catalog',
    {
      schema: {
        tags,
        summary: 'Add a category or poverty cause for the households of a region (administrators)',
        body: createCatalogBody,
        response: { 201: catalogEntryOut },
      },
    },
    async (req, reply) => reply.status(201).send(await catalog.createCatalogEntry(app.db, actorOf(req), req.body)),
  );

  app.get(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'List households (农户) in my scope: filter, sort, page; ID numbers and phones masked unless my role may see them',
        querystring: householdListQuery,
        response: { 200: householdPage },
      },
    },
    async (req) => ({
      ...(await service.listHouseholds(app.db, actorOf(req), req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.post(
    '/api/households',
    {
      schema: {
        tags,
        summary: 'Register a household with its members (exactly one head)',
        body: createHouseholdBody,
        response: { 201: householdDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createHousehold(app.db, actorOf(req), req.body)),
  );

  app.get(
    '/api/households/:id',
    { schema: { tags, summary: 'One household with its members', params: idParams, response: { 200: householdDetail } } },
    (req) => service.getHousehold(app.db, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: "Change a household's own fields (send the version you read)",
        params: idParams,
        body: updateHouseholdBody,
        response: { 200: householdDetail },
      },
    },
    (req) => service.updateHousehold(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/households/:id/personal',
    {
      schema: {
        tags,
        summary:
          'Full ID numbers and phones of a household (administrators; the household’s own helper sees the phones); each view audited',
        params: idParams,
        response: { 200: personalOut },
      },
    },
    (req) => service.viewPersonal(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/households/:id/status',
    {
      schema: {
        tags,
        summary: 'A household moves, merges into another, is dissolved or restored (never deleted)',
        params: idParams,
        body: householdStatusBody,
        response: { 200: householdDetail },
      },
    },
    (req) => changeHouseholdStatus(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/households/:id/members',
    { schema: { tags, summary: 'Add a member to a household', params: idParams, body: createMemberBody, response: { 201: memberOut } } },
    async (req, reply) => reply.status(201).send(await members.addMember(app.db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/members/:id',
    {
      schema: {
        tags,
        summary: 'Change a member, or make them the head (send the version you read)',
        params: idParams,
        body: updateMemberBody,
        response: { 200: memberOut },
      },
    },
    (req) => members.updateMember(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/members/:id/status',
    {
      schema: {
        tags,
        summary: 'A member leaves, dies or comes back; a departing head names a successor',
        params: idParams,
        body: memberStatusBody,
        response: { 200: memberOut },
      },
    },
    (req) => members.changeMemberStatus(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/households/:id/incomes',
    { schema: { tags, summary: "A household's income by year", params: idParams, response: { 200: incomeList } } },
    (req) => incomes.listIncomes(app.db, actorOf(req), req.params.id),
  );

  app.put(
    '/api/households/:id/incomes/:year',
    {
      schema: {
        tags,
        summary: "Record a year's income items and costs (fen); per-capita net income is computed",
        params: yearParams,
        body: putIncomeBody,
        response: { 200: incomeOut },
      },
    },
    (req) => incomes.putIncome(app.db, actorOf(req), req.params.id, req.params.year, req.body),
  );

  app.get(
    '/api/households/:id/timeline',
    { schema: { tags, summary: "The household's dated history, newest first", params: idParams, response: { 200: timelineOut } } },
    (req) => householdTimeline(app.db, actorOf(req), req.params.id),
  );
};
