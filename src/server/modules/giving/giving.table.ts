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
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';

/**
 * A donation drive for a disaster or a cause. 義援金 (`victim_relief`: money for victims, through
 * distribution committees) and 支援金 (`relief_work`: money for the NGOs doing relief work) are kept
 * apart by `fundType`; causes use `general`. Matching: the company adds `matchRatioPercent` % of
 * each paid employee donation's yen value, within the caps (null = no cap). Totals are read from
 * the ledger, never stored here.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The group company that runs it: the scope of `campaigns.manage`, and who pays the match. */
    companyId: uuid().notNull(),
    code: text().notNull(),
    kind: text().notNull(),
    fundType: text().notNull(),
    titleJa: text(),
    titleEn: text(),
    storyJa: text(),
    storyEn: text(),
    goalJpy: bigint({ mode: 'number' }),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    status: text().notNull().default('draft'),
    acceptsPoints: boolean().notNull().default(true),
    acceptsMoney: boolean().notNull().default(true),
    matchRatioPercent: smallint(),
    matchCapPerEmployeeJpy: bigint({ mode: 'number' }),
    matchCapPerCampaignJpy: bigint({ mode: 'number' }),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('campaigns_org_id').on(t.orgId, t.id),
    unique('campaigns_org_code').on(t.orgId, t.code),
    foreignKey({
      name: 'campaigns_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'campaigns_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('campaigns_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('campaigns_kind', sql`${t.kind} in ('disaster', 'cause')`),
    check('campaigns_fund_type', sql`${t.fundType} in ('victim_relief', 'relief_work', 'general')`),
    check('campaigns_status', sql`${t.status} in ('draft', 'open', 'closed')`),
    check('campaigns_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('campaigns_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('campaigns_goal', sql`${t.goalJpy} is null or ${t.goalJpy} > 0`),
    check('campaigns_accepts', sql`${t.acceptsPoints} or ${t.acceptsMoney}`),
    check(
      'campaigns_match',
      sql`(${t.matchRatioPercent} is null and ${t.matchCapPerEmployeeJpy} is null and ${t.matchCapPerCampaignJpy} is null)
        or (${t.matchRatioPercent} between 1 and 1000
          and coalesce(${t.matchCapPerEmployeeJpy}, 1) > 0 and coalesce(${t.matchCapPerCampaignJpy}, 1) > 0)`,
    ),
    index('campaigns_org_status_idx').on(t.orgId, t.status, t.startsOn),
  ],
);

/** The organisations a campaign's money goes to; position 1 receives what donors do not direct. */
export const campaignBeneficiaries = pgTable(
  'campaign_beneficiaries',
  {
    orgId: uuid().notNull(),
    campaignId: uuid().notNull(),
    partnerId: uuid().notNull(),
    position: smallint().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.partnerId] }),
    unique('campaign_beneficiaries_position').on(t.campaignId, t.position),
    foreignKey({
      name: 'campaign_beneficiaries_campaign_fk',
      columns: [t.orgId, t.campaignId],
      foreignColumns: [campaigns.orgId, campaigns.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'campaign_beneficiaries_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    check('campaign_beneficiaries_position_positive', sql`${t.position} > 0`),
  ],
);

/**
 * An employee's donation: points (paid at once, from the current fiscal year's points) or money
 * (a pledge, paid outside: payroll deduction or a payment provider, confirmed by CSV or webhook).
 * `valueJpy` is fixed when the donation is made (point value or FX of that day). The ledger
 * postings point here (`ledger_postings.donation_id`).
 */
export const donations = pgTable(
  'donations',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    employeeId: uuid().notNull(),
    campaignId: uuid(),
    partnerId: uuid().notNull(),
    kind: text().notNull(),
    method: text().notNull(),
    points: integer(),
    amountMinor: bigint({ mode: 'number' }),
    currency: text(),
    valueJpy: bigint({ mode: 'number' }).notNull(),
    status: text().notNull(),
    fiscalYear: smallint().notNull(),
    idempotencyKey: text().notNull(),
    /** The payment provider's or payroll's reference, once known. */
    externalRef: text(),
    pledgedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('donations_org_id').on(t.orgId, t.id),
    unique('donations_org_idempotency_key').on(t.orgId, t.idempotencyKey),
    uniqueIndex('donations_org_external_ref')
      .on(t.orgId, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
    foreignKey({
      name: 'donations_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    foreignKey({
      name: 'donations_campaign_fk',
      columns: [t.orgId, t.campaignId],
      foreignColumns: [campaigns.orgId, campaigns.id],
    }),
    foreignKey({
      name: 'donations_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    check('donations_kind', sql`${t.kind} in ('points', 'money')`),
    check('donations_method', sql`${t.method} in ('points', 'payroll', 'provider')`),
    check('donations_status', sql`${t.status} in ('pledged', 'paid', 'failed', 'refunded')`),
    check(
      'donations_shape',
      sql`(${t.kind} = 'points' and ${t.method} = 'points' and ${t.points} > 0 and ${t.amountMinor} is null
          and ${t.currency} is null and ${t.status} in ('paid', 'refunded'))
        or (${t.kind} = 'money' and ${t.method} in ('payroll', 'provider') and ${t.points} is null
          and ${t.amountMinor} > 0 and ${t.currency} ~ '^[A-Z]{3}$')`,
    ),
    check('donations_value', sql`${t.valueJpy} > 0`),
    check('donations_key', sql`length(${t.idempotencyKey}) between 8 and 200`),
    check('donations_paid_at', sql`(${t.status} in ('paid', 'refunded')) = (${t.paidAt} is not null)`),
    index('donations_org_employee_idx').on(t.orgId, t.employeeId, t.pledgedAt),
    index('donations_org_campaign_idx').on(t.orgId, t.campaignId),
    index('donations_org_status_idx').on(t.orgId, t.status),
  ],
);

/** The company's own donation (cash), recorded against a campaign or straight to an organisation. */
export const companyDonations = pgTable(
  'company_donations',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    companyId: uuid().notNull(),
    campaignId: uuid(),
    partnerId: uuid().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    valueJpy: bigint({ mode: 'number' }).notNull(),
    donatedOn: date({ mode: 'string' }).notNull(),
    note: text(),
    idempotencyKey: text().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('company_donations_org_id').on(t.orgId, t.id),
    unique('company_donations_org_idempotency_key').on(t.orgId, t.idempotencyKey),
    foreignKey({
      name: 'company_donations_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'company_donations_campaign_fk',
      columns: [t.orgId, t.campaignId],
      foreignColumns: [campaigns.orgId, campaigns.id],
    }),
    foreignKey({
      name: 'company_donations_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    foreignKey({
      name: 'company_donations_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('company_donations_amount', sql`${t.amountMinor} > 0 and ${t.valueJpy} > 0`),
    check('company_donations_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * A payment confirmation received for a money donation (CSV import or signed webhook). The event id
 * is unique, so a confirmation sent twice changes the donation once.
 */
export const donationEvents = pgTable(
  'donation_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    donationId: uuid().notNull(),
    source: text().notNull(),
    eventId: text().notNull(),
    status: text().notNull(),
    payload: jsonb(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('donation_events_org_event').on(t.orgId, t.source, t.eventId),
    foreignKey({
      name: 'donation_events_donation_fk',
      columns: [t.orgId, t.donationId],
      foreignColumns: [donations.orgId, donations.id],
    }),
    check('donation_events_source', sql`${t.source} in ('webhook', 'import', 'app')`),
    check('donation_events_status', sql`${t.status} in ('paid', 'failed', 'refunded')`),
    index('donation_events_donation_idx').on(t.donationId),
  ],
);
