import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';

/**
 * An organisation the group gives to or works with: NPO, NGO, municipality, school. This issue keeps
 * the admin-kept list with its `eligible` flag; the partners issue adds screening and agreements.
 * Bank details are what the payout CSV needs.
 */
export const partners = pgTable(
  'partners',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    nameJa: text(),
    nameEn: text(),
    kind: text().notNull(),
    /** 法人番号: 13 digits when known. */
    corporateNumber: text(),
    website: text(),
    /** May receive donations (the partners issue's screening sets it; until then an admin does). */
    eligible: boolean().notNull().default(false),
    status: text().notNull().default('active'),
    bankName: text(),
    bankBranch: text(),
    bankAccountType: text(),
    bankAccountNumber: text(),
    bankAccountHolder: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('partners_org_id').on(t.orgId, t.id),
    unique('partners_org_code').on(t.orgId, t.code),
    check('partners_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('partners_name', sql`coalesce(${t.nameJa}, ${t.nameEn}) is not null`),
    check(
      'partners_kind',
      sql`${t.kind} in ('npo', 'ngo', 'public_interest', 'municipality', 'school', 'university', 'international', 'other')`,
    ),
    check('partners_status', sql`${t.status} in ('active', 'closed')`),
    check(
      'partners_corporate_number',
      sql`${t.corporateNumber} is null or ${t.corporateNumber} ~ '^[0-9]{13}$'`,
    ),
    check(
      'partners_bank_account_type',
      sql`${t.bankAccountType} is null or ${t.bankAccountType} in ('ordinary', 'current', 'savings')`,
    ),
    check(
      'partners_bank_account_number',
      sql`${t.bankAccountNumber} is null or ${t.bankAccountNumber} ~ '^[0-9]{1,8}$'`,
    ),
    index('partners_org_eligible_idx').on(t.orgId, t.eligible, t.status),
  ],
);
