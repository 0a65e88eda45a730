import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../lib/pagination.js';
import {
  PayoutCreateSchema,
  PayoutDetailSchema,
  PayoutListQuerySchema,
  PayoutPaidSchema,
  PayoutSummarySchema,
} from './ledger.schema.js';
import {
  cancelPayout,
  createPayout,
  getPayout,
  listPayouts,
  markPayoutPaid,
  payoutCsv,
} from './payouts.service.js';

const PayoutParams = z.object({ id: z.string().uuid() });

/** Payouts: batches of what organisations are owed, a bank file, then marked paid (or cancelled). */
export async function payoutsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['payouts'];

  app.get(
    '/api/payouts',
    {
      schema: {
        tags,
        summary: 'Payouts, newest first',
        querystring: PayoutListQuerySchema,
        response: { 200: pageOf(PayoutSummarySchema) },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => listPayouts(req.ctx, req.query),
  );
  app.post(
    '/api/payouts',
    {
      schema: {
        tags,
        summary:
          'Draft a payout of one currency: a line per payable owed something (nothing_to_pay when none)',
        body: PayoutCreateSchema,
        response: { 201: PayoutDetailSchema },
      },
      config: { permission: 'ledger.manage' },
    },
    async (req, reply) => reply.code(201).send(await createPayout(req.ctx, req.body)),
  );
  app.get(
    '/api/payouts/:id',
    {
      schema: {
        tags,
        summary: 'One payout with its lines',
        params: PayoutParams,
        response: { 200: PayoutDetailSchema },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => getPayout(req.ctx, req.params.id),
  );
  app.get(
    '/api/payouts/:id.csv',
    {
      schema: {
        tags,
        summary: 'The bank file of a payout: one transfer per organisation (CSV, UTF-8 with BOM)',
        params: PayoutParams,
        produces: ['text/csv'],
      },
      config: { permission: 'ledger.read' },
    },
    async (req, reply) => {
      const file = await payoutCsv(req.ctx, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  app.post(
    '/api/payouts/:id/paid',
    {
      schema: {
        tags,
        summary: 'Mark a draft paid: posts the payout and closes its lines',
        params: PayoutParams,
        body: PayoutPaidSchema,
        response: { 200: PayoutDetailSchema },
      },
      config: { permission: 'ledger.manage' },
    },
    async (req) => markPayoutPaid(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/payouts/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a draft: its lines close and nothing is posted',
        params: PayoutParams,
        response: { 200: PayoutDetailSchema },
      },
      config: { permission: 'ledger.manage' },
    },
    async (req) => cancelPayout(req.ctx, req.params.id),
  );
}
