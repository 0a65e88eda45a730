import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../lib/pagination.js';
import {
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  updateCompany,
} from './companies.service.js';
import {
  CompanyCreateSchema,
  CompanyListQuerySchema,
  CompanySchema,
  CompanyUpdateSchema,
  IdParamsSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
  PrefectureListSchema,
} from './organisations.schema.js';
import { getOrganisation, listPrefectures, updateOrganisation } from './organisations.service.js';
import { structureRoutes } from './structure.routes.js';

/** The organisation's settings, its group companies, sites and departments, and the prefecture list. */
export async function organisationsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  app.get(
    '/api/organisation',
    {
      schema: {
        tags,
        summary: 'The organisation: names, settings and the current fiscal year',
        response: { 200: OrganisationSchema },
      },
      config: { permission: 'org.read' },
    },
    async (req) => getOrganisation(req.ctx),
  );
  app.patch(
    '/api/organisation',
    {
      schema: {
        tags,
        summary: 'Change the organisation’s names and settings (organisation-wide administrators)',
        body: OrganisationUpdateSchema,
        response: { 200: OrganisationSchema },
      },
      config: { permission: 'org.manage' },
    },
    async (req) => updateOrganisation(req.ctx, req.body),
  );
  app.get(
    '/api/prefectures',
    {
      schema: {
        tags,
        summary: 'The 47 prefectures of Japan with their JIS X 0401 codes',
        response: { 200: PrefectureListSchema },
      },
      config: { permission: 'org.read' },
    },
    async () => listPrefectures(),
  );

  const companyTags = ['group companies'];
  app.get(
    '/api/companies',
    {
      schema: {
        tags: companyTags,
        summary: 'Group companies, with their numbers of sites and employees',
        querystring: CompanyListQuerySchema,
        response: { 200: pageOf(CompanySchema) },
      },
      config: { permission: 'org.read' },
    },
    async (req) => listCompanies(req.ctx, req.query),
  );
  app.post(
    '/api/companies',
    {
      schema: {
        tags: companyTags,
        summary: 'Create a group company (organisation-wide administrators)',
        body: CompanyCreateSchema,
        response: { 201: CompanySchema },
      },
      config: { permission: 'org.manage' },
    },
    async (req, reply) => reply.code(201).send(await createCompany(req.ctx, req.body)),
  );
  app.get(
    '/api/companies/:id',
    {
      schema: {
        tags: companyTags,
        summary: 'One group company',
        params: IdParamsSchema,
        response: { 200: CompanySchema },
      },
      config: { permission: 'org.read' },
    },
    async (req) => getCompany(req.ctx, req.params.id),
  );
  app.patch(
    '/api/companies/:id',
    {
      schema: {
        tags: companyTags,
        summary: 'Change a group company',
        params: IdParamsSchema,
        body: CompanyUpdateSchema,
        response: { 200: CompanySchema },
      },
      config: { permission: 'org.manage' },
    },
    async (req) => updateCompany(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/companies/:id',
    {
      schema: {
        tags: companyTags,
        summary: 'Delete a group company that has no sites, departments, employees or role grants',
        params: IdParamsSchema,
        response: { 204: z.null() },
      },
      config: { permission: 'org.manage' },
    },
    async (req, reply) => {
      await deleteCompany(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  await app.register(structureRoutes);
}
