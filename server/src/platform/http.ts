import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, statusOf, type ErrorCode, type FieldError } from './errors.js';
import { defaultMessage, langOf, type Lang } from './messages.js';
import type { Actor } from './actor.js';
import { safeError } from './log.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in user, or 401. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

function send(reply: FastifyReply, lang: Lang, code: ErrorCode, message?: string, fields?: FieldError[], current?: unknown) {
  return reply.status(statusOf(code)).send({
    error: { code, message: message ?? defaultMessage(code, lang), ...(fields ? { fields } : {}), ...(current !== undefined ? { current } : {}) },
  });
}

const zodMessagesZh: Record<string, string> = {
  invalid_type: '类型不正确或缺少此项',
  too_small: '内容太短或数值太小',
  too_big: '内容太长或数值太大',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含不认识的字段',
  custom: '内容不符合要求',
};

/** Postgres errors a request can legitimately cause, mapped to what the clerk should hear. */
function fromDatabase(err: unknown): ErrorCode | null {
  const code = (err as { code?: unknown; cause?: { code?: unknown } }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
  if (code === '23505') return 'duplicate';
  if (code === '23503') return 'conflict';
  // 22021: a character the encoding refuses (a NUL the text guard did not see, e.g. in a file).
  if (code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '22021') return 'validation_failed';
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err, request, reply) => {
    const lang = request.actor?.lang ?? langOf(request.headers);
    if (err instanceof AppError) {
      const msg = err.detail ? (lang === 'en' ? err.detail.en : err.detail.zh) : undefined;
      return send(reply, lang, err.code, msg, err.fields, err.current);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: [err.validationContext === 'querystring' ? 'query' : err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: lang === 'en' ? v.message ?? 'invalid' : (zodMessagesZh[String(v.params?.issue && (v.params.issue as { code?: string }).code)] ?? zodMessagesZh[String(v.keyword)] ?? '内容不符合要求'),
      }));
      return send(reply, lang, 'validation_failed', undefined, fields);
    }
    const dbCode = fromDatabase(err);
    if (dbCode) return send(reply, lang, dbCode);
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 429) return send(reply, lang, 'rate_limited');
    if (status === 413) return send(reply, lang, 'payload_too_large');
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, …
      return send(reply, lang, 'validation_failed', lang === 'en' ? (err as Error).message : `请求格式不正确：${(err as Error).message}`);
    }
    // Never the error itself: a driver's message carries the statement's parameters (platform/log.ts).
    request.log.error({ err: safeError(err) }, 'request failed');
    return send(reply, lang, 'internal');
  });
}
