import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementCreateSchema,
  AgreementDocumentsSchema,
  AgreementListQuerySchema,
  AgreementPageSchema,
  AgreementParamsSchema,
  AgreementSchema,
  AgreementUpdateSchema,
} from './agreements.schema.js';
import { createAgreement, setAgreementDocuments, updateAgreement } from './agreements.service.js';
import { getAgreement, listAgreements } from './agreements.view.js';

/** Agreements with partners: comprehensive partnerships, memoranda, sponsorships, pro bono. */
export async function agreementsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['partners'];

  app.get(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Agreements with partners: filter by text, kind, status, partner, company',
        querystring: AgreementListQuerySchema,
        response: { 200: AgreementPageSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => listAgreements(req.ctx, req.query),
  );
  app.post(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Record an agreement with its parties (scope: the signing group company)',
        body: AgreementCreateSchema,
        response: { 201: AgreementSchema },
      },
      config: { permission: 'partners.manage' },
    },
    async (req, reply) => reply.code(201).send(await createAgreement(req.ctx, req.body)),
  );
  app.get(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'One agreement with its parties and documents',
        params: AgreementParamsSchema,
        response: { 200: AgreementSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => getAgreement(req.ctx, req.params.id),
  );
  app.patch(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Change an agreement: values, status, parties',
        params: AgreementParamsSchema,
        body: AgreementUpdateSchema,
        response: { 200: AgreementSchema },
      },
      config: { permission: 'partners.manage' },
    },
    async (req) => updateAgreement(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/agreements/:id/documents',
    {
      schema: {
        tags,
        summary: 'Replace the signed documents (files uploaded with purpose agreement_document)',
        params: AgreementParamsSchema,
        body: AgreementDocumentsSchema,
        response: { 200: AgreementSchema },
      },
      config: { permission: 'partners.manage' },
    },
    async (req) => setAgreementDocuments(req.ctx, req.params.id, req.body),
  );
}
