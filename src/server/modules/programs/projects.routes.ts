import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addProjectItem, deleteProjectItem, updateProjectItem } from './projects.items.js';
import {
  ProjectCreateSchema,
  ProjectDetailSchema,
  ProjectItemCreateSchema,
  ProjectItemSchema,
  ProjectItemUpdateSchema,
  ProjectListQuerySchema,
  ProjectMembersPutSchema,
  ProjectPageSchema,
  ProjectUpdateSchema,
} from './projects.schema.js';
import {
  createProject,
  getProject,
  listProjects,
  setProjectMembers,
  updateProject,
} from './projects.service.js';
import { IdParams } from './records.fields.js';

/** Projects of a program with a partner: team, milestones, deliverables and outcomes. */
export async function projectsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['program records'];
  const read = { permission: 'programs.read' } as const;
  const manage = { permission: 'programs.manage' } as const;

  app.get(
    '/api/programs/:id/projects',
    {
      schema: {
        tags,
        summary: 'Projects of a program, newest fiscal year first',
        params: IdParams,
        querystring: ProjectListQuerySchema,
        response: { 200: ProjectPageSchema },
      },
      config: read,
    },
    async (req) => listProjects(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programs/:id/projects',
    {
      schema: {
        tags,
        summary: 'Add a project to a program',
        params: IdParams,
        body: ProjectCreateSchema,
        response: { 201: ProjectDetailSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createProject(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'A project with its team and its milestones, deliverables and outcomes',
        params: IdParams,
        response: { 200: ProjectDetailSchema },
      },
      config: read,
    },
    async (req) => getProject(req.ctx, req.params.id),
  );
  app.patch(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'Change a project',
        params: IdParams,
        body: ProjectUpdateSchema,
        response: { 200: ProjectDetailSchema },
      },
      config: manage,
    },
    async (req) => updateProject(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/projects/:id/members',
    {
      schema: {
        tags,
        summary: 'Replace a project’s team of employees',
        params: IdParams,
        body: ProjectMembersPutSchema,
        response: { 200: ProjectDetailSchema },
      },
      config: manage,
    },
    async (req) => setProjectMembers(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/projects/:id/items',
    {
      schema: {
        tags,
        summary: 'Add a milestone, deliverable or outcome to a project',
        params: IdParams,
        body: ProjectItemCreateSchema,
        response: { 201: ProjectItemSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await addProjectItem(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/project-items/:id',
    {
      schema: {
        tags,
        summary: 'Change a milestone, deliverable or outcome',
        params: IdParams,
        body: ProjectItemUpdateSchema,
        response: { 200: ProjectItemSchema },
      },
      config: manage,
    },
    async (req) => updateProjectItem(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/project-items/:id',
    {
      schema: {
        tags,
        summary: 'Remove a milestone, deliverable or outcome',
        params: IdParams,
        response: { 204: z.null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await deleteProjectItem(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
