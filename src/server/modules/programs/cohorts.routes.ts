import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteGraduate, createGraduate, listGraduates, updateGraduate } from './cohorts.graduates.js';
import {
  CohortCreateSchema,
  CohortListQuerySchema,
  CohortListSchema,
  CohortSchema,
  CohortUpdateSchema,
  GraduateCreateSchema,
  GraduateListQuerySchema,
  GraduateListSchema,
  GraduateSchema,
  GraduateUpdateSchema,
} from './cohorts.schema.js';
import { createCohort, deleteCohort, getCohort, listCohorts, updateCohort } from './cohorts.service.js';
import { IdParams } from './records.fields.js';

/** Cohorts of a program and their graduates (the Social Entrepreneurship School's graduate groups). */
export async function cohortsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['program records'];
  const read = { permission: 'programs.read' } as const;
  const manage = { permission: 'programs.manage' } as const;

  app.get(
    '/api/programs/:id/cohorts',
    {
      schema: {
        tags,
        summary: 'Cohorts of a program, oldest first, with graduate counts',
        params: IdParams,
        querystring: CohortListQuerySchema,
        response: { 200: CohortListSchema },
      },
      config: read,
    },
    async (req) => listCohorts(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programs/:id/cohorts',
    {
      schema: {
        tags,
        summary: 'Add a cohort to a program',
        params: IdParams,
        body: CohortCreateSchema,
        response: { 201: CohortSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createCohort(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/cohorts/:id',
    {
      schema: { tags, summary: 'One cohort', params: IdParams, response: { 200: CohortSchema } },
      config: read,
    },
    async (req) => getCohort(req.ctx, req.params.id),
  );
  app.patch(
    '/api/cohorts/:id',
    {
      schema: {
        tags,
        summary: 'Change a cohort',
        params: IdParams,
        body: CohortUpdateSchema,
        response: { 200: CohortSchema },
      },
      config: manage,
    },
    async (req) => updateCohort(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/cohorts/:id',
    {
      schema: {
        tags,
        summary: 'Delete a cohort without graduates',
        params: IdParams,
        response: { 204: z.null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await deleteCohort(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/cohorts/:id/graduates',
    {
      schema: {
        tags,
        summary: 'Graduates of a cohort',
        params: IdParams,
        querystring: GraduateListQuerySchema,
        response: { 200: GraduateListSchema },
      },
      config: read,
    },
    async (req) => listGraduates(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/cohorts/:id/graduates',
    {
      schema: {
        tags,
        summary: 'Add a graduate (a person or a group) to a cohort',
        params: IdParams,
        body: GraduateCreateSchema,
        response: { 201: GraduateSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createGraduate(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/graduates/:id',
    {
      schema: {
        tags,
        summary: 'Change a graduate or move it to another cohort of the program',
        params: IdParams,
        body: GraduateUpdateSchema,
        response: { 200: GraduateSchema },
      },
      config: manage,
    },
    async (req) => updateGraduate(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/graduates/:id',
    {
      schema: { tags, summary: 'Remove a graduate', params: IdParams, response: { 204: z.null() } },
      config: manage,
    },
    async (req, reply) => {
      await deleteGraduate(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
