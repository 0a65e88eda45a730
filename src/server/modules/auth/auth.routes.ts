import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { SESSION_COOKIE } from '../../lib/http.js';
import { PERMISSIONS, type Permission } from '../../../shared/roles.js';
import { holds } from '../../lib/authz.js';
import { organisations } from '../organisations/organisations.table.js';
import { describeGrants } from './users.service.js';
import {
  ApiTokenCreateSchema,
  ApiTokenCreatedSchema,
  ApiTokenSchema,
  LoginResultSchema,
  LoginSchema,
  MeSchema,
  MeUpdateSchema,
  PasswordChangeSchema,
  UserSchema,
} from './auth.schema.js';
import {
  changeOwnPassword,
  createOwnApiToken,
  getOwnUser,
  listOwnApiTokens,
  revokeOwnApiToken,
  updateOwnUser,
} from './account.service.js';
import { login, logout } from './sessions.service.js';

const userView = (u: {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  employeeId: string | null;
  orgId: string;
}) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  locale: u.locale as 'ja' | 'en',
  employeeId: u.employeeId,
  orgId: u.orgId,
});

export async function authRoutes(
  root: FastifyInstance,
  { config, database }: { config: Config; database: Database },
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: LoginSchema,
        response: { 200: LoginResultSchema },
      },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await login(
        database.db,
        {
          maxFailures: config.loginMaxFailures,
          lockoutMinutes: config.lockoutMinutes,
          sessionDays: config.sessionDays,
        },
        req.body,
        { ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id },
      );
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        path: '/',
        expires: result.expiresAt,
      });
      return { user: userView(result.user), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'Sign out: ends the session', response: { 204: z.null() } },
      config: { public: true },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(database.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: { tags, summary: 'The signed-in user, their roles and locale', response: { 200: MeSchema } },
      config: { permission: 'self.manage' },
    },
    async (req) => {
      const ctx = req.ctx;
      const user = await getOwnUser(ctx);
      const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, ctx.orgId));
      const actor = req.principal!.actor;
      return {
        user: userView(user),
        organisation: { id: org.id, code: org.code, nameJa: org.nameJa, nameEn: org.nameEn },
        roles: await describeGrants(ctx, user.id),
        permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => holds(actor, p)),
        locale: user.locale as 'ja' | 'en',
        csrfToken: req.principal!.csrfToken ?? null,
      };
    },
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Change your language or display name',
        body: MeUpdateSchema,
        response: { 200: UserSchema },
      },
      config: { permission: 'self.manage' },
    },
    async (req) => userView(await updateOwnUser(req.ctx, req.body)),
  );

  app.put(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password; your other sessions end',
        body: PasswordChangeSchema,
        response: { 204: z.null() },
      },
      config: { permission: 'self.manage' },
    },
    async (req, reply) => {
      await changeOwnPassword(req.ctx, req.body, req.principal!.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Your personal API tokens',
        response: { 200: z.object({ items: z.array(ApiTokenSchema) }) },
      },
      config: { permission: 'self.manage' },
    },
    async (req) => ({ items: await listOwnApiTokens(req.ctx) }),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (the secret is shown once)',
        body: ApiTokenCreateSchema,
        response: { 201: ApiTokenCreatedSchema },
      },
      config: { permission: 'self.manage' },
    },
    async (req, reply) => reply.code(201).send(await createOwnApiToken(req.ctx, req.body)),
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: z.object({ id: z.string().uuid() }),
        response: { 204: z.null() },
      },
      config: { permission: 'self.manage' },
    },
    async (req, reply) => {
      await revokeOwnApiToken(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
