import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ZodError } from 'zod';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';
import { createI18n, localeFromAcceptLanguage } from '../../shared/i18n/index.js';
import type { Locale } from '../../shared/fiscal-year.js';
import type { Permission } from '../../shared/roles.js';
import {
  principalFromApiToken,
  principalFromSession,
  type Principal,
} from '../modules/auth/sessions.service.js';
import { holds } from './authz.js';
import type { Ctx } from './context.js';
import { AppError, type FieldIssue } from './errors.js';

export const SESSION_COOKIE = 'kyosei_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller must hold; omit only together with `public: true`. */
    permission?: Permission;
    /** Reachable without signing in. */
    public?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    authVia: 'session' | 'token' | null;
    locale: Locale;
    /** The service context of a signed-in caller (throws unauthenticated when there is none). */
    ctx: Ctx;
  }
}

const i18n = createI18n('en');
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The message for an error code in a language. */
export function message(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entity = typeof params.entity === 'string' ? params.entity : undefined;
  const entityName =
    entity && i18n.exists(`errors:entity.${entity}`, { lng: locale })
      ? i18n.t(`errors:entity.${entity}`, { lng: locale })
      : entity;
  return i18n.t(`errors:${code}`, { lng: locale, ...params, entity: entityName });
}

function zodIssuesToFields(issues: ZodError['issues'] | readonly any[], prefix?: string): FieldIssue[] {
  return issues.map((issue: any) => {
    const path = [prefix, ...(issue.path ?? [])].filter((p) => p !== undefined && p !== '').join('.');
    const code =
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'required'
        : issue.code === 'invalid_string' || issue.code === 'invalid_format'
          ? 'invalid_format'
          : issue.code === 'invalid_enum_value'
            ? 'invalid_value'
            : issue.code;
    return { path, code };
  });
}

/** Turns any thrown value into an AppError; unknown errors become `internal`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError)
    return new AppError('validation_failed', { fields: zodIssuesToFields(err.issues) });
  const e = err as { code?: string; statusCode?: number; validation?: unknown; validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = (err as any).validation.map((v: any) => ({
      ...v.params,
      code: v.keyword,
      path: String(v.instancePath).split('/').filter(Boolean),
    }));
    const unknown = issues.filter((i: any) => i.code === 'unrecognized_keys');
    const ctxName = (err as any).validationContext === 'body' ? undefined : (err as any).validationContext;
    if (unknown.length) {
      const keys = unknown.flatMap((i: any) => i.keys.map((k: string) => [...i.path, k].join('.')));
      return new AppError('unknown_field', {
        params: { fields: keys.join(', ') },
        fields: keys.map((k: string) => ({ path: k, code: 'unknown_field' })),
      });
    }
    return new AppError('validation_failed', { fields: zodIssuesToFields(issues, ctxName) });
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type');
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new AppError('bad_request');
  if (e.statusCode === 429) return new AppError('too_many_requests');
  if (e.statusCode === 404) return new AppError('not_found', { params: { entity: 'route' } });
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500 && e.validation)
    return new AppError('validation_failed');
  if (e.statusCode === 400) return new AppError('bad_request');
  // 23505 unique_violation, 23503 foreign_key_violation, 23514 check_violation from PostgreSQL.
  const pgCode = (err as any)?.cause?.code ?? e.code;
  if (pgCode === '23505') return new AppError('duplicate', { params: { entity: 'record' } });
  if (pgCode === '23503') return new AppError('conflict', { params: { detail: 'referenced record' } });
  if (pgCode === '23514') return new AppError('validation_failed');
  return new AppError('internal');
}

function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError, limit: number) {
  const locale = req.locale ?? 'en';
  const params = { ...err.params, requestId: req.id, limit };
  return reply
    .code(err.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:kyosei:problem:${err.code}`,
      title: err.code,
      status: err.status,
      code: err.code,
      detail: message(err.code, locale, params),
      instance: req.url.split('?')[0],
      requestId: req.id,
      fields: err.fields.map((f) => ({
        ...f,
        message: f.message ?? message(`field.${f.code}`, locale, f as any),
      })),
    });
}

/** Is this an unsafe request that a browser made (it sends Origin or Sec-Fetch-Site on every one)? */
function fromBrowser(req: FastifyRequest): boolean {
  return req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined;
}

export const httpPlumbing = fp(async (app: FastifyInstance, opts: { config: Config; database: Database }) => {
  const { config, database } = opts;
  app.decorateRequest('principal', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('locale', 'ja');
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest) {
      if (!this.principal) throw new AppError('unauthenticated');
      return {
        orgId: this.principal.orgId,
        actor: this.principal.actor,
        locale: this.locale,
        db: database.db,
        requestId: this.id,
      } satisfies Ctx;
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const auth = req.headers.authorization;
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (auth?.startsWith('Bearer ')) {
      req.principal = await principalFromApiToken(database.db, auth.slice(7).trim());
      req.authVia = req.principal ? 'token' : null;
    } else if (cookie) {
      req.principal = await principalFromSession(database.db, cookie, config.sessionDays);
      req.authVia = req.principal ? 'session' : null;
    }
    req.locale = localeFromAcceptLanguage(req.headers['accept-language']) ?? req.principal?.locale ?? 'ja';
  });

  app.addHook('preValidation', async (req) => {
    const routeConfig = req.routeOptions.config;
    if (!req.routeOptions.url?.startsWith('/api/') || routeConfig.public) return;
    if (!req.principal) throw new AppError('unauthenticated');
    if (!routeConfig.permission) throw new AppError('forbidden');
    if (!holds(req.principal.actor, routeConfig.permission)) {
      throw new AppError('forbidden', { params: { permission: routeConfig.permission } });
    }
    // CSRF: a state-changing request carried by the session cookie must show the session's token
    // when a browser sent it. Bearer tokens are not sent by browsers on their own.
    if (UNSAFE.has(req.method) && req.authVia === 'session' && fromBrowser(req)) {
      if (req.headers[CSRF_HEADER] !== req.principal.csrfToken) throw new AppError('csrf_failed');
    }
  });

  app.setErrorHandler((error, req, reply) => {
    if (isResponseSerializationError(error))
      req.log.error({ err: error }, 'response did not match its schema');
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, 'request failed');
    return sendProblem(req, reply, appError, config.bodyLimit);
  });

  app.setNotFoundHandler((req, reply) =>
    sendProblem(req, reply, new AppError('not_found', { params: { entity: req.url } }), config.bodyLimit),
  );
});

/** A problem+json body for the OpenAPI responses. */
export { sendProblem };
