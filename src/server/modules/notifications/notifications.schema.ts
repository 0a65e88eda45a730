import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';

/** Mail states: waiting (or retrying), delivered, given up. */
export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const NotificationQuerySchema = PageQuerySchema.pick({ page: true, size: true }).extend({
  unread: flag.describe('true: only the notifications not read yet'),
});
export type NotificationQuery = z.infer<typeof NotificationQuerySchema>;

export const NotificationSchema = z.object({
  id: z.string().uuid(),
  kind: z.string().describe('signup_confirmed, waitlist_promoted, shift_reminder, …'),
  title: z.string().describe("A one-line summary in the caller's language"),
  body: z.string().describe("The text in the caller's language"),
  link: z.string().nullable().describe('An in-app path to open, such as /opportunities/{id}'),
  readAt: z.string().nullable().describe('When the reader marked it read (ISO 8601); null while unread'),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = pageOf(NotificationSchema);
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const UnreadCountSchema = z.object({ count: z.number().int() });

export const MarkReadSchema = z.strictObject({
  ids: z
    .array(z.string().uuid())
    .max(500)
    .optional()
    .describe('The notifications to mark read; leave out to mark all of them read'),
});
export type MarkRead = z.infer<typeof MarkReadSchema>;

export const OutboxQuerySchema = PageQuerySchema.pick({ page: true, size: true }).extend({
  status: z.enum(MAIL_STATUSES).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Part of the recipient address or subject'),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxSummarySchema = z.object({
  id: z.string().uuid(),
  toAddress: z.string(),
  locale: z.enum(['ja', 'en']),
  kind: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int().describe('Delivery attempts so far'),
  lastError: z.string().nullable().describe('What the SMTP server (or the connection) answered last'),
  nextAttemptAt: z.string().nullable().describe('When a pending mail is tried next'),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxSummary = z.infer<typeof OutboxSummarySchema>;

export const OutboxMailSchema = OutboxSummarySchema.extend({
  textBody: z.string().describe('The plain-text body as sent'),
  employeeId: z.string().uuid().nullable(),
  employeeNumber: z.string().nullable(),
  employeeNameJa: z.string().nullable(),
  employeeNameEn: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMailSchema>;

export const OutboxPageSchema = pageOf(OutboxSummarySchema).extend({
  smtpConfigured: z
    .boolean()
    .describe('False: no SMTP server is configured, so mails stay pending here until one is'),
});
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

export const OutboxParamsSchema = z.object({ id: z.string().uuid() });
