import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { programs } from './programs.table.js';
import { programSessions } from './records.table.js';

/** What a program certifies people for (e-Net Caravan instructor), and for how long. */
export const certifications = pgTable(
  'certifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    code: text().notNull(),
    nameJa: text(),
    nameEn: text(),
    /** Months a certification stays valid (null: no expiry). */
    validityMonths: smallint(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('certifications_org_id').on(t.orgId, t.id),
    unique('certifications_org_program_id').on(t.orgId, t.programId, t.id),
    unique('certifications_org_code').on(t.orgId, t.code),
    foreignKey({
      name: 'certifications_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }),
    check('certifications_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('certifications_name', sql`coalesce(${t.nameJa}, ${t.nameEn}) is not null`),
    check(
      'certifications_validity',
      sql`${t.validityMonths} is null or ${t.validityMonths} between 1 and 240`,
    ),
  ],
);

/**
 * One certification period of an employee. A renewal is a new row pointing at the one it renews
 * (once: unique); revoking ends it. An employee is certified on a day when a row covers that day
 * (certifiedOn <= day <= expiresOn, or no expiry) and is not revoked.
 */
export const certificationHolders = pgTable(
  'certification_holders',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    certificationId: uuid().notNull(),
    employeeId: uuid().notNull(),
    certifiedOn: date({ mode: 'string' }).notNull(),
    expiresOn: date({ mode: 'string' }),
    renewsId: uuid(),
    revokedOn: date({ mode: 'string' }),
    externalRef: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('certification_holders_org_id').on(t.orgId, t.id),
    unique('certification_holders_renews').on(t.renewsId),
    unique('certification_holders_org_employee_id').on(t.orgId, t.employeeId, t.id),
    unique('certification_holders_ref').on(t.certificationId, t.externalRef),
    foreignKey({
      name: 'certification_holders_certification_fk',
      columns: [t.orgId, t.certificationId],
      foreignColumns: [certifications.orgId, certifications.id],
    }),
    foreignKey({
      name: 'certification_holders_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    foreignKey({
      name: 'certification_holders_renews_fk',
      columns: [t.orgId, t.renewsId],
      foreignColumns: [t.orgId, t.id],
    }),
    check('certification_holders_dates', sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.certifiedOn}`),
    check('certification_holders_revoked', sql`${t.revokedOn} is null or ${t.revokedOn} >= ${t.certifiedOn}`),
    index('certification_holders_employee_idx').on(t.orgId, t.employeeId),
    index('certification_holders_cert_idx').on(t.orgId, t.certificationId, t.expiresOn),
  ],
);

/**
 * A school's or municipality's request for a class (e-Net Caravan), sent through the public form
 * or recorded by a coordinator; a coordinator assigns certified instructors, and the class held
 * becomes a program session.
 */
export const classRequests = pgTable(
  'class_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    certificationId: uuid().notNull(),
    partnerId: uuid(),
    requesterKind: text().notNull(),
    requesterOrganisation: text().notNull(),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    contactPhone: text(),
    /** The language the requester wrote in: the e-mails to them use it. */
    locale: text().notNull().default('ja'),
    preferredOn: date({ mode: 'string' }).notNull(),
    alternativeOn: date({ mode: 'string' }),
    place: text().notNull(),
    audience: text().notNull(),
    expectedParticipants: integer().notNull(),
    message: text(),
    status: text().notNull().default('requested'),
    scheduledOn: date({ mode: 'string' }),
    coordinatorId: uuid(),
    sessionId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('class_requests_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'class_requests_certification_fk',
      columns: [t.orgId, t.programId, t.certificationId],
      foreignColumns: [certifications.orgId, certifications.programId, certifications.id],
    }),
    foreignKey({
      name: 'class_requests_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    foreignKey({
      name: 'class_requests_coordinator_fk',
      columns: [t.orgId, t.coordinatorId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'class_requests_session_fk',
      columns: [t.orgId, t.programId, t.sessionId],
      foreignColumns: [programSessions.orgId, programSessions.programId, programSessions.id],
    }),
    check('class_requests_requester_kind', sql`${t.requesterKind} in ('school', 'municipality', 'other')`),
    check('class_requests_locale', sql`${t.locale} in ('ja', 'en')`),
    check(
      'class_requests_audience',
      sql`${t.audience} in ('students', 'guardians', 'teachers', 'public', 'mixed')`,
    ),
    check('class_requests_participants', sql`${t.expectedParticipants} between 1 and 100000`),
    check(
      'class_requests_status',
      sql`${t.status} in ('requested', 'assigned', 'completed', 'declined', 'cancelled')`,
    ),
    check('class_requests_email', sql`${t.contactEmail} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
    check(
      'class_requests_scheduled',
      sql`${t.status} not in ('assigned', 'completed') or ${t.scheduledOn} is not null`,
    ),
    index('class_requests_status_idx').on(t.orgId, t.status, t.preferredOn),
  ],
);

/** An instructor assigned to a request: an employee holding the certification on the class day. */
export const classRequestInstructors = pgTable(
  'class_request_instructors',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    requestId: uuid().notNull(),
    employeeId: uuid().notNull(),
    holderId: uuid().notNull(),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'class_request_instructors_pk', columns: [t.requestId, t.employeeId] }),
    foreignKey({
      name: 'class_request_instructors_request_fk',
      columns: [t.orgId, t.requestId],
      foreignColumns: [classRequests.orgId, classRequests.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'class_request_instructors_holder_fk',
      columns: [t.orgId, t.employeeId, t.holderId],
      foreignColumns: [certificationHolders.orgId, certificationHolders.employeeId, certificationHolders.id],
    }),
    foreignKey({
      name: 'class_request_instructors_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    index('class_request_instructors_employee_idx').on(t.orgId, t.employeeId),
  ],
);
