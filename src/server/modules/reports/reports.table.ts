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
} from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';
import { programs } from '../programs/programs.table.js';

/** The report's sections, in the seeds' order. */
export const REPORT_SECTIONS = [
  'policy',
  'framework',
  'disaster',
  'programs',
  'volunteering',
  'regional',
  'goals',
  'expenses',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * The report of a fiscal year: draft until a CSR manager publishes it (which needs the year closed and
 * every text in both languages). `amountUnitJa` is how Japanese amounts read: 億円 ('oku', 6.7億円) or
 * 百万円 ('hyakuman', 828百万円).
 */
export const reports = pgTable(
  'reports',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    fiscalYear: smallint().notNull(),
    status: text().notNull().default('draft'),
    amountUnitJa: text().notNull().default('oku'),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'reports_pk', columns: [t.orgId, t.fiscalYear] }),
    check('reports_status', sql`${t.status} in ('draft', 'published')`),
    check('reports_published', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check('reports_amount_unit', sql`${t.amountUnitJa} in ('oku', 'hyakuman')`),
    check('reports_year', sql`${t.fiscalYear} between 1900 and 2200`),
  ],
);

/**
 * A content block of a report, which the organisation writes in both languages: the policy, the
 * framework, a disaster-support note, a program's highlight (with `programId`, whose figures the report
 * pulls live from the program records), a regional initiative.
 */
export const reportBlocks = pgTable(
  'report_blocks',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    fiscalYear: smallint().notNull(),
    section: text().notNull(),
    position: smallint().notNull().default(0),
    programId: uuid(),
    titleJa: text(),
    titleEn: text(),
    bodyJa: text(),
    bodyEn: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('report_blocks_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'report_blocks_report_fk',
      columns: [t.orgId, t.fiscalYear],
      foreignColumns: [reports.orgId, reports.fiscalYear],
    }).onDelete('cascade'),
    foreignKey({
      name: 'report_blocks_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }),
    check(
      'report_blocks_section',
      sql.raw(`"section" in (${REPORT_SECTIONS.map((s) => `'${s}'`).join(', ')})`),
    ),
    check(
      'report_blocks_text',
      sql`coalesce(${t.titleJa}, ${t.titleEn}, ${t.bodyJa}, ${t.bodyEn}, ${t.programId}::text) is not null`,
    ),
    index('report_blocks_org_year_idx').on(t.orgId, t.fiscalYear, t.section, t.position),
  ],
);
