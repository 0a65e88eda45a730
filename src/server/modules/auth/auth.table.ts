import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { groupCompanies, organisations, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';

/** A local account. E-mail is unique across the deployment: it is what people sign in with. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    email: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text(),
    employeeId: uuid(),
    locale: text().notNull().default('ja'),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    unique('users_org_id').on(t.orgId, t.id),
    unique('users_org_employee').on(t.orgId, t.employeeId),
    foreignKey({
      name: 'users_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    check('users_locale', sql`${t.locale} in ('ja', 'en')`),
    check('users_failed_logins', sql`${t.failedLogins} >= 0`),
  ],
);

/** A role granted on a scope: the whole organisation, one group company, or one site. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    userId: uuid().notNull(),
    role: text().notNull(),
    scopeType: text().notNull(),
    companyId: uuid(),
    siteId: uuid(),
    grantedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'role_grants_user_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'role_grants_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'role_grants_site_fk',
      columns: [t.orgId, t.siteId],
      foreignColumns: [sites.orgId, sites.id],
    }),
    unique('role_grants_unique').on(t.userId, t.role, t.scopeType, t.companyId, t.siteId).nullsNotDistinct(),
    check(
      'role_grants_role',
      sql`${t.role} in ('org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'auditor', 'employee')`,
    ),
    check(
      'role_grants_scope',
      sql`(${t.scopeType} = 'org' and ${t.companyId} is null and ${t.siteId} is null)
        or (${t.scopeType} = 'company' and ${t.companyId} is not null and ${t.siteId} is null)
        or (${t.scopeType} = 'site' and ${t.siteId} is not null and ${t.companyId} is null)`,
    ),
    index('role_grants_org_user_idx').on(t.orgId, t.userId),
  ],
);

/** Server-side sessions, shared by every app instance. The id is the SHA-256 of the cookie's token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    orgId: uuid().notNull(),
    userId: uuid().notNull(),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    foreignKey({
      name: 'sessions_user_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
    index('sessions_user_idx').on(t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/** Personal API tokens for scripts; only the SHA-256 of the secret is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    userId: uuid().notNull(),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    prefix: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'api_tokens_user_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
    index('api_tokens_user_idx').on(t.orgId, t.userId),
  ],
);
