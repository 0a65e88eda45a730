import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  integer,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/** A corporate group: the tenant. Every other row carries its id. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    defaultLocale: text().notNull().default('ja'),
    fiscalYearStartMonth: smallint().notNull().default(4),
    fyLabelJa: text().notNull().default('start'),
    fyLabelEn: text().notNull().default('end'),
    defaultCurrency: text().notNull().default('JPY'),
    /** Value of one benefit point in minor units of the default currency. */
    pointValueMinor: integer().notNull().default(100),
    ...timestamps,
  },
  (t) => [
    check('organisations_code_format', sql`${t.code} ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'`),
    check('organisations_locale', sql`${t.defaultLocale} in ('ja', 'en')`),
    check('organisations_fy_month', sql`${t.fiscalYearStartMonth} between 1 and 12`),
    check('organisations_fy_label_ja', sql`${t.fyLabelJa} in ('start', 'end')`),
    check('organisations_fy_label_en', sql`${t.fyLabelEn} in ('start', 'end')`),
    check('organisations_currency', sql`${t.defaultCurrency} ~ '^[A-Z]{3}$'`),
    check('organisations_point_value', sql`${t.pointValueMinor} > 0`),
  ],
);

export const groupCompanies = pgTable(
  'group_companies',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    country: text().notNull(),
    currency: text().notNull(),
    timeZone: text().notNull(),
    ...timestamps,
  },
  (t) => [
    unique('group_companies_org_code').on(t.orgId, t.code),
    unique('group_companies_org_id').on(t.orgId, t.id),
    check('group_companies_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('group_companies_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const sites = pgTable(
  'sites',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    companyId: uuid().notNull(),
    code: text().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    kind: text().notNull().default('office'),
    /** JIS X 0401 prefecture code (01-47) for sites in Japan. */
    prefecture: text(),
    /** Free region for sites outside Japan (state, province). */
    region: text(),
    timeZone: text().notNull(),
    ...timestamps,
  },
  (t) => [
    unique('sites_org_code').on(t.orgId, t.code),
    unique('sites_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'sites_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    check('sites_kind', sql`${t.kind} in ('head_office', 'office', 'factory', 'lab', 'other')`),
    check(
      'sites_prefecture',
      sql`${t.prefecture} is null or ${t.prefecture} ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'`,
    ),
    index('sites_company_idx').on(t.orgId, t.companyId),
  ],
);

export const departments = pgTable(
  'departments',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    companyId: uuid().notNull(),
    parentId: uuid(),
    code: text().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    ...timestamps,
  },
  (t) => [
    unique('departments_org_company_code').on(t.orgId, t.companyId, t.code),
    unique('departments_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'departments_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'departments_parent_fk',
      columns: [t.orgId, t.parentId],
      foreignColumns: [t.orgId, t.id],
    }),
    check('departments_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    index('departments_company_idx').on(t.orgId, t.companyId),
  ],
);
