import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import {
  createProgrammeBody,
  createRoundBody,
  enrolBody,
  enrolOut,
  idParams,
  leaveBody,
  participantListQuery,
  participantOut,
  participantPage,
  programmeListQuery,
  programmeOut,
  programmePage,
  templateListOut,
  updateParticipantBody,
  updateProgrammeBody,
  updateRoundBody,
} from './schemas.js';
import * as service from './service.js';

const tags = ['programmes'];

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/programmes/templates',
    {
      schema: {
        tags,
        summary: 'The five seed programmes (学一技联一户解一难, 联户带创, 挂包帮 …) to copy',
        response: { 200: templateListOut },
      },
    },
    async (req) => {
      actorOf(req);
      return service.listTemplates();
    },
  );

  app.get(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Programmes (活动) running in my scope, or above it',
        querystring: programmeListQuery,
        response: { 200: programmePage },
      },
    },
    async (req) => ({
      ...(await service.listProgrammes(app.db, actorOf(req), req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.post(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Create a programme: copy a template (fromTemplate) or give a whole definition; idempotent on id',
        body: createProgrammeBody,
        response: { 201: programmeOut },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createProgramme(app.db, actorOf(req), req.body)),
  );

  app.get(
    '/api/programmes/:id',
    {
      schema: { tags, summary: 'One programme with its rounds, requirements and rules', params: idParams, response: { 200: programmeOut } },
    },
    (req) => service.getProgramme(app.db, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Adjust a programme: name, period, requirements, rules, capacities, status (send the version you read)',
        params: idParams,
        body: updateProgrammeBody,
        response: { 200: programmeOut },
      },
    },
    (req) => service.updateProgramme(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/programmes/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Add a round (轮次) of resident cadres; answers the programme',
        params: idParams,
        body: createRoundBody,
        response: { 201: programmeOut },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addRound(app.db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/programme-rounds/:id',
    {
      schema: {
        tags,
        summary: 'Change a round’s name, dates or planned count (send the version you read); answers the programme',
        params: idParams,
        body: updateRoundBody,
        response: { 200: programmeOut },
      },
    },
    (req) => service.updateRound(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/programmes/:id/participants',
    {
      schema: {
        tags,
        summary: 'Cadres, units and branches enrolled in a programme, with tags, capacity and open household pairings',
        params: idParams,
        querystring: participantListQuery,
        response: { 200: participantPage },
      },
    },
    async (req) => ({
      ...(await service.listParticipants(app.db, actorOf(req), req.params.id, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.post(
    '/api/programmes/:id/participants',
    {
      schema: {
        tags,
        summary:
          'Enrol chosen subjects, or in bulk every active cadre of some ranks, a unit or a region; already enrolled ones are left as they are',
        params: idParams,
        body: enrolBody,
        response: { 200: enrolOut },
      },
    },
    (req) => service.enrol(app.db, actorOf(req), req.params.id, req.body),
  );

  app.patch(
    '/api/programme-participants/:id',
    {
      schema: {
        tags,
        summary: 'Change an enrolment’s tags, capacity, round or note (send the version you read)',
        params: idParams,
        body: updateParticipantBody,
        response: { 200: participantOut },
      },
    },
    (req) => service.updateParticipant(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/programme-participants/:id/leave',
    {
      schema: {
        tags,
        summary: 'A participant leaves the programme on a day (history kept)',
        params: idParams,
        body: leaveBody,
        response: { 200: participantOut },
      },
    },
    (req) => service.leave(app.db, actorOf(req), req.params.id, req.body),
  );
};
