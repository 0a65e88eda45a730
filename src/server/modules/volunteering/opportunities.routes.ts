import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { baseUrlOf } from './calendar.routes.js';
import {
  OpportunityCreateSchema,
  OpportunityListQuerySchema,
  OpportunityPageSchema,
  OpportunityParamsSchema,
  OpportunitySchema,
  OpportunityUpdateSchema,
} from './opportunities.schema.js';
import { listOpportunities } from './opportunities.search.js';
import {
  cancelOpportunity,
  completeOpportunity,
  createOpportunity,
  getOpportunity,
  publishOpportunity,
  updateOpportunity,
} from './opportunities.service.js';

/** Volunteering opportunities: finding and recommending them, posting and running them. */
export async function opportunitiesRoutes(root: FastifyInstance, { config }: { config: Config }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['opportunities'];

  app.get(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary: 'Find opportunities (text, field, mode, days, place, skills), recommended ones, or your own',
        querystring: OpportunityListQuerySchema,
        response: { 200: OpportunityPageSchema },
      },
      config: { permission: 'opportunities.read' },
    },
    async (req) => listOpportunities(req.ctx, req.query),
  );
  app.post(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary: 'Post an opportunity with its shifts (as a draft)',
        body: OpportunityCreateSchema,
        response: { 201: OpportunitySchema },
      },
      config: { permission: 'opportunities.manage' },
    },
    async (req, reply) => reply.code(201).send(await createOpportunity(req.ctx, req.body)),
  );
  app.get(
    '/api/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'One opportunity with its shifts, seats left and your sign-ups',
        params: OpportunityParamsSchema,
        response: { 200: OpportunitySchema },
      },
      config: { permission: 'opportunities.read' },
    },
    async (req) => getOpportunity(req.ctx, req.params.id),
  );
  app.patch(
    '/api/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'Change an opportunity and its shifts',
        params: OpportunityParamsSchema,
        body: OpportunityUpdateSchema,
        response: { 200: OpportunitySchema },
      },
      config: { permission: 'opportunities.manage' },
    },
    async (req) => updateOpportunity(req.ctx, req.params.id, req.body),
  );
  const transitions = [
    ['publish', 'Publish a draft: employees can find it and sign up', publishOpportunity],
    ['cancel', 'Cancel it: every live sign-up is cancelled and notified', cancelOpportunity],
    ['complete', 'Mark it as completed', completeOpportunity],
  ] as const;
  for (const [action, summary, run] of transitions) {
    app.post(
      `/api/opportunities/:id/${action}`,
      {
        schema: { tags, summary, params: OpportunityParamsSchema, response: { 200: OpportunitySchema } },
        config: { permission: 'opportunities.manage' },
      },
      async (req) => run(req.ctx, req.params.id, { baseUrl: baseUrlOf(config, req) }),
    );
  }
}
