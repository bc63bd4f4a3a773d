import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import * as answers from './answers-service.js';
import { answerList, answerOut, answerParams, createFormBody, formListQuery, formOut, formPage, formParams, formQuery, putAnswersBody, templateList, updateFormBody } from './schemas.js';
import * as service from './service.js';
import { z } from 'zod';

const tags = ['surveys'];

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/surveys/templates', { schema: { tags, summary: 'Built-in survey forms to copy (贫困户调查表, seed 003)', response: { 200: templateList } } }, async (req) => {
    actorOf(req);
    return service.listTemplates();
  });

  app.get('/api/surveys/forms', { schema: { tags, summary: 'Survey forms of my scope and the regions above it', querystring: formListQuery, response: { 200: formPage } } }, async (req) => ({
    ...(await service.listForms(app.db, actorOf(req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));

  app.post('/api/surveys/forms', { schema: { tags, summary: 'Define a survey form (sections and items), or copy a template', body: createFormBody, response: { 201: formOut } } }, async (req, reply) =>
    reply.status(201).send(await service.createForm(app.db, actorOf(req), req.body)),
  );

  app.get('/api/surveys/forms/:id', { schema: { tags, summary: 'A survey form as of its current version, or of ?version=N', params: formParams, querystring: formQuery, response: { 200: formOut } } }, (req) =>
    service.getForm(app.db, actorOf(req), req.params.id, req.query.version),
  );

  app.put('/api/surveys/forms/:id', { schema: { tags, summary: 'Rename, retire or reshape a form; new sections make a new form version', params: formParams, body: updateFormBody, response: { 200: formOut } } }, (req) =>
    service.updateForm(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get('/api/households/:id/surveys', { schema: { tags, summary: "A household's survey answers by year, each with the form version it was answered on", params: z.object({ id: z.uuid() }), response: { 200: answerList } } }, (req) =>
    answers.listAnswers(app.db, actorOf(req), req.params.id),
  );

  app.put('/api/households/:id/surveys/:formId/:year', { schema: { tags, summary: "Save a household's survey for a year (checked against the form's current version)", params: answerParams, body: putAnswersBody, response: { 200: answerOut } } }, (req) =>
    answers.putAnswers(app.db, actorOf(req), req.params.id, req.params.formId, req.params.year, req.body),
  );
};
