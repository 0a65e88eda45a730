import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';

export type NoticeParams = Record<string, string | number | null | { ja: string | null; en: string | null }>;

/**
 * An in-app notification for an employee. Only the kind and its parameters are stored; the text is
 * rendered in the reader's language when it is read.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    employeeId: uuid().notNull(),
    kind: text().notNull(),
    /** Values for the texts; a `{ ja, en }` pair is resolved to the reader's language. */
    params: jsonb().$type<NoticeParams>().notNull().default({}),
    /** An in-app path to open, such as /opportunities/{id}. */
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    /** Makes notifying idempotent: a second notice with the same key is ignored. */
    dedupeKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'notifications_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    unique('notifications_org_dedupe').on(t.orgId, t.dedupeKey),
    index('notifications_employee_idx').on(t.orgId, t.employeeId, t.createdAt),
  ],
);

/**
 * An e-mail waiting to be sent, or sent. Rendered in the recipient's language when it is queued;
 * a sender job delivers pending mails over SMTP. Without SMTP settings mails stay pending and can be
 * read in the admin screens. `dedupeKey` makes queueing idempotent (a reminder is queued once).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    employeeId: uuid(),
    toAddress: text().notNull(),
    locale: text().notNull(),
    kind: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    dedupeKey: text(),
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('mail_outbox_org_dedupe').on(t.orgId, t.dedupeKey),
    foreignKey({
      name: 'mail_outbox_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    check('mail_outbox_status', sql`${t.status} in ('pending', 'sent', 'failed')`),
    check('mail_outbox_locale', sql`${t.locale} in ('ja', 'en')`),
    check('mail_outbox_sent', sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
    index('mail_outbox_pending_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('mail_outbox_org_created_idx').on(t.orgId, t.createdAt),
  ],
);
