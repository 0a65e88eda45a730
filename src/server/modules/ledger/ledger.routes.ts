import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../lib/pagination.js';
import { getPosting, listPayables, listPostings, reversePosting } from './ledger.browse.js';
import { listChecks, runLedgerCheck } from './ledger.checks.js';
import {
  CheckListQuerySchema,
  LedgerCheckSchema,
  PayableListQuerySchema,
  PayableSchema,
  PayableTotalSchema,
  PostingDetailSchema,
  PostingListQuerySchema,
  PostingSummarySchema,
  ReversalSchema,
  ReverseSchema,
} from './ledger.schema.js';

const PostingParams = z.object({ id: z.string().uuid() });

/** The ledger as finance sees it: postings, reversals, the ledger check and what is owed. */
export async function ledgerRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];

  app.get(
    '/api/ledger/postings',
    {
      schema: {
        tags,
        summary: 'Postings, newest first, by kind, record and effective date',
        querystring: PostingListQuerySchema,
        response: { 200: pageOf(PostingSummarySchema) },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => listPostings(req.ctx, req.query),
  );
  app.get(
    '/api/ledger/postings/:id',
    {
      schema: {
        tags,
        summary: 'One posting with its entries',
        params: PostingParams,
        response: { 200: PostingDetailSchema },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => getPosting(req.ctx, req.params.id),
  );
  app.post(
    '/api/ledger/postings/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse a posting (a new posting with every entry negated); the same key answers the same',
        params: PostingParams,
        body: ReverseSchema,
        response: { 201: ReversalSchema },
      },
      config: { permission: 'ledger.manage' },
    },
    async (req, reply) => reply.code(201).send(await reversePosting(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/ledger/checks',
    {
      schema: {
        tags,
        summary: 'Results of the ledger check, latest first',
        querystring: CheckListQuerySchema,
        response: { 200: pageOf(LedgerCheckSchema) },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => listChecks(req.ctx, req.query),
  );
  app.post(
    '/api/ledger/checks',
    {
      schema: {
        tags,
        summary: 'Check the ledger now (administrators are alerted when it finds problems)',
        response: { 201: LedgerCheckSchema },
      },
      config: { permission: 'ledger.manage' },
    },
    async (req, reply) => reply.code(201).send(await runLedgerCheck(req.ctx, 'app')),
  );
  app.get(
    '/api/payables',
    {
      schema: {
        tags,
        summary: 'What each organisation is owed, per currency and campaign',
        querystring: PayableListQuerySchema,
        response: { 200: pageOf(PayableSchema).extend({ totals: z.array(PayableTotalSchema) }) },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => listPayables(req.ctx, req.query),
  );
}
