import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http.js';
import * as service from './service.js';
import { createUserBody, idParams, resetPasswordBody, setStatusBody, updateUserBody, userList, userListQuery, userOut } from './schemas.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/users', { schema: { tags, summary: 'List users in my scope', querystring: userListQuery, response: { 200: userList } } }, async (req) => {
    const r = await service.listUsers(app.db, actorOf(req), req.query);
    return { ...r, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/users/:id', { schema: { tags, summary: 'One user', params: idParams, response: { 200: userOut } } }, (req) =>
    service.getUser(app.db, actorOf(req), req.params.id),
  );

  app.post('/api/users', { schema: { tags, summary: 'Create a user in my scope', body: createUserBody, response: { 201: userOut } } }, async (req, reply) => {
    const user = await service.createUser(app.db, actorOf(req), req.body);
    return reply.status(201).send(user);
  });

  app.patch('/api/users/:id', { schema: { tags, summary: 'Change a user (send the version you read)', params: idParams, body: updateUserBody, response: { 200: userOut } } }, (req) =>
    service.updateUser(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post('/api/users/:id/status', { schema: { tags, summary: 'Disable or enable an account', params: idParams, body: setStatusBody, response: { 200: userOut } } }, (req) =>
    service.setUserStatus(app.db, actorOf(req), req.params.id, req.body.version, req.body.status),
  );

  app.post('/api/users/:id/password', { schema: { tags, summary: 'Reset a password; the user must change it at next login', params: idParams, body: resetPasswordBody, response: { 200: userOut } } }, (req) =>
    service.resetPassword(app.db, actorOf(req), req.params.id, req.body.newPassword),
  );
};

