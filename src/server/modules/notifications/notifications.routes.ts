import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import {
  MarkReadSchema,
  NotificationPageSchema,
  NotificationQuerySchema,
  OutboxMailSchema,
  OutboxPageSchema,
  OutboxParamsSchema,
  OutboxQuerySchema,
  UnreadCountSchema,
} from './notifications.schema.js';
import { listMyNotifications, markRead, unreadCount } from './notifications.service.js';
import { getOutboxMail, listOutbox } from './outbox.service.js';

/** The caller's in-app notifications, and the mail outbox for administrators. */
export async function notificationsRoutes(root: FastifyInstance, opts: { config: Config }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The caller's notifications, newest first, in the caller's language",
        querystring: NotificationQuerySchema,
        response: { 200: NotificationPageSchema },
      },
      config: { permission: 'self.read' },
    },
    async (req) => listMyNotifications(req.ctx, req.query),
  );
  app.get(
    '/api/me/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of the caller’s notifications are unread',
        response: { 200: UnreadCountSchema },
      },
      config: { permission: 'self.read' },
    },
    async (req) => ({ count: await unreadCount(req.ctx) }),
  );
  app.post(
    '/api/me/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Marks the given notifications read, or all of them when no ids are given',
        body: MarkReadSchema,
        response: { 204: z.null().describe('Marked read') },
      },
      config: { permission: 'self.manage' },
    },
    async (req, reply) => {
      await markRead(req.ctx, req.body);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/mail-outbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mails queued, sent and failed, newest first; whether SMTP delivery is configured',
        querystring: OutboxQuerySchema,
        response: { 200: OutboxPageSchema },
      },
      config: { permission: 'mail.read' },
    },
    async (req) => ({ ...(await listOutbox(req.ctx, req.query)), smtpConfigured: !!opts.config.smtp }),
  );
  app.get(
    '/api/mail-outbox/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'One mail with its full text',
        params: OutboxParamsSchema,
        response: { 200: OutboxMailSchema },
      },
      config: { permission: 'mail.read' },
    },
    async (req) => getOutboxMail(req.ctx, req.params.id),
  );
}
