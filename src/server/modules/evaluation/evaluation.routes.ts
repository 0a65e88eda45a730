import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { createCriterion, listCriteria, updateCriterion } from './evaluation.criteria.js';
import { dueReviews } from './evaluation.due.js';
import { listImpacts, putImpact } from './evaluation.impacts.js';
import { createReview, deleteReview, finaliseReview, getReview, updateReview } from './evaluation.reviews.js';
import {
  CriteriaQuerySchema,
  CriterionCreateSchema,
  CriterionSchema,
  CriterionUpdateSchema,
  DueQuerySchema,
  DueReviewSchema,
  ImpactBodySchema,
  ImpactSchema,
  ReviewCreateSchema,
  ReviewDetailSchema,
  ReviewSchema,
  ReviewUpdateSchema,
} from './evaluation.schema.js';
import { listReviews } from './evaluation.view.js';

const Id = z.object({ id: z.uuid() });
const ImpactParams = Id.extend({ fiscalYear: z.coerce.number().int().min(1900).max(2200) });

export async function evaluationRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];

  app.get(
    '/api/evaluation/criteria',
    {
      schema: {
        tags,
        summary: 'The criteria programs are reviewed by, in order',
        querystring: CriteriaQuerySchema,
        response: { 200: z.object({ items: z.array(CriterionSchema) }) },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => ({ items: await listCriteria(req.ctx, req.query) }),
  );
  app.post(
    '/api/evaluation/criteria',
    {
      schema: {
        tags,
        summary: 'Add a criterion',
        body: CriterionCreateSchema,
        response: { 201: CriterionSchema },
      },
      config: { permission: 'evaluations.manage' },
    },
    async (req, reply) => reply.code(201).send(await createCriterion(req.ctx, req.body)),
  );
  app.patch(
    '/api/evaluation/criteria/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reorder, retire or restore a criterion',
        params: Id,
        body: CriterionUpdateSchema,
        response: { 200: CriterionSchema },
      },
      config: { permission: 'evaluations.manage' },
    },
    async (req) => updateCriterion(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/programs/:id/reviews',
    {
      schema: {
        tags,
        summary: 'A program’s reviews, newest first (its timeline)',
        params: Id,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ReviewSchema) },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => listReviews(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programs/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Open a draft review (one draft per program)',
        params: Id,
        body: ReviewCreateSchema,
        response: { 201: ReviewDetailSchema },
      },
      config: { permission: 'programs.review' },
    },
    async (req, reply) => reply.code(201).send(await createReview(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/reviews/due',
    {
      schema: {
        tags,
        summary: 'Programs whose review is due: never reviewed or past the next review date',
        querystring: DueQuerySchema.extend({
          mine: z.enum(['true', 'false']).optional().describe('Only programs the caller may review'),
        }),
        response: { 200: z.object({ items: z.array(DueReviewSchema), total: z.number().int() }) },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => dueReviews(req.ctx, { within: req.query.within, mine: req.query.mine === 'true' }),
  );
  app.get(
    '/api/reviews/:id',
    {
      schema: {
        tags,
        summary: 'One review with its criteria and evidence',
        params: Id,
        response: { 200: ReviewDetailSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => getReview(req.ctx, req.params.id),
  );
  app.patch(
    '/api/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft review: scores, summary, actions, decision, dates',
        params: Id,
        body: ReviewUpdateSchema,
        response: { 200: ReviewDetailSchema },
      },
      config: { permission: 'programs.review' },
    },
    async (req) => updateReview(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/reviews/:id/finalise',
    {
      schema: {
        tags,
        summary: 'Finalise a review: stores the evidence; a final review never changes',
        params: Id,
        response: { 200: ReviewDetailSchema },
      },
      config: { permission: 'programs.review' },
    },
    async (req) => finaliseReview(req.ctx, req.params.id),
  );
  app.delete(
    '/api/reviews/:id',
    {
      schema: { tags, summary: 'Discard a draft review', params: Id, response: { 204: z.null() } },
      config: { permission: 'programs.review' },
    },
    async (req, reply) => {
      await deleteReview(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/programs/:id/impacts',
    {
      schema: {
        tags,
        summary: 'A program’s B4SI impact per fiscal year',
        params: Id,
        response: { 200: z.object({ items: z.array(ImpactSchema) }) },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => listImpacts(req.ctx, req.params.id),
  );
  app.put(
    '/api/programs/:id/impacts/:fiscalYear',
    {
      schema: {
        tags,
        summary: 'Record a program’s B4SI impact for a fiscal year',
        params: ImpactParams,
        body: ImpactBodySchema,
        response: { 200: ImpactSchema },
      },
      config: { permission: 'programs.review' },
    },
    async (req) => putImpact(req.ctx, req.params.id, req.params.fiscalYear, req.body),
  );
}
