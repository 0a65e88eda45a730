import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { departments, groupCompanies, organisations, sites } from '../organisations/organisations.table.js';

export const employees = pgTable(
  'employees',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    employeeNumber: text().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    nameKana: text().notNull(),
    email: text().notNull(),
    companyId: uuid().notNull(),
    siteId: uuid(),
    departmentId: uuid(),
    employmentStatus: text().notNull().default('active'),
    hireDate: date({ mode: 'string' }).notNull(),
    leaveDate: date({ mode: 'string' }),
    /** Normalised text (NFKC, lower case, katakana as hiragana) and its bigrams, for search in any script. */
    searchText: text().notNull(),
    searchGrams: text().array().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('employees_org_number').on(t.orgId, t.employeeNumber),
    unique('employees_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'employees_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'employees_site_fk',
      columns: [t.orgId, t.siteId],
      foreignColumns: [sites.orgId, sites.id],
    }),
    foreignKey({
      name: 'employees_department_fk',
      columns: [t.orgId, t.departmentId],
      foreignColumns: [departments.orgId, departments.id],
    }),
    check('employees_status', sql`${t.employmentStatus} in ('active', 'on_leave', 'left')`),
    check('employees_dates', sql`${t.leaveDate} is null or ${t.leaveDate} >= ${t.hireDate}`),
    check('employees_left_has_date', sql`${t.employmentStatus} <> 'left' or ${t.leaveDate} is not null`),
    check('employees_email', sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
    index('employees_search_grams_idx').using('gin', t.searchGrams),
    index('employees_org_email_idx').on(t.orgId, sql`lower(${t.email})`),
    index('employees_org_company_idx').on(t.orgId, t.companyId),
    index('employees_org_site_idx').on(t.orgId, t.siteId),
    index('employees_org_department_idx').on(t.orgId, t.departmentId),
    index('employees_org_name_idx').on(t.orgId, t.nameKana, t.id),
    index('employees_org_hire_idx').on(t.orgId, t.hireDate, t.id),
  ],
);
