import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { pageOf } from '../../lib/pagination.js';
import {
  ClassAssignSchema,
  ClassCompleteSchema,
  ClassDeclineSchema,
  ClassOfferSchema,
  ClassRequestAcceptedSchema,
  ClassRequestDetailSchema,
  ClassRequestQuerySchema,
  ClassRequestSubmitSchema,
  ClassRequestSummarySchema,
} from './class-requests.schema.js';
import {
  assignInstructors,
  classOffer,
  completeRequest,
  declineRequest,
  getRequest,
  listRequests,
  submitClassRequest,
} from './class-requests.service.js';

const IdParams = z.object({ id: z.string().uuid() });
const OrgParams = z.object({ orgCode: z.string().min(1).max(40) });

/** Class requests: the public form (no sign-in, rate limited) and the coordinators' screens. */
export async function classRequestsRoutes(root: FastifyInstance, opts: { database: Database }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['class requests'];
  const { database } = opts;

  app.get(
    '/api/public/class-requests/:orgCode',
    {
      schema: {
        tags,
        summary: 'What the public request page offers for an organisation (no sign-in)',
        params: OrgParams,
        response: { 200: ClassOfferSchema },
        security: [],
      },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req) => classOffer(database.db, req.params.orgCode),
  );
  app.post(
    '/api/public/class-requests',
    {
      schema: {
        tags,
        summary: 'Request a class (no sign-in; answered 202 with a reference)',
        body: ClassRequestSubmitSchema,
        response: { 202: ClassRequestAcceptedSchema },
        security: [],
      },
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await submitClassRequest(database.db, req.body, {
        locale: req.locale,
        requestId: req.id,
      });
      if (!result.stored) req.log.info('class request honeypot filled: not stored');
      return reply.code(202).send({ reference: result.reference, status: result.status });
    },
  );
  app.get(
    '/api/class-requests',
    {
      schema: {
        tags,
        summary: 'Class requests of the programs the caller coordinates',
        querystring: ClassRequestQuerySchema,
        response: { 200: pageOf(ClassRequestSummarySchema) },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => listRequests(req.ctx, req.query),
  );
  app.get(
    '/api/class-requests/:id',
    {
      schema: {
        tags,
        summary: 'One class request',
        params: IdParams,
        response: { 200: ClassRequestDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => getRequest(req.ctx, req.params.id),
  );
  app.post(
    '/api/class-requests/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assign certified instructors for a day',
        params: IdParams,
        body: ClassAssignSchema,
        response: { 200: ClassRequestDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => assignInstructors(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/class-requests/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a request (the requester is told why)',
        params: IdParams,
        body: ClassDeclineSchema,
        response: { 200: ClassRequestDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => declineRequest(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/api/class-requests/:id/complete',
    {
      schema: {
        tags,
        summary: 'Record the class as held: creates the program session',
        params: IdParams,
        body: ClassCompleteSchema,
        response: { 200: ClassRequestDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => completeRequest(req.ctx, req.params.id, req.body),
  );
}
