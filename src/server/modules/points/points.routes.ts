import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../lib/pagination.js';
import { myBalance, myHistory, pointsAccounts } from './points.balance.js';
import { expireFiscalYear } from './points.expiry.js';
import {
  ExpiryRequestSchema,
  ExpiryResultSchema,
  GrantCreateSchema,
  GrantListQuerySchema,
  GrantParamsSchema,
  GrantSchema,
  PointsAccountsSchema,
  PointsBalanceSchema,
  PointsHistoryQuerySchema,
  PointsMovementSchema,
} from './points.schema.js';
import { getGrant, grantPoints, listGrants } from './points.service.js';

/** Cafeteria points: the employee's balance and history, finance's grants, summary and expiry. */
export async function pointsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['points'];

  app.get(
    '/api/points/balance',
    {
      schema: {
        tags,
        summary: 'Your points per fiscal year (newest first): balance, granted, spent, expired',
        response: { 200: PointsBalanceSchema },
      },
      config: { permission: 'giving.join' },
    },
    async (req) => myBalance(req.ctx),
  );
  app.get(
    '/api/points/history',
    {
      schema: {
        tags,
        summary: 'Every movement of your points, newest first',
        querystring: PointsHistoryQuerySchema,
        response: { 200: pageOf(PointsMovementSchema) },
      },
      config: { permission: 'giving.join' },
    },
    async (req) => myHistory(req.ctx, req.query),
  );
  app.get(
    '/api/points/grants',
    {
      schema: {
        tags,
        summary: 'Point grants in your scope, newest first',
        querystring: GrantListQuerySchema,
        response: { 200: pageOf(GrantSchema) },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => listGrants(req.ctx, req.query),
  );
  app.get(
    '/api/points/grants/:postingId',
    {
      schema: {
        tags,
        summary: 'One point grant',
        params: GrantParamsSchema,
        response: { 200: GrantSchema },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => getGrant(req.ctx, req.params.postingId),
  );
  app.post(
    '/api/points/grants',
    {
      schema: {
        tags,
        summary:
          'Grant points to an employee for a fiscal year that has not ended; the same reference with the same content answers the same grant',
        body: GrantCreateSchema,
        response: { 201: GrantSchema },
      },
      config: { permission: 'points.manage' },
    },
    async (req, reply) => reply.code(201).send(await grantPoints(req.ctx, req.body)),
  );
  app.get(
    '/api/points/accounts',
    {
      schema: {
        tags,
        summary: 'The points plan per fiscal year: granted, reimbursed, donated, expired, outstanding',
        response: { 200: PointsAccountsSchema },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => pointsAccounts(req.ctx),
  );
  app.post(
    '/api/points/expiry',
    {
      schema: {
        tags,
        summary: 'Expire the points left in a fiscal year that has ended (safe to run again)',
        body: ExpiryRequestSchema,
        response: { 200: ExpiryResultSchema },
      },
      config: { permission: 'points.manage' },
    },
    async (req) => expireFiscalYear(req.ctx, req.body.fiscalYear),
  );
}
