import { sql } from 'drizzle-orm';
import {
  boolean,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { storedFiles } from '../files/files.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { partners } from './partners.table.js';

/**
 * The organisation's selection policy and guidelines for partners, as a versioned checklist. A draft
 * is edited freely; publishing makes it the one active version (the previous one is retired) and
 * freezes its criteria, so a screening always reads the checklist it was made against.
 */
export const screeningGuidelines = pgTable(
  'screening_guidelines',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    version: integer().notNull(),
    titleJa: text(),
    titleEn: text(),
    policyJa: text(),
    policyEn: text(),
    status: text().notNull().default('draft'),
    /** How long a passed screening stays current: its re-screening falls due this many months later. */
    validityMonths: smallint().notNull().default(24),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('screening_guidelines_org_id').on(t.orgId, t.id),
    unique('screening_guidelines_org_version').on(t.orgId, t.version),
    uniqueIndex('screening_guidelines_one_active').on(t.orgId).where(sql`status = 'active'`),
    foreignKey({
      name: 'screening_guidelines_published_by_fk',
      columns: [t.orgId, t.publishedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('screening_guidelines_status', sql`${t.status} in ('draft', 'active', 'retired')`),
    check('screening_guidelines_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('screening_guidelines_version', sql`${t.version} > 0`),
    check('screening_guidelines_validity', sql`${t.validityMonths} between 1 and 120`),
    check('screening_guidelines_published', sql`(${t.status} = 'draft') = (${t.publishedAt} is null)`),
  ],
);

/** One criterion of a guideline: what is asked and what evidence it requires. */
export const screeningCriteria = pgTable(
  'screening_criteria',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    guidelineId: uuid().notNull(),
    code: text().notNull(),
    position: smallint().notNull(),
    textJa: text(),
    textEn: text(),
    evidenceJa: text(),
    evidenceEn: text(),
    /** Must be met (answered yes with evidence) for the screening to pass. */
    required: boolean().notNull().default(true),
  },
  (t) => [
    unique('screening_criteria_org_id').on(t.orgId, t.id),
    unique('screening_criteria_guideline_code').on(t.guidelineId, t.code),
    unique('screening_criteria_org_guideline_id').on(t.orgId, t.guidelineId, t.id),
    foreignKey({
      name: 'screening_criteria_guideline_fk',
      columns: [t.orgId, t.guidelineId],
      foreignColumns: [screeningGuidelines.orgId, screeningGuidelines.id],
    }).onDelete('cascade'),
    check('screening_criteria_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('screening_criteria_text', sql`coalesce(${t.textJa}, ${t.textEn}) is not null`),
  ],
);

/**
 * A partner screened against one guideline version. `draft` while answers are recorded; deciding
 * makes it `passed` (with the re-screening due date) or `failed`, after which it never changes.
 * The latest decided screening sets the partner's `eligibleUntil` in the same transaction.
 */
export const partnerScreenings = pgTable(
  'partner_screenings',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    partnerId: uuid().notNull(),
    guidelineId: uuid().notNull(),
    status: text().notNull().default('draft'),
    notes: text(),
    startedBy: uuid().notNull(),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    nextDueOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('partner_screenings_org_id').on(t.orgId, t.id),
    unique('partner_screenings_org_guideline_id').on(t.orgId, t.guidelineId, t.id),
    foreignKey({
      name: 'partner_screenings_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    foreignKey({
      name: 'partner_screenings_guideline_fk',
      columns: [t.orgId, t.guidelineId],
      foreignColumns: [screeningGuidelines.orgId, screeningGuidelines.id],
    }),
    foreignKey({
      name: 'partner_screenings_started_by_fk',
      columns: [t.orgId, t.startedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'partner_screenings_decided_by_fk',
      columns: [t.orgId, t.decidedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('partner_screenings_status', sql`${t.status} in ('draft', 'passed', 'failed')`),
    check(
      'partner_screenings_decided',
      sql`(${t.status} = 'draft') = (${t.decidedAt} is null) and (${t.decidedAt} is null) = (${t.decidedBy} is null)`,
    ),
    check('partner_screenings_due', sql`(${t.status} = 'passed') = (${t.nextDueOn} is not null)`),
    uniqueIndex('partner_screenings_one_draft').on(t.orgId, t.partnerId).where(sql`status = 'draft'`),
    index('partner_screenings_partner_idx').on(t.orgId, t.partnerId, t.decidedAt),
  ],
);

/** The answer to one criterion in a screening, with its evidence (text and/or an uploaded file). */
export const partnerScreeningAnswers = pgTable(
  'partner_screening_answers',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    screeningId: uuid().notNull(),
    guidelineId: uuid().notNull(),
    criterionId: uuid().notNull(),
    answer: text().notNull(),
    evidence: text(),
    fileId: uuid(),
    comment: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'partner_screening_answers_pk', columns: [t.screeningId, t.criterionId] }),
    // The answer's criterion belongs to the guideline the screening is made against.
    foreignKey({
      name: 'partner_screening_answers_screening_fk',
      columns: [t.orgId, t.guidelineId, t.screeningId],
      foreignColumns: [partnerScreenings.orgId, partnerScreenings.guidelineId, partnerScreenings.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'partner_screening_answers_criterion_fk',
      columns: [t.orgId, t.guidelineId, t.criterionId],
      foreignColumns: [screeningCriteria.orgId, screeningCriteria.guidelineId, screeningCriteria.id],
    }),
    foreignKey({
      name: 'partner_screening_answers_file_fk',
      columns: [t.orgId, t.fileId],
      foreignColumns: [storedFiles.orgId, storedFiles.id],
    }),
    check('partner_screening_answers_answer', sql`${t.answer} in ('yes', 'no', 'na')`),
  ],
);
