import { eq } from 'drizzle-orm';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { type Ctx, readConcurrently } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { fxRates } from '../ledger/ledger.table.js';
import { BASE_CURRENCY, convertMinor, ledgerSettings } from '../ledger/ledger.values.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { programs } from '../programs/programs.table.js';
import { classifications } from '../reference/reference.table.js';
import {
  BASES_BY_TYPE,
  type ExpenseChannel,
  type ExpenseType,
  fiscalYearCloses,
  QUANTITY_BASES,
  type ValuationBasis,
} from './accounting.table.js';
import { b4siRegionOf } from './expenses.regions.js';
import type { ExpenseInput } from './expenses.schema.js';

type ProgramInfo = {
  code: string;
  companyId: string;
  keidanrenField: string | null;
  companyField: string | null;
  b4siCause: string | null;
  b4siMotivation: string | null;
};

/**
 * What valuing an expense needs to know, read once (per request, per import, per restatement):
 * the fiscal-year start month, the FX rates, the companies, programs, partners, the classification
 * terms and the closed years of the organisation.
 */
export type ExpenseLookups = {
  startMonth: number;
  /** Yen per unit (decimal string) by `${fiscalYear}:${currency}`. */
  rates: Map<string, string>;
  companies: Map<string, { code: string; country: string; currency: string }>;
  companyByCode: Map<string, string>;
  programs: Map<string, ProgramInfo>;
  programByCode: Map<string, string>;
  partners: Map<string, { code: string; nameJa: string | null; nameEn: string | null }>;
  partnerByCode: Map<string, string>;
  /** `${scheme}:${code}` of every classification term that is not retired. */
  terms: Set<string>;
  closedYears: Set<number>;
};

/** The organisation's lookups for valueExpense (a few small queries). */
export async function expenseLookups(ctx: Ctx): Promise<ExpenseLookups> {
  const [settings, rateRows, companyRows, programRows, partnerRows, termRows, closeRows] =
    await readConcurrently(ctx, [
      () => ledgerSettings(ctx),
      () => ctx.db.select().from(fxRates).where(eq(fxRates.orgId, ctx.orgId)),
      () => ctx.db.select().from(groupCompanies).where(eq(groupCompanies.orgId, ctx.orgId)),
      () => ctx.db.select().from(programs).where(eq(programs.orgId, ctx.orgId)),
      () =>
        ctx.db
          .select({ id: partners.id, code: partners.code, nameJa: partners.nameJa, nameEn: partners.nameEn })
          .from(partners)
          .where(eq(partners.orgId, ctx.orgId)),
      () => ctx.db.select().from(classifications),
      () =>
        ctx.db
          .select({ fiscalYear: fiscalYearCloses.fiscalYear })
          .from(fiscalYearCloses)
          .where(eq(fiscalYearCloses.orgId, ctx.orgId)),
    ]);
  return {
    startMonth: settings.fiscalYearStartMonth,
    rates: new Map(rateRows.map((r) => [`${r.fiscalYear}:${r.currency}`, r.jpyPerUnit])),
    companies: new Map(companyRows.map((c) => [c.id, c])),
    companyByCode: new Map(companyRows.map((c) => [c.code, c.id])),
    programs: new Map(programRows.map((p) => [p.id, p])),
    programByCode: new Map(programRows.map((p) => [p.code, p.id])),
    partners: new Map(partnerRows.map((p) => [p.id, p])),
    partnerByCode: new Map(partnerRows.map((p) => [p.code, p.id])),
    terms: new Set(termRows.filter((t) => !t.retiredOn).map((t) => `${t.scheme}:${t.code}`)),
    closedYears: new Set(closeRows.map((c) => c.fiscalYear)),
  };
}

/** An expense as stored: every column valueExpense computes. */
export type ValuedExpense = {
  spentOn: string;
  fiscalYear: number;
  companyId: string;
  programId: string | null;
  partnerId: string | null;
  recipientText: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  type: ExpenseType;
  valuationBasis: ValuationBasis;
  channel: ExpenseChannel;
  political: boolean;
  quantity: string | null;
  unitPriceMinor: number | null;
  currency: string;
  amountMinor: number;
  amountJpy: number;
  costMinor: number | null;
  costJpy: number | null;
  keidanrenField: string;
  companyField: string | null;
  b4siCause: string | null;
  b4siMotivation: string | null;
  b4siRegion: string | null;
  adjustsExpenseId: string | null;
};

const QUANTITY = /^-?\d{1,14}(\.\d{1,4})?$/;
const CLASSIFIED = {
  keidanrenField: 'keidanren_field',
  companyField: 'company_field',
  b4siCause: 'b4si_cause',
  b4siMotivation: 'b4si_motivation',
  b4siRegion: 'b4si_region',
} as const;

/** "12.5000" → "12.5", 3 → "3": a quantity as people write it (and as compared on import). */
export function normaliseQuantity(q: string | number): string {
  const [whole, frac = ''] = String(q).split('.');
  const trimmed = frac.replace(/0+$/, '');
  const w = BigInt(whole).toString();
  return `${w === '0' && whole.startsWith('-') ? '-0' : w}${trimmed ? `.${trimmed}` : ''}`;
}

/** round(quantity × unitPrice), half away from zero, exactly as PostgreSQL's numeric round(). */
export function quantityAmount(quantity: string, unitPriceMinor: number): number {
  const negative = quantity.startsWith('-');
  const [whole, frac = ''] = quantity.replace('-', '').split('.');
  const scaled = BigInt(whole + frac.padEnd(4, '0')) * BigInt(unitPriceMinor);
  const rounded = (scaled + 5000n) / 10000n;
  return Number(negative ? -rounded : rounded);
}

function knownCurrency(code: string): boolean {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('currency').includes(code) : true;
}

/**
 * Values an expense: the fiscal year from its date and the organisation's start month; the amount
 * as quantity × unit price for the quantity bases (a given amount must match); the yen value (and
 * the cost's) at the fiscal year's FX rate; defaults (basis: the type's first; currency: the
 * company's; channel: own_program with a program, else gift; classifications: the program's;
 * B4SI region: from the company's country). Pure: the caller loads `fx` with expenseLookups and
 * decides about closed years. Used by createExpense, updateExpense, the import and restatements.
 * @throws AppError validation_failed with one issue per field: required, not_found,
 *   basis_not_for_type, not_for_basis, amount_mismatch, amount_not_positive, recipient_both,
 *   description_required, unknown_currency, classification_unknown, fx_rate_missing.
 */
export function valueExpense(
  input: ExpenseInput & { adjustsExpenseId?: string | null },
  fx: ExpenseLookups,
): ValuedExpense {
  const issues: FieldIssue[] = [];
  const add = (path: string, code: string, extra: object = {}) => issues.push({ path, code, ...extra });
  const company = fx.companies.get(input.companyId);
  if (!company) add('companyId', 'not_found');
  const programId = input.programId ?? null;
  const program = programId ? fx.programs.get(programId) : undefined;
  if (programId && !program) add('programId', 'not_found');
  const partnerId = input.partnerId ?? null;
  if (partnerId && !fx.partners.has(partnerId)) add('partnerId', 'not_found');
  const recipientText = input.recipientText?.trim() || null;
  if (partnerId && recipientText) add('recipientText', 'recipient_both');
  const descriptionJa = input.descriptionJa?.trim() || null;
  const descriptionEn = input.descriptionEn?.trim() || null;
  if (!descriptionJa && !descriptionEn) add('descriptionJa', 'description_required');

  const type = input.type;
  const valuationBasis = input.valuationBasis ?? BASES_BY_TYPE[type][0];
  if (!BASES_BY_TYPE[type].includes(valuationBasis)) add('valuationBasis', 'basis_not_for_type');
  const byQuantity = (QUANTITY_BASES as readonly string[]).includes(valuationBasis);
  const adjusts = input.adjustsExpenseId ?? null;

  const currency = input.currency ?? company?.currency ?? BASE_CURRENCY;
  if (!knownCurrency(currency)) add('currency', 'unknown_currency');

  let quantity: string | null = null;
  let unitPriceMinor: number | null = null;
  let amountMinor = input.amountMinor ?? null;
  if (byQuantity) {
    const q = input.quantity ?? null;
    if (q === null || q === '') add('quantity', 'required');
    else if (!QUANTITY.test(String(q))) add('quantity', 'invalid_quantity');
    else quantity = normaliseQuantity(q);
    unitPriceMinor = input.unitPriceMinor ?? null;
    if (unitPriceMinor === null) add('unitPriceMinor', 'required');
    if (quantity !== null && unitPriceMinor !== null) {
      const expected = quantityAmount(quantity, unitPriceMinor);
      if (amountMinor !== null && amountMinor !== expected)
        add('amountMinor', 'amount_mismatch', { expected });
      amountMinor = expected;
    }
  } else {
    if (input.quantity !== undefined && input.quantity !== null && input.quantity !== '')
      add('quantity', 'not_for_basis');
    if (input.unitPriceMinor != null) add('unitPriceMinor', 'not_for_basis');
    if (amountMinor === null) add('amountMinor', 'required');
  }
  if (amountMinor !== null && (adjusts ? amountMinor === 0 : amountMinor <= 0))
    add(byQuantity ? 'quantity' : 'amountMinor', 'amount_not_positive');
  const costMinor = input.costMinor ?? null;
  if (costMinor !== null && !['market_unit_price', 'equivalent_external_rate'].includes(valuationBasis))
    add('costMinor', 'not_for_basis');

  const classified = {
    keidanrenField: input.keidanrenField ?? program?.keidanrenField ?? null,
    companyField: input.companyField ?? program?.companyField ?? null,
    b4siCause: input.b4siCause ?? program?.b4siCause ?? null,
    b4siMotivation: input.b4siMotivation ?? program?.b4siMotivation ?? null,
    b4siRegion: input.b4siRegion ?? (company ? b4siRegionOf(company.country) : null),
  };
  if (!classified.keidanrenField) add('keidanrenField', 'required');
  for (const [field, scheme] of Object.entries(CLASSIFIED)) {
    const code = classified[field as keyof typeof classified];
    if (code && !fx.terms.has(`${scheme}:${code}`)) add(field, 'classification_unknown');
  }

  const fiscalYear = fiscalYearOf(input.spentOn, fx.startMonth);
  const rate = currency === BASE_CURRENCY ? '1' : fx.rates.get(`${fiscalYear}:${currency}`);
  if (!rate && knownCurrency(currency)) add('currency', 'fx_rate_missing', { currency, fiscalYear });
  if (issues.length) throw new AppError('validation_failed', { fields: issues });

  const yen = (minor: number) => (currency === BASE_CURRENCY ? minor : convertMinor(minor, currency, rate!));
  return {
    spentOn: input.spentOn,
    fiscalYear,
    companyId: input.companyId,
    programId,
    partnerId,
    recipientText,
    descriptionJa,
    descriptionEn,
    type,
    valuationBasis,
    channel: input.channel ?? (programId ? 'own_program' : 'gift'),
    political: input.political ?? false,
    quantity,
    unitPriceMinor,
    currency,
    amountMinor: amountMinor!,
    amountJpy: yen(amountMinor!),
    costMinor,
    costJpy: costMinor === null ? null : yen(costMinor),
    keidanrenField: classified.keidanrenField!,
    companyField: classified.companyField,
    b4siCause: classified.b4siCause,
    b4siMotivation: classified.b4siMotivation,
    b4siRegion: classified.b4siRegion,
    adjustsExpenseId: adjusts,
  };
}
