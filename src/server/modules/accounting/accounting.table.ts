import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { ledgerPostings } from '../ledger/ledger.table.js';
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { programs } from '../programs/programs.table.js';
import { classification, scheme } from '../reference/reference.table.js';

/** What an expense is (docs/accounting.md): each type has the valuation bases it may use. */
export const EXPENSE_TYPES = [
  'cash_donation',
  'product_donation',
  'facility_opening',
  'employee_time',
  'management_costs',
  'sponsorship',
] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

/** How an expense was valued (DOMAIN.md, "Money and valuation"). */
export const VALUATION_BASES = [
  'actual_cash',
  'market_unit_price',
  'equivalent_external_rate',
  'cost_to_company',
  'salary_cost_per_hour',
] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];

/** The bases valued as quantity x unit price, whose amount the database checks. */
export const QUANTITY_BASES = [
  'market_unit_price',
  'equivalent_external_rate',
  'salary_cost_per_hour',
] as const;

/** Which bases each type may use. */
export const BASES_BY_TYPE: Record<ExpenseType, readonly ValuationBasis[]> = {
  cash_donation: ['actual_cash'],
  sponsorship: ['actual_cash'],
  management_costs: ['actual_cash'],
  product_donation: ['market_unit_price', 'cost_to_company'],
  facility_opening: ['equivalent_external_rate', 'cost_to_company'],
  employee_time: ['salary_cost_per_hour'],
};

/** Where an expense came from: typed in the app, imported from accounting, posted from the ledger. */
export const EXPENSE_SOURCES = ['app', 'import', 'ledger'] as const;
export type ExpenseSource = (typeof EXPENSE_SOURCES)[number];

/** Keidanren's split: a gift (寄付) to a recipient, or the company's own program (自主プログラム). */
export const EXPENSE_CHANNELS = ['gift', 'own_program'] as const;
export type ExpenseChannel = (typeof EXPENSE_CHANNELS)[number];

const quoted = (xs: readonly string[]) => `(${xs.map((x) => `'${x}'`).join(', ')})`;
const list = (xs: readonly string[]) => sql.raw(quoted(xs));

const typeBasisPairs = sql.raw(
  Object.entries(BASES_BY_TYPE)
    .map(([type, bases]) => `("type" = '${type}' and "valuation_basis" in ${quoted(bases)})`)
    .join(' or '),
);

/**
 * A community-investment expense (a contribution): what was given, to whom, in which fiscal year,
 * how it was valued, and how the three reporting methods classify it (decision 0013).
 *
 * - `amountMinor` is in `currency`'s minor unit; `amountJpy` is its yen value at the fiscal year's FX
 *   rate, fixed when recorded. For the quantity bases the database holds amount = quantity x unit price.
 * - `costMinor`/`costJpy`: what an in-kind item cost the company, when it is valued at market price or
 *   external rate (B4SI counts in-kind at cost; without it, B4SI uses the amount and flags the item).
 * - `fiscalYear` is the year the expense falls in (the year it starts, like every `fiscalYear` column).
 *   A closed year's rows never change (migration 0015): a later correction is a row of a restatement,
 *   which may be negative and names the expense it adjusts.
 * - `source` = 'ledger' rows are posted from a ledger posting (company donations, matching), once each.
 */
export const expenses = pgTable(
  'expenses',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    companyId: uuid().notNull(),
    spentOn: date({ mode: 'string' }).notNull(),
    fiscalYear: smallint().notNull(),
    programId: uuid(),
    partnerId: uuid(),
    recipientText: text(),
    descriptionJa: text(),
    descriptionEn: text(),
    type: text().notNull(),
    valuationBasis: text().notNull(),
    channel: text().notNull(),
    political: boolean().notNull().default(false),
    quantity: numeric({ precision: 18, scale: 4 }),
    unitPriceMinor: bigint({ mode: 'number' }),
    currency: text().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    amountJpy: bigint({ mode: 'number' }).notNull(),
    costMinor: bigint({ mode: 'number' }),
    costJpy: bigint({ mode: 'number' }),
    keidanrenField: text().notNull(),
    keidanrenFieldScheme: scheme('keidanren_field'),
    companyField: text(),
    companyFieldScheme: scheme('company_field'),
    b4siCause: text(),
    b4siCauseScheme: scheme('b4si_cause'),
    b4siMotivation: text(),
    b4siMotivationScheme: scheme('b4si_motivation'),
    b4siRegion: text(),
    b4siRegionScheme: scheme('b4si_region'),
    source: text().notNull().default('app'),
    externalRef: text(),
    ledgerPostingId: uuid(),
    restatementId: uuid(),
    adjustsExpenseId: uuid(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('expenses_org_id').on(t.orgId, t.id),
    unique('expenses_org_external_ref').on(t.orgId, t.externalRef),
    unique('expenses_org_ledger_posting').on(t.orgId, t.ledgerPostingId),
    foreignKey({
      name: 'expenses_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'expenses_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }),
    foreignKey({
      name: 'expenses_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    foreignKey({
      name: 'expenses_ledger_posting_fk',
      columns: [t.orgId, t.ledgerPostingId],
      foreignColumns: [ledgerPostings.orgId, ledgerPostings.id],
    }),
    foreignKey({
      name: 'expenses_restatement_fk',
      columns: [t.orgId, t.restatementId],
      foreignColumns: [restatements.orgId, restatements.id],
    }),
    foreignKey({
      name: 'expenses_adjusts_fk',
      columns: [t.orgId, t.adjustsExpenseId],
      foreignColumns: [t.orgId, t.id],
    }),
    classification('expenses_keidanren_field_fk', [t.keidanrenFieldScheme, t.keidanrenField]),
    classification('expenses_company_field_fk', [t.companyFieldScheme, t.companyField]),
    classification('expenses_b4si_cause_fk', [t.b4siCauseScheme, t.b4siCause]),
    classification('expenses_b4si_motivation_fk', [t.b4siMotivationScheme, t.b4siMotivation]),
    classification('expenses_b4si_region_fk', [t.b4siRegionScheme, t.b4siRegion]),
    check('expenses_type', sql`${t.type} in ${list(EXPENSE_TYPES)}`),
    check('expenses_basis', sql`${t.valuationBasis} in ${list(VALUATION_BASES)}`),
    check('expenses_type_basis', typeBasisPairs),
    check('expenses_channel', sql`${t.channel} in ${list(EXPENSE_CHANNELS)}`),
    check('expenses_source', sql`${t.source} in ${list(EXPENSE_SOURCES)}`),
    check('expenses_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('expenses_fiscal_year', sql`${t.fiscalYear} between 1900 and 2200`),
    check('expenses_description', sql`coalesce(${t.descriptionJa}, ${t.descriptionEn}) is not null`),
    check('expenses_recipient', sql`${t.partnerId} is null or ${t.recipientText} is null`),
    // Positive, except the rows that adjust another (restatements, reversed ledger postings).
    check(
      'expenses_amount',
      sql`${t.amountMinor} > 0 or (${t.adjustsExpenseId} is not null and ${t.amountMinor} <> 0)`,
    ),
    check('expenses_amount_jpy_sign', sql`sign(${t.amountJpy}) in (0, sign(${t.amountMinor}))`),
    check(
      'expenses_quantity',
      sql`(${t.valuationBasis} in ${list(QUANTITY_BASES)}) = (${t.quantity} is not null and ${t.unitPriceMinor} is not null)
        and (${t.unitPriceMinor} is null or ${t.unitPriceMinor} > 0)
        and (${t.quantity} is null or ${t.amountMinor} = round(${t.quantity} * ${t.unitPriceMinor}))`,
    ),
    check(
      'expenses_cost',
      sql`(${t.costMinor} is null) = (${t.costJpy} is null)
        and (${t.costMinor} is null or ${t.valuationBasis} in ('market_unit_price', 'equivalent_external_rate'))`,
    ),
    check('expenses_ledger_source', sql`(${t.source} = 'ledger') = (${t.ledgerPostingId} is not null)`),
    check('expenses_import_ref', sql`${t.source} <> 'import' or ${t.externalRef} is not null`),
    check(
      'expenses_external_ref',
      sql`${t.externalRef} is null or length(${t.externalRef}) between 1 and 100`,
    ),
    index('expenses_org_year_field_idx').on(t.orgId, t.fiscalYear, t.keidanrenField),
    index('expenses_org_year_company_idx').on(t.orgId, t.fiscalYear, t.companyId),
    index('expenses_org_program_idx').on(t.orgId, t.programId),
    index('expenses_org_restatement_idx').on(t.orgId, t.restatementId),
  ],
);

/** Files attached to an expense (invoices, photos of the donated goods). */
export const expenseFiles = pgTable(
  'expense_files',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    expenseId: uuid().notNull(),
    fileId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ name: 'expense_files_pk', columns: [t.expenseId, t.fileId] }),
    foreignKey({
      name: 'expense_files_expense_fk',
      columns: [t.orgId, t.expenseId],
      foreignColumns: [expenses.orgId, expenses.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'expense_files_file_fk',
      columns: [t.orgId, t.fileId],
      foreignColumns: [storedFiles.orgId, storedFiles.id],
    }),
  ],
);

/**
 * A closed fiscal year. Closing stores `snapshot`, the year's report figures as they stand (the JSON
 * of the report without its texts), so the year's report reads the same tomorrow as today; from then
 * on the year's expenses never change (migration 0015), and corrections are restatements.
 */
export const fiscalYearCloses = pgTable(
  'fiscal_year_closes',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    fiscalYear: smallint().notNull(),
    snapshot: jsonb().notNull(),
    closedBy: uuid(),
    closedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'fiscal_year_closes_pk', columns: [t.orgId, t.fiscalYear] }),
    check('fiscal_year_closes_year', sql`${t.fiscalYear} between 1900 and 2200`),
  ],
);

/**
 * A correction to a closed year: its reason in both languages, the expense rows it adds (which may
 * adjust earlier ones), and the figures after it (`snapshot`), which the report shows as restated.
 */
export const restatements = pgTable(
  'restatements',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    fiscalYear: smallint().notNull(),
    reasonJa: text(),
    reasonEn: text(),
    snapshot: jsonb(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('restatements_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'restatements_close_fk',
      columns: [t.orgId, t.fiscalYear],
      foreignColumns: [fiscalYearCloses.orgId, fiscalYearCloses.fiscalYear],
    }),
    check('restatements_reason', sql`coalesce(${t.reasonJa}, ${t.reasonEn}) is not null`),
    index('restatements_org_year_idx').on(t.orgId, t.fiscalYear, t.createdAt),
  ],
);
