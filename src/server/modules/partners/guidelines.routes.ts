import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CriteriaReplaceSchema,
  GuidelineCreateSchema,
  GuidelineListQuerySchema,
  GuidelinePageSchema,
  GuidelineParamsSchema,
  GuidelineSchema,
  GuidelineUpdateSchema,
} from './guidelines.schema.js';
import {
  createGuidelineDraft,
  deleteGuidelineDraft,
  getGuideline,
  listGuidelines,
  publishGuideline,
  replaceCriteria,
  updateGuideline,
} from './guidelines.service.js';

/** The selection policy and guidelines: versions of a checklist; drafts are edited, one is active. */
export async function guidelinesRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['screening'];

  app.get(
    '/api/screening/guidelines',
    {
      schema: {
        tags,
        summary: 'Versions of the selection guidelines, newest first',
        querystring: GuidelineListQuerySchema,
        response: { 200: GuidelinePageSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => listGuidelines(req.ctx, req.query),
  );
  app.post(
    '/api/screening/guidelines',
    {
      schema: {
        tags,
        summary: 'Start the next version as a draft, copying the active one and its criteria',
        body: GuidelineCreateSchema,
        response: { 201: GuidelineSchema },
      },
      config: { permission: 'guidelines.manage' },
    },
    async (req, reply) => reply.code(201).send(await createGuidelineDraft(req.ctx, req.body ?? {})),
  );
  app.get(
    '/api/screening/guidelines/:id',
    {
      schema: {
        tags,
        summary: 'One version with its criteria',
        params: GuidelineParamsSchema,
        response: { 200: GuidelineSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => getGuideline(req.ctx, req.params.id),
  );
  app.patch(
    '/api/screening/guidelines/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft’s title, policy or validity',
        params: GuidelineParamsSchema,
        body: GuidelineUpdateSchema,
        response: { 200: GuidelineSchema },
      },
      config: { permission: 'guidelines.manage' },
    },
    async (req) => updateGuideline(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/screening/guidelines/:id/criteria',
    {
      schema: {
        tags,
        summary: 'Replace a draft’s checklist (criteria keep their id while their code stays)',
        params: GuidelineParamsSchema,
        body: CriteriaReplaceSchema,
        response: { 200: GuidelineSchema },
      },
      config: { permission: 'guidelines.manage' },
    },
    async (req) => replaceCriteria(req.ctx, req.params.id, req.body.items),
  );
  app.post(
    '/api/screening/guidelines/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: it becomes the active version and the previous one is retired',
        params: GuidelineParamsSchema,
        response: { 200: GuidelineSchema },
      },
      config: { permission: 'guidelines.manage' },
    },
    async (req) => publishGuideline(req.ctx, req.params.id),
  );
  app.delete(
    '/api/screening/guidelines/:id',
    {
      schema: {
        tags,
        summary: 'Discard a draft version',
        params: GuidelineParamsSchema,
        response: { 204: z.null() },
      },
      config: { permission: 'guidelines.manage' },
    },
    async (req, reply) => {
      await deleteGuidelineDraft(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
