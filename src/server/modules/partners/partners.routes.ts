import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PartnerCreateSchema,
  PartnerListQuerySchema,
  PartnerPageSchema,
  PartnerParamsSchema,
  PartnerSchema,
  PartnerUpdateSchema,
  RecipientListQuerySchema,
  RecipientSchema,
} from './partners.schema.js';
import {
  createPartner,
  getPartner,
  listPartners,
  listRecipients,
  updatePartner,
} from './partners.service.js';

/** The partner registry: organisations with their identifiers, computed eligibility and bank details. */
export async function partnersRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['partners'];

  app.get(
    '/api/partners',
    {
      schema: {
        tags,
        summary:
          'Organisations (NPOs, NGOs, municipalities, schools): filter by text, kind, status, eligibility',
        querystring: PartnerListQuerySchema,
        response: { 200: PartnerPageSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => listPartners(req.ctx, req.query),
  );
  app.get(
    '/api/partners/eligible',
    {
      schema: {
        tags,
        summary: 'Organisations that may receive donations now (eligible and active), for donors',
        querystring: RecipientListQuerySchema,
        response: { 200: z.object({ items: z.array(RecipientSchema) }) },
      },
      config: { permission: 'giving.join' },
    },
    async (req) => ({ items: await listRecipients(req.ctx, req.query.q) }),
  );
  app.post(
    '/api/partners',
    {
      schema: {
        tags,
        summary: 'Add an organisation',
        body: PartnerCreateSchema,
        response: { 201: PartnerSchema },
      },
      config: { permission: 'partners.manage' },
    },
    async (req, reply) => reply.code(201).send(await createPartner(req.ctx, req.body)),
  );
  app.get(
    '/api/partners/:id',
    {
      schema: {
        tags,
        summary: 'One organisation',
        params: PartnerParamsSchema,
        response: { 200: PartnerSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => getPartner(req.ctx, req.params.id),
  );
  app.patch(
    '/api/partners/:id',
    {
      schema: {
        tags,
        summary:
          'Change an organisation: names, identifiers, address, fields, status, bank details (not eligibility)',
        params: PartnerParamsSchema,
        body: PartnerUpdateSchema,
        response: { 200: PartnerSchema },
      },
      config: { permission: 'partners.manage' },
    },
    async (req) => updatePartner(req.ctx, req.params.id, req.body),
  );
}
