import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../lib/pagination.js';
import { GrantSchema } from './auth.schema.js';
import {
  RoleGrantCreateSchema,
  UserAdminSchema,
  UserCreateSchema,
  UserListQuerySchema,
  UserUpdateSchema,
} from './users.schema.js';
import {
  createUser,
  getUser,
  grantRole,
  listUsers,
  revokeRole,
  setPassword,
  updateUser,
} from './users.service.js';

const UserParams = z.object({ id: z.string().uuid() });

export async function usersRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['users and roles'];

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Accounts of the organisation with their role grants',
        querystring: UserListQuerySchema,
        response: { 200: pageOf(UserAdminSchema) },
      },
      config: { permission: 'roles.read' },
    },
    async (req) => listUsers(req.ctx, req.query),
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account',
        body: UserCreateSchema,
        response: { 201: UserAdminSchema },
      },
      config: { permission: 'roles.manage' },
    },
    async (req, reply) => reply.code(201).send(await createUser(req.ctx, req.body)),
  );
  app.get(
    '/api/users/:id',
    {
      schema: { tags, summary: 'One account', params: UserParams, response: { 200: UserAdminSchema } },
      config: { permission: 'roles.read' },
    },
    async (req) => getUser(req.ctx, req.params.id),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Rename, disable or unlock an account',
        params: UserParams,
        body: UserUpdateSchema,
        response: { 200: UserAdminSchema },
      },
      config: { permission: 'roles.manage' },
    },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/users/:id/password',
    {
      schema: {
        tags,
        summary: 'Reset an account’s password',
        params: UserParams,
        body: z.strictObject({ password: z.string().min(10).max(200) }),
        response: { 204: z.null() },
      },
      config: { permission: 'roles.manage' },
    },
    async (req, reply) => {
      await setPassword(req.ctx, req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/users/:id/grants',
    {
      schema: {
        tags,
        summary: 'Grant a role on a scope',
        params: UserParams,
        body: RoleGrantCreateSchema,
        response: { 201: GrantSchema },
      },
      config: { permission: 'roles.manage' },
    },
    async (req, reply) => reply.code(201).send(await grantRole(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/users/:id/grants/:grantId',
    {
      schema: {
        tags,
        summary: 'Revoke a role grant',
        params: UserParams.extend({ grantId: z.string().uuid() }),
        response: { 204: z.null() },
      },
      config: { permission: 'roles.manage' },
    },
    async (req, reply) => {
      await revokeRole(req.ctx, req.params.id, req.params.grantId);
      return reply.code(204).send(null);
    },
  );
}
