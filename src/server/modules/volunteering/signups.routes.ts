import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { pageOf } from '../../lib/pagination.js';
import { checkIn, checkinLink, checkinQrSvg, getRoster, setAttendance } from './attendance.service.js';
import { myCertificate, myHistory } from './history.service.js';
import {
  createHourLog,
  deleteMyHourLog,
  listHourLogs,
  listMyHourLogs,
  reviewHourLog,
} from './hour-logs.service.js';
import {
  AttendanceUpdateSchema,
  CertificateSchema,
  CheckinLinkSchema,
  CheckinParamsSchema,
  CheckinResultSchema,
  HistoryQuerySchema,
  HistorySchema,
  HourLogCreateSchema,
  HourLogListQuerySchema,
  HourLogParamsSchema,
  HourLogReviewSchema,
  HourLogSchema,
  RosterItemSchema,
  RosterSchema,
  ShiftParamsSchema,
  SignupParamsSchema,
  SignupSchema,
} from './signups.schema.js';
import { cancelSignup, signUp } from './signups.service.js';

/**
 * Participation: sign-ups and the waitlist, attendance and QR check-in, hours logged outside the
 * system and their approval, and the employee's own history and certificate.
 */
export async function participationRoutes(root: FastifyInstance, opts: { config: Config }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['participation'];
  /** Where links in mails and QR codes point: PUBLIC_URL, else the address this request came to. */
  const baseUrl = (req: FastifyRequest) =>
    (opts.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
  const EmptyBody = z.strictObject({}).optional();

  app.post(
    '/api/shifts/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign the caller up for a shift: confirmed while seats are left, else waitlisted',
        params: ShiftParamsSchema,
        body: EmptyBody,
        response: { 201: SignupSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req, reply) =>
      reply.code(201).send(await signUp(req.ctx, req.params.id, { baseUrl: baseUrl(req) })),
  );
  app.delete(
    '/api/signups/:id',
    {
      schema: {
        tags,
        summary: 'Cancel a sign-up (one’s own before the deadline, or as the organiser)',
        params: SignupParamsSchema,
        response: { 200: SignupSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => cancelSignup(req.ctx, req.params.id, { baseUrl: baseUrl(req) }),
  );
  app.get(
    '/api/shifts/:id/signups',
    {
      schema: {
        tags,
        summary: 'The roster of a shift: confirmed sign-ups with attendance, then the waitlist',
        params: ShiftParamsSchema,
        response: { 200: RosterSchema },
      },
      config: { permission: 'volunteers.read' },
    },
    async (req) => getRoster(req.ctx, req.params.id),
  );
  app.put(
    '/api/signups/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record attendance of a confirmed sign-up (attended with minutes, absent, or cleared)',
        params: SignupParamsSchema,
        body: AttendanceUpdateSchema,
        response: { 200: RosterItemSchema },
      },
      config: { permission: 'opportunities.manage' },
    },
    async (req) => setAttendance(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/shifts/:id/checkin',
    {
      schema: {
        tags,
        summary: 'The check-in address of a shift (organisers)',
        params: ShiftParamsSchema,
        response: { 200: CheckinLinkSchema },
      },
      config: { permission: 'volunteers.read' },
    },
    async (req) => checkinLink(req.ctx, req.params.id, baseUrl(req)),
  );
  app.get(
    '/api/shifts/:id/checkin-qr.svg',
    {
      schema: {
        tags,
        summary: 'The check-in address as a QR code (SVG), to show at the venue (organisers)',
        params: ShiftParamsSchema,
        produces: ['image/svg+xml'],
      },
      config: { permission: 'volunteers.read' },
    },
    async (req, reply) => {
      const svg = await checkinQrSvg(req.ctx, req.params.id, baseUrl(req));
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(svg);
    },
  );
  app.post(
    '/api/check-in/:code',
    {
      schema: {
        tags,
        summary: 'Check the caller in with a shift’s QR code (from two hours before the start to its end)',
        params: CheckinParamsSchema,
        body: EmptyBody,
        response: { 200: CheckinResultSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => checkIn(req.ctx, req.params.code),
  );

  app.post(
    '/api/me/hour-logs',
    {
      schema: {
        tags,
        summary: 'Log volunteering done outside the system; it counts once approved',
        body: HourLogCreateSchema,
        response: { 201: HourLogSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req, reply) => reply.code(201).send(await createHourLog(req.ctx, req.body)),
  );
  app.get(
    '/api/me/hour-logs',
    {
      schema: {
        tags,
        summary: 'The caller’s own hour logs',
        response: { 200: z.object({ items: z.array(HourLogSchema) }) },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => listMyHourLogs(req.ctx),
  );
  app.delete(
    '/api/me/hour-logs/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of the caller’s pending hour logs',
        params: HourLogParamsSchema,
        response: { 204: z.null() },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req, reply) => {
      await deleteMyHourLog(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/hour-logs',
    {
      schema: {
        tags,
        summary: 'Hour logs of the employees in the caller’s scope; the approvals queue is status=pending',
        querystring: HourLogListQuerySchema,
        response: { 200: pageOf(HourLogSchema) },
      },
      config: { permission: 'volunteers.read' },
    },
    async (req) => listHourLogs(req.ctx, req.query),
  );
  for (const [action, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(
      `/api/hour-logs/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${action === 'approve' ? 'Approve' : 'Reject'} a pending hour log, with an optional note`,
          params: HourLogParamsSchema,
          body: HourLogReviewSchema.optional(),
          response: { 200: HourLogSchema },
        },
        config: { permission: 'hours.approve' },
      },
      async (req) => reviewHourLog(req.ctx, req.params.id, decision, req.body?.note, baseUrl(req)),
    );
  }

  app.get(
    '/api/me/volunteering',
    {
      schema: {
        tags,
        summary: 'The caller’s volunteering history and counted hours per fiscal year',
        querystring: HistoryQuerySchema,
        response: { 200: HistorySchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => myHistory(req.ctx, req.query),
  );
  app.get(
    '/api/me/volunteering/certificate',
    {
      schema: {
        tags,
        summary: 'What the printable participation certificate of a fiscal year shows',
        querystring: HistoryQuerySchema,
        response: { 200: CertificateSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => myCertificate(req.ctx, req.query),
  );
}
