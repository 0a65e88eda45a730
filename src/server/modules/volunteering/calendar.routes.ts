import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { calendarFeed, myCalendarFeed, rotateCalendarFeed, shiftCalendar } from './calendar.js';
import {
  CalendarFeedSchema,
  CalendarQuerySchema,
  CalendarTokenParamsSchema,
  ShiftParamsSchema,
} from './opportunities.schema.js';

/** The URL links are made absolute with: PUBLIC_URL when set, else the address the request came to. */
export function baseUrlOf(config: Config, req: FastifyRequest): string {
  return config.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
}

const ICS = 'text/calendar; charset=utf-8';

/** iCalendar: a file per shift, and each employee's private feed of their confirmed shifts. */
export async function calendarRoutes(
  root: FastifyInstance,
  { config, database }: { config: Config; database: Database },
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  app.get(
    '/api/shifts/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'One shift as an iCalendar file (text/calendar)',
        params: ShiftParamsSchema,
        querystring: CalendarQuerySchema,
        produces: ['text/calendar'],
      },
      config: { permission: 'opportunities.read' },
    },
    async (req, reply) => {
      const ctx = { ...req.ctx, locale: req.query.lang ?? req.ctx.locale };
      const ics = await shiftCalendar(ctx, req.params.id, baseUrlOf(config, req));
      return reply
        .type(ICS)
        .header('content-disposition', `attachment; filename="shift-${req.params.id}.ics"`)
        .send(ics);
    },
  );
  app.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Your private calendar feed URL (made on first use)',
        response: { 200: CalendarFeedSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => myCalendarFeed(req.ctx, baseUrlOf(config, req)),
  );
  app.post(
    '/api/me/calendar-feed/rotate',
    {
      schema: {
        tags,
        summary: 'Replace your calendar feed URL (the old one stops working)',
        response: { 200: CalendarFeedSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => rotateCalendarFeed(req.ctx, baseUrlOf(config, req)),
  );
  app.get(
    '/calendar/:token.ics',
    {
      schema: {
        tags,
        summary: 'A private calendar feed (text/calendar); the token in the URL is the credential',
        params: CalendarTokenParamsSchema,
        produces: ['text/calendar'],
      },
      config: { public: true },
    },
    async (req, reply) => {
      const ics = await calendarFeed(database.db, req.params.token, baseUrlOf(config, req));
      return reply.type(ICS).header('cache-control', 'private, max-age=300').send(ics);
    },
  );
}
