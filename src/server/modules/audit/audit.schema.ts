import { z } from 'zod';

const Instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('ISO 8601 date-time with offset, or a date (a whole UTC day)');

export const AuditQuerySchema = z.object({
  entityType: z.string().trim().min(1).max(60).optional().describe('e.g. employee, company, user'),
  entityId: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(60).optional().describe('e.g. employee.update'),
  actorUserId: z.string().uuid().optional(),
  from: Instant.optional().describe('Records at or after this instant (a date: from its start, UTC)'),
  to: Instant.optional().describe('Records at or before this instant (a date: to its end, UTC)'),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string().describe('When the change was made (ISO 8601, UTC)'),
  actorUserId: z.string().uuid().nullable().describe('Null for the system and sign-in events'),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable().describe('The record before the change'),
  after: z.unknown().nullable().describe('The record after the change'),
  requestId: z.string().nullable().describe('The x-request-id of the HTTP request that made the change'),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next (older) page; null on the last'),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
