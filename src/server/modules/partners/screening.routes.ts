import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDue } from './screening.due.js';
import {
  AnswerInputSchema,
  AnswerParamsSchema,
  DecideSchema,
  DuePageSchema,
  DueQuerySchema,
  PartnerScreeningParamsSchema,
  ScreeningListQuerySchema,
  ScreeningListSchema,
  ScreeningParamsSchema,
  ScreeningSchema,
} from './screening.schema.js';
import {
  answerCriterion,
  decideScreening,
  discardScreening,
  getScreening,
  listPartnerScreenings,
  startScreening,
} from './screening.service.js';

/** Screening partners against the active guidelines: answers with evidence, the decision, what is due. */
export async function screeningRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['screening'];

  app.get(
    '/api/screening/due',
    {
      schema: {
        tags,
        summary: 'Partners whose re-screening is overdue or due within some days (default 60)',
        querystring: DueQuerySchema,
        response: { 200: DuePageSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => listDue(req.ctx, req.query),
  );
  app.get(
    '/api/partners/:id/screenings',
    {
      schema: {
        tags,
        summary: 'A partner’s screenings, newest first',
        params: PartnerScreeningParamsSchema,
        querystring: ScreeningListQuerySchema,
        response: { 200: ScreeningListSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => listPartnerScreenings(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/partners/:id/screenings',
    {
      schema: {
        tags,
        summary: 'Start screening a partner against the active guidelines (one in progress at a time)',
        params: PartnerScreeningParamsSchema,
        response: { 201: ScreeningSchema },
      },
      config: { permission: 'partners.screen' },
    },
    async (req, reply) => reply.code(201).send(await startScreening(req.ctx, req.params.id)),
  );
  app.get(
    '/api/screenings/:id',
    {
      schema: {
        tags,
        summary: 'One screening: every criterion of its guideline with the answer and evidence',
        params: ScreeningParamsSchema,
        response: { 200: ScreeningSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => getScreening(req.ctx, req.params.id),
  );
  app.put(
    '/api/screenings/:id/answers/:criterionId',
    {
      schema: {
        tags,
        summary: 'Answer one criterion with evidence (a note and/or an uploaded file)',
        params: AnswerParamsSchema,
        body: AnswerInputSchema,
        response: { 200: ScreeningSchema },
      },
      config: { permission: 'partners.screen' },
    },
    async (req) => answerCriterion(req.ctx, req.params.id, req.params.criterionId, req.body),
  );
  app.post(
    '/api/screenings/:id/decide',
    {
      schema: {
        tags,
        summary:
          'Decide: passed (every required criterion yes with evidence) makes the partner eligible until re-screening; failed ends it',
        params: ScreeningParamsSchema,
        body: DecideSchema,
        response: { 200: ScreeningSchema },
      },
      config: { permission: 'partners.screen' },
    },
    async (req) => decideScreening(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/screenings/:id',
    {
      schema: {
        tags,
        summary: 'Discard a screening in progress',
        params: ScreeningParamsSchema,
        response: { 204: z.null() },
      },
      config: { permission: 'partners.screen' },
    },
    async (req, reply) => {
      await discardScreening(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
