import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  date,
} from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';
import { programSessions } from './records.table.js';
import { programs } from './programs.table.js';

const CODE = sql.raw(`'^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'`);

/** A survey of a program's participants (after a class, a workshop). */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    sessionId: uuid(),
    code: text().notNull(),
    titleJa: text(),
    titleEn: text(),
    fiscalYear: smallint().notNull(),
    status: text().notNull().default('open'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('surveys_org_id').on(t.orgId, t.id),
    unique('surveys_org_code').on(t.orgId, t.code),
    foreignKey({
      name: 'surveys_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }),
    foreignKey({
      name: 'surveys_session_fk',
      columns: [t.orgId, t.programId, t.sessionId],
      foreignColumns: [programSessions.orgId, programSessions.programId, programSessions.id],
    }),
    check('surveys_code', sql`${t.code} ~ ${CODE}`),
    check('surveys_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('surveys_status', sql`${t.status} in ('open', 'closed')`),
    index('surveys_program_idx').on(t.orgId, t.programId, t.fiscalYear),
  ],
);

/** A question: a scale (scaleMin..scaleMax), yes/no (1 = yes, 0 = no) or free text. */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    surveyId: uuid().notNull(),
    code: text().notNull(),
    position: smallint().notNull(),
    kind: text().notNull(),
    textJa: text(),
    textEn: text(),
    scaleMin: smallint(),
    scaleMax: smallint(),
  },
  (t) => [
    unique('survey_questions_org_id').on(t.orgId, t.id),
    unique('survey_questions_org_survey_id').on(t.orgId, t.surveyId, t.id),
    unique('survey_questions_survey_code').on(t.surveyId, t.code),
    foreignKey({
      name: 'survey_questions_survey_fk',
      columns: [t.orgId, t.surveyId],
      foreignColumns: [surveys.orgId, surveys.id],
    }).onDelete('cascade'),
    check('survey_questions_code', sql`${t.code} ~ '^[A-Za-z][A-Za-z0-9_]{0,39}$'`),
    check('survey_questions_kind', sql`${t.kind} in ('scale', 'yes_no', 'text')`),
    check('survey_questions_text', sql`coalesce(${t.textJa}, ${t.textEn}) is not null`),
    check(
      'survey_questions_scale',
      sql`(${t.kind} = 'scale') = (${t.scaleMin} is not null and ${t.scaleMax} is not null) and (${t.scaleMin} is null or ${t.scaleMax} > ${t.scaleMin})`,
    ),
  ],
);

/** One respondent's answers (imported from CSV; `respondentRef` makes the import idempotent). */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    surveyId: uuid().notNull(),
    respondentRef: text().notNull(),
    respondentKind: text(),
    submittedOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('survey_responses_org_id').on(t.orgId, t.id),
    unique('survey_responses_org_survey_id').on(t.orgId, t.surveyId, t.id),
    unique('survey_responses_survey_ref').on(t.surveyId, t.respondentRef),
    foreignKey({
      name: 'survey_responses_survey_fk',
      columns: [t.orgId, t.surveyId],
      foreignColumns: [surveys.orgId, surveys.id],
    }).onDelete('cascade'),
    check('survey_responses_ref', sql`${t.respondentRef} ~ ${CODE}`),
    check(
      'survey_responses_kind',
      sql`${t.respondentKind} is null or ${t.respondentKind} in ('student', 'guardian', 'teacher', 'employee', 'public', 'other')`,
    ),
  ],
);

/** One answer: `valueInt` for scale and yes/no questions, `valueText` for text ones. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    surveyId: uuid().notNull(),
    responseId: uuid().notNull(),
    questionId: uuid().notNull(),
    valueInt: smallint(),
    valueText: text(),
  },
  (t) => [
    primaryKey({ name: 'survey_answers_pk', columns: [t.responseId, t.questionId] }),
    foreignKey({
      name: 'survey_answers_response_fk',
      columns: [t.orgId, t.surveyId, t.responseId],
      foreignColumns: [surveyResponses.orgId, surveyResponses.surveyId, surveyResponses.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'survey_answers_question_fk',
      columns: [t.orgId, t.surveyId, t.questionId],
      foreignColumns: [surveyQuestions.orgId, surveyQuestions.surveyId, surveyQuestions.id],
    }).onDelete('cascade'),
    check('survey_answers_one_value', sql`(${t.valueInt} is null) <> (${t.valueText} is null)`),
    index('survey_answers_question_idx').on(t.orgId, t.questionId, t.valueInt),
  ],
);

/**
 * An indicator computed from a question: the share of those who answered it whose answer is at
 * least `threshold` (a scale), or yes (a yes/no question, threshold 1). "The share who deepened
 * understanding", "the share whose interest grew".
 */
export const surveyIndicators = pgTable(
  'survey_indicators',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    surveyId: uuid().notNull(),
    questionId: uuid().notNull(),
    code: text().notNull(),
    labelJa: text(),
    labelEn: text(),
    threshold: smallint().notNull(),
    position: smallint().notNull().default(0),
  },
  (t) => [
    unique('survey_indicators_org_id').on(t.orgId, t.id),
    unique('survey_indicators_survey_code').on(t.surveyId, t.code),
    foreignKey({
      name: 'survey_indicators_question_fk',
      columns: [t.orgId, t.surveyId, t.questionId],
      foreignColumns: [surveyQuestions.orgId, surveyQuestions.surveyId, surveyQuestions.id],
    }).onDelete('cascade'),
    check('survey_indicators_code', sql`${t.code} ~ '^[A-Za-z][A-Za-z0-9_]{0,39}$'`),
    check('survey_indicators_label', sql`coalesce(${t.labelJa}, ${t.labelEn}) is not null`),
  ],
);
