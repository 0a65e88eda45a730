import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
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
import { organisations } from '../organisations/organisations.table.js';
import { programs } from '../programs/programs.table.js';

/** The criteria the organisation reviews programs by (social impact, materiality, engagement…). */
export const evaluationCriteria = pgTable(
  'evaluation_criteria',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    nameJa: text(),
    nameEn: text(),
    descriptionJa: text(),
    descriptionEn: text(),
    position: smallint().notNull().default(0),
    active: boolean().notNull().default(true),
  },
  (t) => [
    unique('evaluation_criteria_org_id').on(t.orgId, t.id),
    unique('evaluation_criteria_org_code').on(t.orgId, t.code),
    check('evaluation_criteria_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('evaluation_criteria_name', sql`coalesce(${t.nameJa}, ${t.nameEn}) is not null`),
  ],
);

/**
 * A review of a program for a fiscal year: scores per criterion, the evidence the review screen
 * pulled (a snapshot of the program's figures when the review was finalised), a decision, actions
 * and the next review date. A final review never changes; the reviews of a program read as a timeline.
 */
export const programReviews = pgTable(
  'program_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    fiscalYear: smallint().notNull(),
    status: text().notNull().default('draft'),
    reviewedOn: date({ mode: 'string' }),
    reviewerId: uuid().notNull(),
    decision: text(),
    summaryJa: text(),
    summaryEn: text(),
    actionsJa: text(),
    actionsEn: text(),
    nextReviewOn: date({ mode: 'string' }),
    evidence: jsonb(),
    finalisedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('program_reviews_org_id').on(t.orgId, t.id),
    index('program_reviews_program_idx').on(t.orgId, t.programId, t.fiscalYear),
    uniqueIndex('program_reviews_one_draft').on(t.programId).where(sql`status = 'draft'`),
    foreignKey({
      name: 'program_reviews_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }),
    foreignKey({
      name: 'program_reviews_reviewer_fk',
      columns: [t.orgId, t.reviewerId],
      foreignColumns: [users.orgId, users.id],
    }),
    check('program_reviews_status', sql`${t.status} in ('draft', 'final')`),
    check(
      'program_reviews_decision',
      sql`${t.decision} is null or ${t.decision} in ('continue', 'improve', 'revise', 'end')`,
    ),
    check(
      'program_reviews_final',
      sql`${t.status} = 'draft' or (${t.decision} is not null and ${t.reviewedOn} is not null and ${t.finalisedAt} is not null and ${t.evidence} is not null and (${t.decision} = 'end' or ${t.nextReviewOn} is not null))`,
    ),
    check(
      'program_reviews_next',
      sql`${t.nextReviewOn} is null or ${t.reviewedOn} is null or ${t.nextReviewOn} > ${t.reviewedOn}`,
    ),
    index('program_reviews_next_idx').on(t.orgId, t.nextReviewOn),
  ],
);

/** A criterion's score (1 to 5) in a review, with a comment. */
export const programReviewScores = pgTable(
  'program_review_scores',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    reviewId: uuid().notNull(),
    criterionId: uuid().notNull(),
    score: smallint().notNull(),
    comment: text(),
  },
  (t) => [
    primaryKey({ name: 'program_review_scores_pk', columns: [t.reviewId, t.criterionId] }),
    foreignKey({
      name: 'program_review_scores_review_fk',
      columns: [t.orgId, t.reviewId],
      foreignColumns: [programReviews.orgId, programReviews.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'program_review_scores_criterion_fk',
      columns: [t.orgId, t.criterionId],
      foreignColumns: [evaluationCriteria.orgId, evaluationCriteria.id],
    }),
    check('program_review_scores_score', sql`${t.score} between 1 and 5`),
  ],
);

/**
 * B4SI impact of a program in a fiscal year: of the people assessed, how many reached each depth
 * (connect, improve, transform: exclusive levels, so their sum never exceeds those assessed), and
 * how many showed each type of change (a person may show several, each count at most those assessed).
 */
export const programImpacts = pgTable(
  'program_impacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    fiscalYear: smallint().notNull(),
    assessed: integer().notNull(),
    connect: integer().notNull().default(0),
    improve: integer().notNull().default(0),
    transform: integer().notNull().default(0),
    behaviourChange: integer().notNull().default(0),
    skillsChange: integer().notNull().default(0),
    qualityOfLifeChange: integer().notNull().default(0),
    method: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('program_impacts_org_id').on(t.orgId, t.id),
    unique('program_impacts_program_year').on(t.programId, t.fiscalYear),
    foreignKey({
      name: 'program_impacts_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }),
    check(
      'program_impacts_non_negative',
      sql`${t.assessed} >= 0 and ${t.connect} >= 0 and ${t.improve} >= 0 and ${t.transform} >= 0 and ${t.behaviourChange} >= 0 and ${t.skillsChange} >= 0 and ${t.qualityOfLifeChange} >= 0`,
    ),
    check('program_impacts_depth', sql`${t.connect} + ${t.improve} + ${t.transform} <= ${t.assessed}`),
    check(
      'program_impacts_types',
      sql`${t.behaviourChange} <= ${t.assessed} and ${t.skillsChange} <= ${t.assessed} and ${t.qualityOfLifeChange} <= ${t.assessed}`,
    ),
  ],
);
