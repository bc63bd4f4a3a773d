import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { AppError } from './platform/errors.js';
import { registerErrorHandling } from './platform/http.js';
import { safeLogMethod, safeSerializers } from './platform/log.js';
import { langOf } from './platform/messages.js';
import { controlCharProblem } from './platform/text-guard.js';
import { auditRoutes } from './features/audit/routes.js';
import { registerAuth } from './features/auth/plugin.js';
import { authRoutes } from './features/auth/routes.js';
import { cadreRoutes } from './features/cadres/routes.js';
import { importRoutes } from './features/imports/routes.js';
import { recoverJobsOfThisRunner } from './features/imports/service.js';
import { householdRoutes } from './features/households/routes.js';
import { pairingRoutes } from './features/pairings/routes.js';
import { programmeRoutes } from './features/programmes/routes.js';
import { regionRoutes } from './features/regions/routes.js';
import { surveyRoutes } from './features/surveys/routes.js';
import { unitRoutes } from './features/units/routes.js';
import { userRoutes } from './features/users/routes.js';
import { visitRoutes } from './features/visits/routes.js';
import { diaryRoutes } from './features/diaries/routes.js';
import { reviewRoutes } from './features/reviews/routes.js';
import { worklistRoutes } from './features/worklists/routes.js';
import { notificationRoutes } from './features/notifications/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
}

const healthOut = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  /** The database server's version() string. */
  engine: z.string(),
  version: z.string(),
});

export async function buildApp(
  database: Database,
  config: Config,
  opts: { logLevel?: string; /** false: no database behind (the OpenAPI script) */ recoverJobs?: boolean } = {},
): Promise<FastifyInstance> {
  // A log stream (tests) gets everything, so a scan of it proves what no level writes.
  const level = opts.logLevel ?? (config.logStream ? 'trace' : undefined);
  const app = Fastify({
    logger: level
      ? {
          level,
          serializers: safeSerializers,
          hooks: { logMethod: safeLogMethod },
          ...(config.logStream ? { stream: config.logStream } : {}),
        }
      : false,
    bodyLimit: 2 * 1024 * 1024,
    // The client's address is the socket's unless a configured proxy forwards it (config.trustProxy).
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('config', config);
  registerErrorHandling(app);
  app.addHook('preValidation', async (req) => {
    for (const [root, value] of [
      ['body', req.body],
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      const problem = controlCharProblem(root, value);
      if (problem)
        throw new AppError('validation_failed', undefined, [
          {
            path: problem.path,
            message: req.actor?.lang === 'en' || langOf(req.headers) === 'en' ? problem.message.en : problem.message.zh,
          },
        ]);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd (cssinjs) and swagger-ui inject styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  // Uploads are streamed part by part (features/imports); limits are set per route.
  await app.register(multipart);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lianhu 联户 API',
        version: config.version,
        description: 'Pairing cadres with rural households: regions, users, audit and more.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lianhu_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, config);

  // Asked once: the answer stays the same while the process lives, and health is polled often.
  let engine: Promise<string> | undefined;
  const askEngine = async () =>
    ((await database.db.execute(sql`select version() as v`)) as unknown as { rows: { v: string }[] }).rows[0]!.v;
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and which database is in use', response: { 200: healthOut } } },
    async () => ({
      status: 'ok' as const,
      database: database.kind,
      engine: await (engine ??= askEngine().catch((err: unknown) => {
        engine = undefined;
        throw err;
      })),
      version: config.version,
    }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The import jobs this server was running when it stopped died with it (imports/service.ts).
  if (opts.recoverJobs !== false)
    app.addHook('onReady', async () => {
      await recoverJobsOfThisRunner(database.db, (err) => app.log.error(err));
    });

  await app.register(authRoutes);
  await app.register(regionRoutes);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(cadreRoutes);
  await app.register(householdRoutes);
  await app.register(surveyRoutes);
  await app.register(auditRoutes);
  await app.register(importRoutes);
  await app.register(visitRoutes);
  await app.register(diaryRoutes);
  await app.register(reviewRoutes);
  await app.register(worklistRoutes);
  await app.register(notificationRoutes);
  await app.register(programmeRoutes);
  await app.register(pairingRoutes);

  // The built web client, with client-side routes falling back to index.html.
  const hasWeb = fs.existsSync(`${config.webDist}/index.html`);
  // wildcard: files added by a rebuild are served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDist, wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    // A missing asset must 404, not get index.html (a stale page would then load HTML as script).
    const isFile = /\.[a-z0-9]+$/i.test(req.url.split('?')[0]!);
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET' || isFile) throw new AppError('not_found');
    return reply.sendFile('index.html');
  });
  return app;
}
