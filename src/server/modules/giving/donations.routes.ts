import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { contentDisposition } from '../files/files.service.js';
import { confirmDonation } from './donations.confirm.js';
import { donationsCsv } from './donations.export.js';
import { getDonation, listDonations, listMyDonations } from './donations.list.js';
import { myDonationReceipt } from './donations.receipt.js';
import {
  DonationAdminSchema,
  DonationCreateSchema,
  DonationCsvQuerySchema,
  DonationDetailSchema,
  DonationListQuerySchema,
  DonationPageSchema,
  DonationParamsSchema,
  DonationReceiptSchema,
  DonationResultSchema,
  DonationStatusUpdateSchema,
  MyDonationsPageSchema,
  MyDonationsQuerySchema,
  ReceiptQuerySchema,
} from './donations.schema.js';
import { donate } from './donations.service.js';
import { donationWebhookRoutes } from './donations.webhook.js';

/** Employee donations: giving, one's history and receipt, finance's list and payment confirmations. */
export async function donationsRoutes(root: FastifyInstance, opts: { config: Config; database: Database }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['donations'];

  app.post(
    '/api/donations',
    {
      schema: {
        tags,
        summary: 'Donate points (paid at once) or pledge money to a campaign or an organisation',
        description:
          'Give `campaignId` or `organisationId` (or both: a beneficiary of the campaign), and `points` or `amountMinor` with `currency`. The same `idempotencyKey` answers the same donation again.',
        body: DonationCreateSchema,
        response: { 201: DonationResultSchema },
      },
      config: { permission: 'giving.join' },
    },
    async (req, reply) => reply.code(201).send(await donate(req.ctx, req.body)),
  );
  app.get(
    '/api/me/donations',
    {
      schema: {
        tags,
        summary: 'My donations, newest first',
        querystring: MyDonationsQuerySchema,
        response: { 200: MyDonationsPageSchema },
      },
      config: { permission: 'giving.join' },
    },
    async (req) => listMyDonations(req.ctx, req.query),
  );
  app.get(
    '/api/me/donations/receipt',
    {
      schema: {
        tags,
        summary: 'My donation receipt for a fiscal year: the donations paid in it, with totals',
        querystring: ReceiptQuerySchema,
        response: { 200: DonationReceiptSchema },
      },
      config: { permission: 'giving.join' },
    },
    async (req) => myDonationReceipt(req.ctx, req.query),
  );
  app.get(
    '/api/donations',
    {
      schema: {
        tags,
        summary: 'Employee donations in the caller’s scope',
        querystring: DonationListQuerySchema,
        response: { 200: DonationPageSchema },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => listDonations(req.ctx, req.query),
  );
  app.get(
    '/api/donations.csv',
    {
      schema: {
        tags,
        summary: 'The same donations as a CSV worklist for payroll or the payment provider (UTF-8 with BOM)',
        description:
          'In the layout of `kyosei import donation-payments`: fill in `status` (paid or failed) and `external_ref`, then import the file.',
        querystring: DonationCsvQuerySchema,
        produces: ['text/csv'],
      },
      config: { permission: 'ledger.read' },
    },
    async (req, reply) => {
      const { fileName, body } = await donationsCsv(req.ctx, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(fileName, 'attachment'))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
  app.get(
    '/api/donations/:id',
    {
      schema: {
        tags,
        summary: 'One donation with the payment confirmations received for it',
        params: DonationParamsSchema,
        response: { 200: DonationDetailSchema },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => getDonation(req.ctx, req.params.id),
  );
  app.post(
    '/api/donations/:id/status',
    {
      schema: {
        tags,
        summary: 'Confirm a payment: paid (posts it and the match), failed, or refunded (reverses both)',
        params: DonationParamsSchema,
        body: DonationStatusUpdateSchema,
        response: { 200: DonationAdminSchema },
      },
      config: { permission: 'ledger.manage' },
    },
    async (req) => {
      const { donation } = await confirmDonation(req.ctx, {
        donationId: req.params.id,
        status: req.body.status,
        eventId: req.body.eventId,
        externalRef: req.body.externalRef,
        source: 'app',
      });
      return donation;
    },
  );
  await app.register(donationWebhookRoutes, opts);
}
