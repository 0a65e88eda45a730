import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../files/files.table.js';
import { groupCompanies, organisations } from '../organisations/organisations.table.js';

/**
 * A metric: what a target or goal is measured by. A bound metric names a computed figure (`binding`,
 * a key of the registry in goals.bindings.ts, with its `params`), so its value is computed from the
 * records for any period and never typed; a manual one is entered per fiscal year with evidence.
 * `scopeCompanyId` limits the computed figure to one group company (null: the whole group).
 */
export const metrics = pgTable(
  'metrics',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    nameJa: text(),
    nameEn: text(),
    unitJa: text(),
    unitEn: text(),
    kind: text().notNull(),
    binding: text(),
    params: jsonb().notNull().default(sql`'{}'::jsonb`),
    scopeCompanyId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('metrics_org_id').on(t.orgId, t.id),
    unique('metrics_org_code').on(t.orgId, t.code),
    foreignKey({
      name: 'metrics_company_fk',
      columns: [t.orgId, t.scopeCompanyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    check('metrics_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('metrics_name', sql`coalesce(${t.nameJa}, ${t.nameEn}) is not null`),
    check('metrics_kind', sql`${t.kind} in ('bound', 'manual')`),
    check('metrics_binding', sql`(${t.kind} = 'bound') = (${t.binding} is not null)`),
  ],
);

/** The value of a manual metric for a fiscal year, with its evidence (text and an optional file). */
export const metricValues = pgTable(
  'metric_values',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    metricId: uuid().notNull(),
    fiscalYear: smallint().notNull(),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
    evidenceJa: text(),
    evidenceEn: text(),
    fileId: uuid(),
    enteredBy: uuid(),
    enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'metric_values_pk', columns: [t.metricId, t.fiscalYear] }),
    foreignKey({
      name: 'metric_values_metric_fk',
      columns: [t.orgId, t.metricId],
      foreignColumns: [metrics.orgId, metrics.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'metric_values_file_fk',
      columns: [t.orgId, t.fileId],
      foreignColumns: [storedFiles.orgId, storedFiles.id],
    }),
    check(
      'metric_values_evidence',
      sql`coalesce(${t.evidenceJa}, ${t.evidenceEn}, ${t.fileId}::text) is not null`,
    ),
    check('metric_values_year', sql`${t.fiscalYear} between 1900 and 2200`),
  ],
);

/**
 * A medium- to long-term target: over a period (dates), a metric reaching a value. `materiality`
 * marks the main non-financial targets tied to materiality (M in the report). The actual is the
 * metric over the period up to the year reported; for a manual metric, `accumulation` says whether
 * the period's yearly values add up ('sum') or the latest one stands ('latest').
 */
export const targets = pgTable(
  'targets',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    titleJa: text(),
    titleEn: text(),
    descriptionJa: text(),
    descriptionEn: text(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    metricId: uuid(),
    targetValue: numeric({ precision: 20, scale: 4 }),
    accumulation: text().notNull().default('sum'),
    materiality: boolean().notNull().default(false),
    position: smallint().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('targets_org_id').on(t.orgId, t.id),
    unique('targets_org_code').on(t.orgId, t.code),
    foreignKey({
      name: 'targets_metric_fk',
      columns: [t.orgId, t.metricId],
      foreignColumns: [metrics.orgId, metrics.id],
    }),
    check('targets_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('targets_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('targets_period', sql`${t.periodEnd} > ${t.periodStart}`),
    check('targets_value', sql`(${t.metricId} is null) = (${t.targetValue} is null)`),
    check('targets_accumulation', sql`${t.accumulation} in ('sum', 'latest')`),
  ],
);

/**
 * A goal for one fiscal year, under a target or on its own. A measured goal compares its metric's
 * value for the year: at least / at most `goalValue`, or more than the year before ('increase');
 * 'none' is a goal stated in words, reported with its progress text.
 */
export const yearlyGoals = pgTable(
  'yearly_goals',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    fiscalYear: smallint().notNull(),
    targetId: uuid(),
    textJa: text(),
    textEn: text(),
    metricId: uuid(),
    comparison: text().notNull().default('none'),
    goalValue: numeric({ precision: 20, scale: 4 }),
    position: smallint().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('yearly_goals_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'yearly_goals_target_fk',
      columns: [t.orgId, t.targetId],
      foreignColumns: [targets.orgId, targets.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'yearly_goals_metric_fk',
      columns: [t.orgId, t.metricId],
      foreignColumns: [metrics.orgId, metrics.id],
    }),
    check('yearly_goals_text', sql`coalesce(${t.textJa}, ${t.textEn}) is not null`),
    check('yearly_goals_comparison', sql`${t.comparison} in ('none', 'at_least', 'at_most', 'increase')`),
    check(
      'yearly_goals_measure',
      sql`(${t.comparison} = 'none') = (${t.metricId} is null)
        and (${t.comparison} in ('at_least', 'at_most')) = (${t.goalValue} is not null)`,
    ),
    check('yearly_goals_year', sql`${t.fiscalYear} between 1900 and 2200`),
    index('yearly_goals_org_year_idx').on(t.orgId, t.fiscalYear),
  ],
);

/** For a target and a fiscal year: progress, achievements and issues, written in both languages. */
export const goalProgress = pgTable(
  'goal_progress',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    targetId: uuid().notNull(),
    fiscalYear: smallint().notNull(),
    progressJa: text(),
    progressEn: text(),
    achievementsJa: text(),
    achievementsEn: text(),
    issuesJa: text(),
    issuesEn: text(),
    updatedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'goal_progress_pk', columns: [t.targetId, t.fiscalYear] }),
    foreignKey({
      name: 'goal_progress_target_fk',
      columns: [t.orgId, t.targetId],
      foreignColumns: [targets.orgId, targets.id],
    }).onDelete('cascade'),
    check('goal_progress_year', sql`${t.fiscalYear} between 1900 and 2200`),
  ],
);
