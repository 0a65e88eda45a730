import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../lib/pagination.js';
import {
  CertificationCreateSchema,
  CertificationSchema,
  HolderCreateSchema,
  HolderQuerySchema,
  HolderRenewSchema,
  HolderRevokeSchema,
  HolderSchema,
  PeriodSchema,
} from './certifications.schema.js';
import {
  addHolder,
  createCertification,
  listCertifications,
  listHolders,
  renewHolder,
  revokeHolder,
} from './certifications.service.js';

const ProgramParams = z.object({ id: z.string().uuid() });
const IdParams = z.object({ id: z.string().uuid() });

/** Certifications of a program (e-Net Caravan instructors): holders, renewals, revocations. */
export async function certificationsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['certifications'];

  app.get(
    '/api/programs/:id/certifications',
    {
      schema: {
        tags,
        summary: "A program's certifications with how many hold each today",
        params: ProgramParams,
        response: { 200: z.object({ items: z.array(CertificationSchema) }) },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => ({ items: await listCertifications(req.ctx, req.params.id) }),
  );
  app.post(
    '/api/programs/:id/certifications',
    {
      schema: {
        tags,
        summary: 'Add a certification to a program',
        params: ProgramParams,
        body: CertificationCreateSchema,
        response: { 201: CertificationSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req, reply) => reply.code(201).send(await createCertification(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/certifications/:id/holders',
    {
      schema: {
        tags,
        summary: 'Holders, one row per employee with their latest period',
        params: IdParams,
        querystring: HolderQuerySchema,
        response: { 200: pageOf(HolderSchema) },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => listHolders(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/certifications/:id/holders',
    {
      schema: {
        tags,
        summary: 'Certify an employee (expiresOn defaults from the validity)',
        params: IdParams,
        body: HolderCreateSchema,
        response: { 201: PeriodSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req, reply) => reply.code(201).send(await addHolder(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/certification-holders/:id/renew',
    {
      schema: {
        tags,
        summary: 'Renew a period: a new period pointing at it',
        params: IdParams,
        body: HolderRenewSchema,
        response: { 201: PeriodSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req, reply) => reply.code(201).send(await renewHolder(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/certification-holders/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a period from a day on',
        params: IdParams,
        body: HolderRevokeSchema,
        response: { 200: PeriodSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => revokeHolder(req.ctx, req.params.id, req.body.revokedOn),
  );
}
