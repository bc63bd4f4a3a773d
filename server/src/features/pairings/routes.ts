import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment, xlsxMime } from '../../platform/excel.js';
import { actorOf } from '../../platform/http.js';
import * as checks from './check-service.js';
import { handover } from './handover.js';
import {
  acceptBody,
  acceptOut,
  checkExportQuery,
  checkOut,
  checkQuery,
  createPairingBody,
  endPairingBody,
  handoverBody,
  handoverOut,
  helpersOut,
  idParams,
  myHouseholdsOut,
  myHouseholdsQuery,
  myVillagesOut,
  pairingListQuery,
  pairingOut,
  pairingPage,
  proposalsOut,
  proposalsQuery,
} from './schemas.js';
import * as service from './service.js';

const tags = ['pairings'];

export const pairingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/pairings',
    {
      schema: {
        tags,
        summary: 'Pairings (结对) whose target is in my scope, filtered by programme, helper, target, region, role, day',
        querystring: pairingListQuery,
        response: { 200: pairingPage },
      },
    },
    async (req) => ({
      ...(await service.listPairings(app.db, actorOf(req), req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.post(
    '/api/pairings',
    {
      schema: {
        tags,
        summary: 'Pair a helper with a target by hand (role shape, dates, scope, no duplicate, one lead); idempotent on id',
        body: createPairingBody,
        response: { 201: pairingOut },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPairing(app.db, actorOf(req), req.body)),
  );

  app.get('/api/pairings/:id', { schema: { tags, summary: 'One pairing', params: idParams, response: { 200: pairingOut } } }, (req) =>
    service.getPairing(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/pairings/:id/end',
    {
      schema: {
        tags,
        summary: 'End a pairing on a day with a reason (kept for history; send the version you read)',
        params: idParams,
        body: endPairingBody,
        response: { 200: pairingOut },
      },
    },
    (req) => service.endPairing(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/pairings/handover',
    {
      schema: {
        tags,
        summary: 'Hand over cadres’ pairings (all or chosen) to other cadres on a day, in one step, linked and with a note',
        body: handoverBody,
        response: { 200: handoverOut },
      },
    },
    (req) => handover(app.db, actorOf(req), req.body),
  );

  app.get(
    '/api/programmes/:id/check',
    {
      schema: {
        tags,
        summary: 'Rule check of a programme in a region on a day: every breach with counts per kind, paged',
        params: idParams,
        querystring: checkQuery,
        response: { 200: checkOut },
      },
    },
    (req) => checks.checkRules(app.db, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/api/programmes/:id/check.xlsx',
    { schema: { tags, summary: 'The rule check as .xlsx (counts and every breach)', params: idParams, querystring: checkExportQuery } },
    async (req, reply) => {
      const r = await checks.exportCheck(app.db, actorOf(req), req.params.id, req.query);
      return reply
        .header('content-type', xlsxMime)
        .header('content-disposition', attachment(r.fileName, 'rule-check.xlsx'))
        .header('cache-control', 'no-store')
        .send(r.stream);
    },
  );

  app.get(
    '/api/programmes/:id/proposals',
    {
      schema: {
        tags,
        summary: 'The assistant: proposed pairings filling missing pairings and uncovered households, for review',
        params: idParams,
        querystring: proposalsQuery,
        response: { 200: proposalsOut },
      },
    },
    (req) => checks.proposals(app.db, actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/programmes/:id/proposals/accept',
    {
      schema: {
        tags,
        summary:
          'Accept chosen proposals as pairings in one transaction, re-checked (409 if they would add a breach); idempotent on item ids',
        params: idParams,
        body: acceptBody,
        response: { 200: acceptOut },
      },
    },
    (req) => checks.acceptProposals(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/me/households',
    {
      schema: {
        tags,
        summary: 'My households: open household pairings of the cadre linked to my account',
        querystring: myHouseholdsQuery,
        response: { 200: myHouseholdsOut },
      },
    },
    (req) => service.myHouseholds(app.db, actorOf(req), req.query),
  );

  app.get(
    '/api/me/villages',
    {
      schema: {
        tags,
        summary: 'My villages: where my linked cadre’s pairings are, with resident postings and leader links',
        response: { 200: myVillagesOut },
      },
    },
    (req) => service.myVillages(app.db, actorOf(req)),
  );

  app.get(
    '/api/households/:id/helpers',
    { schema: { tags, summary: 'A household’s helpers past and present (its pairings)', params: idParams, response: { 200: helpersOut } } },
    (req) => service.helpersOf(app.db, actorOf(req), req.params.id),
  );
};
