import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from './records.fields.js';
import {
  AttendeesPutSchema,
  SessionCreateSchema,
  SessionDetailSchema,
  SessionListQuerySchema,
  SessionListSchema,
  SessionUpdateSchema,
} from './sessions.schema.js';
import {
  createSession,
  deleteSession,
  getSession,
  listSessions,
  setAttendees,
  updateSession,
} from './sessions.service.js';

/** Program sessions and events: counts by kind of participant and the employees named among them. */
export async function sessionsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['program sessions'];
  app.get(
    '/api/programs/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Sessions and events of a program, newest first',
        params: IdParams,
        querystring: SessionListQuerySchema,
        response: { 200: SessionListSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => listSessions(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programs/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Record a session or event with its counts and named employees',
        params: IdParams,
        body: SessionCreateSchema,
        response: { 201: SessionDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req, reply) =>
      reply.code(201).send(await createSession(req.ctx, { ...req.body, programId: req.params.id })),
  );
  app.get(
    '/api/sessions/:id',
    {
      schema: {
        tags,
        summary: 'One session with its attendees',
        params: IdParams,
        response: { 200: SessionDetailSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => getSession(req.ctx, req.params.id),
  );
  app.patch(
    '/api/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Change a session (counts, when given, replace the recorded ones)',
        params: IdParams,
        body: SessionUpdateSchema,
        response: { 200: SessionDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => updateSession(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/sessions/:id',
    {
      schema: { tags, summary: 'Delete a session', params: IdParams },
      config: { permission: 'programs.manage' },
    },
    async (req, reply) => {
      await deleteSession(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  app.put(
    '/api/sessions/:id/attendees',
    {
      schema: {
        tags,
        summary: 'Replace the employees named as attendees (they count in the volunteering participants KPI)',
        params: IdParams,
        body: AttendeesPutSchema,
        response: { 200: SessionDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => setAttendees(req.ctx, req.params.id, req.body.employeeIds),
  );
}
