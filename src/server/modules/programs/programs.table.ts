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
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { classification, scheme } from '../reference/reference.table.js';

/**
 * A program: the Social Entrepreneurship School, the Pro Bono Initiative, e-Net Caravan. Its
 * classifications refer to the reference table by (scheme, code); `startYear` is a fiscal year
 * (the year it starts, like every `fiscalYear` column). Scope: `companyId`, the owning group company.
 */
export const programs = pgTable(
  'programs',
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
    framework: text().notNull(),
    companyId: uuid().notNull(),
    companyField: text(),
    companyFieldScheme: scheme('company_field'),
    visionLayer: text(),
    visionLayerScheme: scheme('vision_layer'),
    keidanrenField: text(),
    keidanrenFieldScheme: scheme('keidanren_field'),
    b4siCause: text(),
    b4siCauseScheme: scheme('b4si_cause'),
    b4siMotivation: text(),
    b4siMotivationScheme: scheme('b4si_motivation'),
    sdgs: smallint().array().notNull().default(sql`'{}'`),
    startYear: smallint().notNull(),
    endYear: smallint(),
    status: text().notNull().default('active'),
    /** Months between reviews (evaluation). */
    reviewCycleMonths: smallint().notNull().default(12),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('programs_org_id').on(t.orgId, t.id),
    unique('programs_org_code').on(t.orgId, t.code),
    foreignKey({
      name: 'programs_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    classification('programs_company_field_fk', [t.companyFieldScheme, t.companyField]),
    classification('programs_vision_layer_fk', [t.visionLayerScheme, t.visionLayer]),
    classification('programs_keidanren_field_fk', [t.keidanrenFieldScheme, t.keidanrenField]),
    classification('programs_b4si_cause_fk', [t.b4siCauseScheme, t.b4siCause]),
    classification('programs_b4si_motivation_fk', [t.b4siMotivationScheme, t.b4siMotivation]),
    check('programs_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('programs_name', sql`coalesce(${t.nameJa}, ${t.nameEn}) is not null`),
    check(
      'programs_framework',
      sql`${t.framework} in ('company_program', 'local_activity', 'foundation_grant')`,
    ),
    check('programs_status', sql`${t.status} in ('planned', 'active', 'ended')`),
    check('programs_sdgs', sql`${t.sdgs} <@ array[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]`),
    check(
      'programs_years',
      sql`${t.startYear} between 1900 and 2200 and (${t.endYear} is null or ${t.endYear} >= ${t.startYear})`,
    ),
    check('programs_review_cycle', sql`${t.reviewCycleMonths} between 1 and 60`),
    index('programs_org_company_idx').on(t.orgId, t.companyId),
  ],
);

/** The partners a program works with, and in what role. */
export const programPartners = pgTable(
  'program_partners',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    partnerId: uuid().notNull(),
    role: text().notNull().default('partner'),
  },
  (t) => [
    primaryKey({ name: 'program_partners_pk', columns: [t.programId, t.partnerId] }),
    foreignKey({
      name: 'program_partners_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'program_partners_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    check(
      'program_partners_role',
      sql`${t.role} in ('organiser', 'partner', 'host', 'beneficiary', 'funder')`,
    ),
    index('program_partners_partner_idx').on(t.orgId, t.partnerId),
  ],
);
