import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';

/**
 * An organisation the group gives to or works with: NPO, NGO, municipality, school. 法人番号 and the
 * local-government code are checked by their check digits in the database (functions of migration
 * 0008). Eligibility comes from screening (partners/screening.table.ts): a passed screening sets
 * `eligibleUntil` to its re-screening due date, a failed one clears it; a partner is eligible while
 * it is active and `eligibleUntil` is today or later (partners/partners.eligibility.ts). Bank details are what the payout CSV needs.
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
    /** 法人番号: 13 digits, the first one a check digit. */
    corporateNumber: text(),
    /** 全国地方公共団体コード: 6 digits, the last one a check digit (prefectures and municipalities). */
    localGovCode: text(),
    website: text(),
    postalCode: text(),
    addressJa: text(),
    addressEn: text(),
    descriptionJa: text(),
    descriptionEn: text(),
    /** Company fields (classifications, scheme company_field) the organisation works in. */
    fields: text().array().notNull().default(sql`'{}'`),
    /** Eligible for donations, grants and new programs through this day (the screening's re-screening due date). */
    eligibleUntil: date({ mode: 'string' }),
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
      sql`${t.kind} in ('npo', 'ngo', 'public_interest', 'municipality', 'prefecture', 'school', 'university', 'foundation', 'company', 'international', 'other')`,
    ),
    check('partners_status', sql`${t.status} in ('active', 'closed')`),
    check(
      'partners_corporate_number',
      sql`${t.corporateNumber} is null or kyosei_corporate_number_ok(${t.corporateNumber})`,
    ),
    check(
      'partners_local_gov_code',
      sql`${t.localGovCode} is null or kyosei_local_gov_code_ok(${t.localGovCode})`,
    ),
    check('partners_postal_code', sql`${t.postalCode} is null or ${t.postalCode} ~ '^[0-9]{3}-?[0-9]{4}$'`),
    check(
      'partners_fields',
      sql`${t.fields} <@ array['education_culture_sports', 'welfare_diversity', 'environment', 'regional']::text[]`,
    ),
    check(
      'partners_bank_account_type',
      sql`${t.bankAccountType} is null or ${t.bankAccountType} in ('ordinary', 'current', 'savings')`,
    ),
    check(
      'partners_bank_account_number',
      sql`${t.bankAccountNumber} is null or ${t.bankAccountNumber} ~ '^[0-9]{1,8}$'`,
    ),
    index('partners_org_eligible_until_idx').on(t.orgId, t.eligibleUntil),
  ],
);

/** The people to talk to at a partner. */
export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    partnerId: uuid().notNull(),
    name: text().notNull(),
    title: text(),
    email: text(),
    phone: text(),
    isPrimary: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('partner_contacts_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'partner_contacts_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }).onDelete('cascade'),
    check('partner_contacts_name', sql`length(${t.name}) between 1 and 200`),
    check(
      'partner_contacts_email',
      sql`${t.email} is null or ${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`,
    ),
    index('partner_contacts_partner_idx').on(t.orgId, t.partnerId),
  ],
);
