import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
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
import { companyDonations, campaigns, donations } from '../giving/giving.table.js';
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { pointClaims } from '../points/points.table.js';

/** The kinds of account, with the keys each one needs (checked below) and the unit it holds. */
export const ACCOUNT_KINDS = [
  'employee_points', // PTS, employee + fiscal year: what an employee may spend (never below zero)
  'points_granted', // PTS, fiscal year: the source of grants (negative by design)
  'points_expired', // PTS, fiscal year: points that lapsed at the year's end
  'points_reimbursed', // PTS, fiscal year: points spent on volunteer expenses
  'points_donated', // PTS, fiscal year: points given away
  'points_funding', // JPY, fiscal year: the company's yen behind donated points (source)
  'employee_giving', // currency: money employees gave, paid outside (source)
  'company_giving', // currency, company: the company's donation budget (source)
  'payable', // currency, partner (+ campaign): what an organisation is owed (never below zero)
  'paid_out', // currency, partner: what has been paid to it
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const POSTING_KINDS = [
  'grant',
  'expiry',
  'claim',
  'point_donation',
  'money_donation',
  'company_donation',
  'match',
  'payout',
] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

const list = (xs: readonly string[]) => sql.raw(`(${xs.map((x) => `'${x}'`).join(', ')})`);

/**
 * A ledger account. `balance` is stored only for employee point accounts (read on every screen, and
 * only their owner's requests touch the row); shared accounts (campaign payables, sources, sinks)
 * have a null balance and are summed from their entries, so no single row serialises a giving
 * drive. Both floors (employee points, payables) are held by the database: the check constraint
 * here, and the entry trigger of migration 0006 (decision 0009).
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull(),
    /** 'PTS' for points, else an ISO 4217 currency (amounts in its minor unit). */
    unit: text().notNull(),
    employeeId: uuid(),
    fiscalYear: smallint(),
    companyId: uuid(),
    partnerId: uuid(),
    campaignId: uuid(),
    balance: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ledger_accounts_org_id_unit').on(t.orgId, t.id, t.unit),
    unique('ledger_accounts_key')
      .on(t.orgId, t.kind, t.unit, t.employeeId, t.fiscalYear, t.companyId, t.partnerId, t.campaignId)
      .nullsNotDistinct(),
    foreignKey({
      name: 'ledger_accounts_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    foreignKey({
      name: 'ledger_accounts_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'ledger_accounts_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    foreignKey({
      name: 'ledger_accounts_campaign_fk',
      columns: [t.orgId, t.campaignId],
      foreignColumns: [campaigns.orgId, campaigns.id],
    }),
    check('ledger_accounts_kind', sql`${t.kind} in ${list(ACCOUNT_KINDS)}`),
    check('ledger_accounts_unit', sql`${t.unit} = 'PTS' or ${t.unit} ~ '^[A-Z]{3}$'`),
    check(
      'ledger_accounts_shape',
      sql`case ${t.kind}
        when 'employee_points' then ${t.unit} = 'PTS' and ${t.employeeId} is not null and ${t.fiscalYear} is not null
          and ${t.companyId} is null and ${t.partnerId} is null and ${t.campaignId} is null
        when 'points_funding' then ${t.unit} <> 'PTS' and ${t.fiscalYear} is not null and ${t.employeeId} is null
          and ${t.companyId} is null and ${t.partnerId} is null and ${t.campaignId} is null
        when 'employee_giving' then ${t.unit} <> 'PTS' and ${t.employeeId} is null and ${t.fiscalYear} is null
          and ${t.companyId} is null and ${t.partnerId} is null and ${t.campaignId} is null
        when 'company_giving' then ${t.unit} <> 'PTS' and ${t.companyId} is not null and ${t.employeeId} is null
          and ${t.fiscalYear} is null and ${t.partnerId} is null and ${t.campaignId} is null
        when 'payable' then ${t.unit} <> 'PTS' and ${t.partnerId} is not null and ${t.employeeId} is null
          and ${t.fiscalYear} is null and ${t.companyId} is null
        when 'paid_out' then ${t.unit} <> 'PTS' and ${t.partnerId} is not null and ${t.employeeId} is null
          and ${t.fiscalYear} is null and ${t.companyId} is null and ${t.campaignId} is null
        else ${t.unit} = 'PTS' and ${t.fiscalYear} is not null and ${t.employeeId} is null
          and ${t.companyId} is null and ${t.partnerId} is null and ${t.campaignId} is null
      end`,
    ),
    check('ledger_accounts_tracked', sql`(${t.kind} = 'employee_points') = (${t.balance} is not null)`),
    check('ledger_accounts_balance_non_negative', sql`${t.balance} >= 0`),
    index('ledger_accounts_employee_idx').on(t.orgId, t.employeeId, t.fiscalYear),
    index('ledger_accounts_partner_idx').on(t.orgId, t.partnerId),
    index('ledger_accounts_campaign_idx').on(t.orgId, t.campaignId),
  ],
);

/**
 * A posting: one business event, append-only. Its entries sum to zero per unit (a deferred
 * constraint trigger checks it at commit). A correction is a new posting with `reversesId` (unique:
 * a posting is reversed at most once) and the same kind, so sums by kind net out.
 */
export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull(),
    idempotencyKey: text().notNull(),
    /** sha-256 of the request that made it: the same key with another request is refused. */
    requestHash: text().notNull(),
    /** The business date (in the organisation's time zone); its fiscal year is `fiscalYear`. */
    effectiveOn: date({ mode: 'string' }).notNull(),
    fiscalYear: smallint().notNull(),
    /** Yen per point used for the entries' `valueJpy` (the setting on the day of posting). */
    pointValueJpy: integer().notNull(),
    memo: text(),
    employeeId: uuid(),
    campaignId: uuid(),
    partnerId: uuid(),
    donationId: uuid(),
    companyDonationId: uuid(),
    claimId: uuid(),
    payoutId: uuid(),
    reversesId: uuid(),
    createdBy: uuid(),
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ledger_postings_org_id').on(t.orgId, t.id),
    unique('ledger_postings_idempotency_key').on(t.orgId, t.idempotencyKey),
    uniqueIndex('ledger_postings_reverses').on(t.reversesId).where(sql`${t.reversesId} is not null`),
    uniqueIndex('ledger_postings_one_per_donation')
      .on(t.donationId, t.kind)
      .where(sql`${t.donationId} is not null and ${t.reversesId} is null`),
    uniqueIndex('ledger_postings_one_per_claim')
      .on(t.claimId)
      .where(sql`${t.claimId} is not null and ${t.reversesId} is null`),
    foreignKey({
      name: 'ledger_postings_reverses_fk',
      columns: [t.orgId, t.reversesId],
      foreignColumns: [t.orgId, t.id],
    }),
    foreignKey({
      name: 'ledger_postings_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    foreignKey({
      name: 'ledger_postings_campaign_fk',
      columns: [t.orgId, t.campaignId],
      foreignColumns: [campaigns.orgId, campaigns.id],
    }),
    foreignKey({
      name: 'ledger_postings_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    foreignKey({
      name: 'ledger_postings_donation_fk',
      columns: [t.orgId, t.donationId],
      foreignColumns: [donations.orgId, donations.id],
    }),
    foreignKey({
      name: 'ledger_postings_company_donation_fk',
      columns: [t.orgId, t.companyDonationId],
      foreignColumns: [companyDonations.orgId, companyDonations.id],
    }),
    foreignKey({
      name: 'ledger_postings_claim_fk',
      columns: [t.orgId, t.claimId],
      foreignColumns: [pointClaims.orgId, pointClaims.id],
    }),
    foreignKey({
      name: 'ledger_postings_payout_fk',
      columns: [t.orgId, t.payoutId],
      foreignColumns: [payouts.orgId, payouts.id],
    }),
    foreignKey({
      name: 'ledger_postings_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('ledger_postings_kind', sql`${t.kind} in ${list(POSTING_KINDS)}`),
    check('ledger_postings_key', sql`length(${t.idempotencyKey}) between 1 and 200`),
    check('ledger_postings_point_value', sql`${t.pointValueJpy} > 0`),
    check('ledger_postings_not_self_reversal', sql`${t.reversesId} is null or ${t.reversesId} <> ${t.id}`),
    index('ledger_postings_org_kind_idx').on(t.orgId, t.kind, t.effectiveOn),
    // Partial: most postings (grants, expiries) have no campaign, partner, donation or payout, and a
    // bulk grant should not pay for indexing nulls.
    index('ledger_postings_campaign_idx').on(t.campaignId, t.kind).where(sql`${t.campaignId} is not null`),
    index('ledger_postings_employee_idx').on(t.orgId, t.employeeId, t.postedAt),
    index('ledger_postings_partner_idx').on(t.partnerId).where(sql`${t.partnerId} is not null`),
    index('ledger_postings_donation_idx').on(t.donationId).where(sql`${t.donationId} is not null`),
    index('ledger_postings_payout_idx').on(t.payoutId).where(sql`${t.payoutId} is not null`),
  ],
);

/**
 * An entry: a signed amount on one account, in the account's unit (the composite foreign key makes
 * a unit mismatch impossible), with its value in yen fixed when posted.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid().notNull(),
    postingId: uuid().notNull(),
    accountId: uuid().notNull(),
    unit: text().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    valueJpy: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    foreignKey({
      name: 'ledger_entries_posting_fk',
      columns: [t.orgId, t.postingId],
      foreignColumns: [ledgerPostings.orgId, ledgerPostings.id],
    }),
    foreignKey({
      name: 'ledger_entries_account_fk',
      columns: [t.orgId, t.accountId, t.unit],
      foreignColumns: [ledgerAccounts.orgId, ledgerAccounts.id, ledgerAccounts.unit],
    }),
    check('ledger_entries_amount', sql`${t.amount} <> 0`),
    check('ledger_entries_value_sign', sql`sign(${t.valueJpy}) in (0, sign(${t.amount}))`),
    index('ledger_entries_account_idx').on(t.accountId, t.id),
    index('ledger_entries_posting_idx').on(t.postingId),
  ],
);

/** The posting kinds that give money to an organisation (payouts only move it on). */
export const GIVING_POSTING_KINDS = [
  'point_donation',
  'money_donation',
  'company_donation',
  'match',
] as const;
/** The accounts whose giving entries are summed: what organisations are owed, and the points given. */
export const GIVING_ACCOUNT_KINDS = ['payable', 'points_donated'] as const;

/**
 * The giving entries summed per donor: one row per fiscal year, giving kind, campaign (null: given to
 * an organisation directly), donor (null: the company's own donation) and account. Part of the
 * ledger, kept by its entry trigger in the statement that inserts the entries (migration 0017): a
 * report reads a year's giving from here instead of joining hundreds of thousands of entries to
 * their postings. Only the donor's own postings touch a row, like their point balance, so a drive
 * has no hot row. `ledger verify` checks every row against the entries (decision 0016).
 */
export const ledgerGivingTotals = pgTable(
  'ledger_giving_totals',
  {
    orgId: uuid().notNull(),
    fiscalYear: smallint().notNull(),
    kind: text().notNull(),
    campaignId: uuid(),
    employeeId: uuid(),
    accountId: uuid().notNull(),
    accountKind: text().notNull(),
    unit: text().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    valueJpy: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    unique('ledger_giving_totals_key')
      .on(t.orgId, t.fiscalYear, t.kind, t.campaignId, t.employeeId, t.accountId)
      .nullsNotDistinct(),
    foreignKey({
      name: 'ledger_giving_totals_account_fk',
      columns: [t.orgId, t.accountId, t.unit],
      foreignColumns: [ledgerAccounts.orgId, ledgerAccounts.id, ledgerAccounts.unit],
    }),
    check('ledger_giving_totals_kind', sql`${t.kind} in ${list(GIVING_POSTING_KINDS)}`),
    check('ledger_giving_totals_account_kind', sql`${t.accountKind} in ${list(GIVING_ACCOUNT_KINDS)}`),
    index('ledger_giving_totals_campaign_idx')
      .on(t.orgId, t.campaignId)
      .where(sql`${t.campaignId} is not null`),
  ],
);

/** Finance's batch of what organisations are owed: a CSV for the bank, then marked paid. */
export const payouts = pgTable(
  'payouts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    reference: text().notNull(),
    currency: text().notNull(),
    status: text().notNull().default('draft'),
    paidOn: date({ mode: 'string' }),
    createdBy: uuid(),
    paidBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('payouts_org_id').on(t.orgId, t.id),
    unique('payouts_org_reference').on(t.orgId, t.reference),
    foreignKey({
      name: 'payouts_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'payouts_paid_by_fk',
      columns: [t.orgId, t.paidBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('payouts_status', sql`${t.status} in ('draft', 'paid', 'cancelled')`),
    check('payouts_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('payouts_paid', sql`(${t.status} = 'paid') = (${t.paidOn} is not null)`),
  ],
);

/** One payable account's amount in a payout. `open` while the payout is a draft: one open line per account. */
export const payoutLines = pgTable(
  'payout_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    payoutId: uuid().notNull(),
    partnerId: uuid().notNull(),
    accountId: uuid().notNull(),
    currency: text().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    open: boolean().notNull().default(true),
  },
  (t) => [
    uniqueIndex('payout_lines_one_open_per_account').on(t.accountId).where(sql`${t.open}`),
    unique('payout_lines_payout_account').on(t.payoutId, t.accountId),
    foreignKey({
      name: 'payout_lines_payout_fk',
      columns: [t.orgId, t.payoutId],
      foreignColumns: [payouts.orgId, payouts.id],
    }),
    foreignKey({
      name: 'payout_lines_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    foreignKey({
      name: 'payout_lines_account_fk',
      columns: [t.orgId, t.accountId, t.currency],
      foreignColumns: [ledgerAccounts.orgId, ledgerAccounts.id, ledgerAccounts.unit],
    }),
    check('payout_lines_amount', sql`${t.amountMinor} > 0`),
  ],
);

/**
 * The exchange rate of a currency for a fiscal year (yen per one unit of the currency), set by
 * finance. Amounts in other currencies get their yen value from it when posted.
 */
export const fxRates = pgTable(
  'fx_rates',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    fiscalYear: smallint().notNull(),
    currency: text().notNull(),
    jpyPerUnit: numeric({ precision: 18, scale: 6 }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.fiscalYear, t.currency] }),
    check('fx_rates_currency', sql`${t.currency} ~ '^[A-Z]{3}$' and ${t.currency} <> 'JPY'`),
    check('fx_rates_positive', sql`${t.jpyPerUnit} > 0`),
  ],
);

/** The result of each `ledger verify` run (CLI, scheduled job or the finance screen). */
export const ledgerChecks = pgTable(
  'ledger_checks',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    source: text().notNull(),
    ok: boolean().notNull(),
    problems: jsonb().notNull().default(sql`'[]'::jsonb`),
    entries: bigint({ mode: 'number' }).notNull(),
    ranAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('ledger_checks_source', sql`${t.source} in ('cli', 'job', 'app')`),
    index('ledger_checks_org_ran_idx').on(t.orgId, t.ranAt),
  ],
);
