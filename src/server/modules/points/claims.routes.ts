import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { pageOf } from '../../lib/pagination.js';
import { contentDisposition } from '../files/files.service.js';
import { decideClaim } from './claims.decide.js';
import {
  ClaimApproveSchema,
  ClaimCreateSchema,
  ClaimListQuerySchema,
  ClaimParamsSchema,
  ClaimRejectSchema,
  ClaimSchema,
  EligibleSchema,
  ReceiptQuerySchema,
  ReimbursementListQuerySchema,
  ReimbursementPageSchema,
  ReimbursementCsvQuerySchema,
} from './claims.schema.js';
import {
  claimReceipt,
  createClaim,
  eligibleActivities,
  getClaim,
  listClaims,
  listMyClaims,
  withdrawClaim,
} from './claims.service.js';
import { listReimbursements, reimbursementsCsv } from './reimbursements.service.js';

/**
 * Volunteer expense support: employees claim points for the transport of activities they attended,
 * promoters and CSR managers approve (which posts the points) or reject, finance exports what was paid.
 */
export async function claimsRoutes(root: FastifyInstance, opts: { config: Config }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['claims'];
  const baseUrl = (req: FastifyRequest) =>
    (opts.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

  app.get(
    '/api/claims/eligible',
    {
      schema: {
        tags,
        summary: 'The caller’s attended activities that allow a transport claim and have none yet',
        response: { 200: EligibleSchema },
      },
      config: { permission: 'giving.join' },
    },
    async (req) => eligibleActivities(req.ctx),
  );
  app.post(
    '/api/claims',
    {
      schema: {
        tags,
        summary: 'Claim points for the transport of an attended activity (waits for approval)',
        body: ClaimCreateSchema,
        response: { 201: ClaimSchema },
      },
      config: { permission: 'giving.join' },
    },
    async (req, reply) => reply.code(201).send(await createClaim(req.ctx, req.body)),
  );
  app.get(
    '/api/claims/mine',
    {
      schema: {
        tags,
        summary: 'The caller’s own claims, newest first',
        response: { 200: z.object({ items: z.array(ClaimSchema) }) },
      },
      config: { permission: 'giving.join' },
    },
    async (req) => listMyClaims(req.ctx),
  );
  app.get(
    '/api/claims',
    {
      schema: {
        tags,
        summary: 'Claims of the employees in the caller’s scope; the approvals queue is status=pending',
        querystring: ClaimListQuerySchema,
        response: { 200: pageOf(ClaimSchema) },
      },
      config: { permission: 'claims.approve' },
    },
    async (req) => listClaims(req.ctx, req.query),
  );
  // Readable by the claimant, approvers in scope and finance: the service decides, so the route asks
  // only for a signed-in account (self.read is held by every role).
  app.get(
    '/api/claims/:id',
    {
      schema: {
        tags,
        summary: 'One claim (the claimant, approvers in scope, finance)',
        params: ClaimParamsSchema,
        response: { 200: ClaimSchema },
      },
      config: { permission: 'self.read' },
    },
    async (req) => getClaim(req.ctx, req.params.id),
  );
  app.delete(
    '/api/claims/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw one of the caller’s pending claims',
        params: ClaimParamsSchema,
        response: { 200: ClaimSchema },
      },
      config: { permission: 'giving.join' },
    },
    async (req) => withdrawClaim(req.ctx, req.params.id),
  );
  app.post(
    '/api/claims/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a pending claim: posts the points to the reimbursement account',
        params: ClaimParamsSchema,
        body: ClaimApproveSchema.nullish(),
        response: { 200: ClaimSchema },
      },
      config: { permission: 'claims.approve' },
    },
    async (req) => decideClaim(req.ctx, req.params.id, 'approved', req.body?.note, baseUrl(req)),
  );
  app.post(
    '/api/claims/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a pending claim, with a note for the employee',
        params: ClaimParamsSchema,
        body: ClaimRejectSchema,
        response: { 200: ClaimSchema },
      },
      config: { permission: 'claims.approve' },
    },
    async (req) => decideClaim(req.ctx, req.params.id, 'rejected', req.body.note, baseUrl(req)),
  );
  app.get(
    '/api/claims/:id/receipt',
    {
      schema: {
        tags,
        summary:
          'The receipt of a claim, with its own content type (the claimant, approvers in scope, finance)',
        params: ClaimParamsSchema,
        querystring: ReceiptQuerySchema,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
      },
      config: { permission: 'self.read' },
    },
    async (req, reply) => {
      const file = await claimReceipt(req.ctx, req.params.id);
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          contentDisposition(file.name, req.query.download === '1' ? 'attachment' : 'inline'),
        )
        .header('content-length', file.size)
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/reimbursements',
    {
      schema: {
        tags,
        summary: 'Approved claims booked in a period, from the ledger, with totals',
        querystring: ReimbursementListQuerySchema,
        response: { 200: ReimbursementPageSchema },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => listReimbursements(req.ctx, req.query),
  );
  app.get(
    '/api/reimbursements.csv',
    {
      schema: {
        tags,
        summary: 'The same reimbursements as CSV for Excel (UTF-8 with BOM), in the caller’s language',
        querystring: ReimbursementCsvQuerySchema,
        produces: ['text/csv'],
      },
      config: { permission: 'ledger.read' },
    },
    async (req, reply) => {
      const { lang, ...query } = req.query;
      const ctx = { ...req.ctx, locale: lang ?? req.ctx.locale };
      const { fileName, body } = await reimbursementsCsv(ctx, query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(fileName, 'attachment'))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
}
