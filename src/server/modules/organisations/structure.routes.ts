import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../lib/pagination.js';
import {
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  updateDepartment,
} from './departments.service.js';
import {
  DepartmentCreateSchema,
  DepartmentListQuerySchema,
  DepartmentSchema,
  DepartmentUpdateSchema,
  IdParamsSchema,
  SiteCreateSchema,
  SiteListQuerySchema,
  SiteSchema,
  SiteUpdateSchema,
} from './organisations.schema.js';
import { createSite, deleteSite, getSite, listSites, updateSite } from './sites.service.js';

/** Sites and departments: org.manage on a group company covers that company's sites and departments. */
export async function structureRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const siteTags = ['sites'];
  app.get(
    '/api/sites',
    {
      schema: {
        tags: siteTags,
        summary: 'Sites (offices, factories, labs) of the group companies',
        querystring: SiteListQuerySchema,
        response: { 200: pageOf(SiteSchema) },
      },
      config: { permission: 'org.read' },
    },
    async (req) => listSites(req.ctx, req.query),
  );
  app.post(
    '/api/sites',
    {
      schema: {
        tags: siteTags,
        summary: 'Create a site of a group company',
        body: SiteCreateSchema,
        response: { 201: SiteSchema },
      },
      config: { permission: 'org.manage' },
    },
    async (req, reply) => reply.code(201).send(await createSite(req.ctx, req.body)),
  );
  app.get(
    '/api/sites/:id',
    {
      schema: { tags: siteTags, summary: 'One site', params: IdParamsSchema, response: { 200: SiteSchema } },
      config: { permission: 'org.read' },
    },
    async (req) => getSite(req.ctx, req.params.id),
  );
  app.patch(
    '/api/sites/:id',
    {
      schema: {
        tags: siteTags,
        summary: 'Change a site (it stays with its group company)',
        params: IdParamsSchema,
        body: SiteUpdateSchema,
        response: { 200: SiteSchema },
      },
      config: { permission: 'org.manage' },
    },
    async (req) => updateSite(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/sites/:id',
    {
      schema: {
        tags: siteTags,
        summary: 'Delete a site that has no employees or role grants',
        params: IdParamsSchema,
        response: { 204: z.null() },
      },
      config: { permission: 'org.manage' },
    },
    async (req, reply) => {
      await deleteSite(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  const departmentTags = ['departments'];
  app.get(
    '/api/departments',
    {
      schema: {
        tags: departmentTags,
        summary: 'Departments of the group companies',
        querystring: DepartmentListQuerySchema,
        response: { 200: pageOf(DepartmentSchema) },
      },
      config: { permission: 'org.read' },
    },
    async (req) => listDepartments(req.ctx, req.query),
  );
  app.post(
    '/api/departments',
    {
      schema: {
        tags: departmentTags,
        summary: 'Create a department, optionally under a parent of the same group company',
        body: DepartmentCreateSchema,
        response: { 201: DepartmentSchema },
      },
      config: { permission: 'org.manage' },
    },
    async (req, reply) => reply.code(201).send(await createDepartment(req.ctx, req.body)),
  );
  app.get(
    '/api/departments/:id',
    {
      schema: {
        tags: departmentTags,
        summary: 'One department',
        params: IdParamsSchema,
        response: { 200: DepartmentSchema },
      },
      config: { permission: 'org.read' },
    },
    async (req) => getDepartment(req.ctx, req.params.id),
  );
  app.patch(
    '/api/departments/:id',
    {
      schema: {
        tags: departmentTags,
        summary: 'Rename a department or move it within its group company',
        params: IdParamsSchema,
        body: DepartmentUpdateSchema,
        response: { 200: DepartmentSchema },
      },
      config: { permission: 'org.manage' },
    },
    async (req) => updateDepartment(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/departments/:id',
    {
      schema: {
        tags: departmentTags,
        summary: 'Delete a department that has no employees or sub-departments',
        params: IdParamsSchema,
        response: { 204: z.null() },
      },
      config: { permission: 'org.manage' },
    },
    async (req, reply) => {
      await deleteDepartment(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
