import type { TFunction } from 'i18next';
import { currencyDigits } from '../../i18n';
import { fromMinor, toMinor } from './expense-format';
import {
  BASES_BY_TYPE,
  COST_BASES,
  type Expense,
  type ExpenseChannel,
  type ExpenseInput,
  type ExpenseType,
  QUANTITY_BASES,
  type ValuationBasis,
} from './expenses.api';

/** The form's values: every input is text (empty = none); amounts in the currency's major unit. */
export type ExpenseValues = {
  spentOn: string;
  companyId: string | null;
  programId: string | null;
  recipientMode: 'partner' | 'text';
  partnerId: string | null;
  recipientText: string;
  descriptionJa: string;
  descriptionEn: string;
  type: ExpenseType;
  valuationBasis: ValuationBasis;
  /** '' = the server's default (own program when a program is set, else gift). */
  channel: '' | ExpenseChannel;
  political: boolean;
  currency: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  cost: string;
  keidanrenField: string | null;
  companyField: string | null;
  b4siCause: string | null;
  b4siMotivation: string | null;
  b4siRegion: string | null;
};

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

export const usesQuantity = (basis: ValuationBasis) => QUANTITY_BASES.includes(basis);
export const usesCost = (basis: ValuationBasis) => COST_BASES.includes(basis);

export function expenseValues(e: Expense | null, defaults: { companyId: string | null; today: string }) {
  const digits = currencyDigits(e?.currency ?? 'JPY');
  return {
    spentOn: e?.spentOn ?? defaults.today,
    companyId: e?.companyId ?? defaults.companyId,
    programId: e?.programId ?? null,
    recipientMode: e?.recipientText ? 'text' : 'partner',
    partnerId: e?.partnerId ?? null,
    recipientText: e?.recipientText ?? '',
    descriptionJa: e?.descriptionJa ?? '',
    descriptionEn: e?.descriptionEn ?? '',
    type: e?.type ?? 'cash_donation',
    valuationBasis: e?.valuationBasis ?? 'actual_cash',
    channel: e?.channel ?? '',
    political: e?.political ?? false,
    currency: e?.currency ?? 'JPY',
    quantity: e?.quantity === null || e?.quantity === undefined ? '' : String(Number(e.quantity)),
    unitPrice: fromMinor(e?.unitPriceMinor, digits),
    amount: fromMinor(e?.amountMinor, digits),
    cost: fromMinor(e?.costMinor, digits),
    keidanrenField: e?.keidanrenField ?? null,
    companyField: e?.companyField ?? null,
    b4siCause: e?.b4siCause ?? null,
    b4siMotivation: e?.b4siMotivation ?? null,
    b4siRegion: e?.b4siRegion ?? null,
  } satisfies ExpenseValues;
}

/** quantity x unit price in minor units, rounded as the database rounds it; null until both are valid. */
export function computedAmountMinor(v: ExpenseValues): number | null {
  const quantity = Number(v.quantity);
  const unit = toMinor(v.unitPrice, currencyDigits(v.currency));
  if (v.quantity.trim() === '' || !Number.isFinite(quantity) || quantity === 0 || !unit || unit <= 0)
    return null;
  return Math.round(quantity * unit);
}

/** The valuation basis a type keeps, or its first one when the current one does not fit. */
export function basisFor(type: ExpenseType, current: ValuationBasis): ValuationBasis {
  const bases = BASES_BY_TYPE[type];
  return bases.includes(current) ? current : bases[0];
}

/** The request body: only the inputs the type and valuation basis use. */
export function expenseBody(v: ExpenseValues): ExpenseInput {
  const digits = currencyDigits(v.currency);
  const quantity = usesQuantity(v.valuationBasis);
  return {
    spentOn: v.spentOn,
    companyId: v.companyId ?? '',
    programId: v.programId,
    partnerId: v.recipientMode === 'partner' ? v.partnerId : null,
    recipientText: v.recipientMode === 'text' ? blank(v.recipientText) : null,
    descriptionJa: blank(v.descriptionJa),
    descriptionEn: blank(v.descriptionEn),
    type: v.type,
    valuationBasis: v.valuationBasis,
    ...(v.channel ? { channel: v.channel } : {}),
    political: v.political,
    currency: v.currency,
    quantity: quantity ? v.quantity.trim() : null,
    unitPriceMinor: quantity ? toMinor(v.unitPrice, digits) : null,
    amountMinor: (quantity ? computedAmountMinor(v) : toMinor(v.amount, digits)) ?? 0,
    costMinor: usesCost(v.valuationBasis) && blank(v.cost) ? toMinor(v.cost, digits) : null,
    keidanrenField: v.keidanrenField ?? '',
    companyField: v.companyField,
    b4siCause: v.b4siCause,
    b4siMotivation: v.b4siMotivation,
    b4siRegion: v.b4siRegion,
  };
}

/** Checks in the browser before the server's (which names the same fields). `negative`: adjustments. */
export function expenseValidation(t: TFunction, negative = false) {
  const required = t('form.required');
  const money = (s: string, v: ExpenseValues, allowNegative: boolean) => {
    const minor = toMinor(s, currencyDigits(v.currency));
    if (minor === null) return t('expenses:form.amountInvalid', { digits: currencyDigits(v.currency) });
    if (minor === 0 || (minor < 0 && !allowNegative)) return t('expenses:form.amountPositive');
    return null;
  };
  return {
    spentOn: (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? null : required),
    companyId: (s: string | null) => (s ? null : required),
    keidanrenField: (s: string | null) => (s ? null : required),
    currency: (s: string) => (/^[A-Z]{3}$/.test(s) ? null : required),
    descriptionJa: (_: string, v: ExpenseValues) =>
      blank(v.descriptionJa) || blank(v.descriptionEn) ? null : t('expenses:form.descriptionRequired'),
    quantity: (s: string, v: ExpenseValues) =>
      !usesQuantity(v.valuationBasis) ||
      (/^-?\d{1,14}(\.\d{1,4})?$/.test(s.trim()) && (negative ? Number(s) !== 0 : Number(s) > 0))
        ? null
        : t('expenses:form.quantityInvalid'),
    unitPrice: (s: string, v: ExpenseValues) => (usesQuantity(v.valuationBasis) ? money(s, v, false) : null),
    amount: (s: string, v: ExpenseValues) => (usesQuantity(v.valuationBasis) ? null : money(s, v, negative)),
    cost: (s: string, v: ExpenseValues) =>
      usesCost(v.valuationBasis) && blank(s) ? money(s, v, negative) : null,
    recipientText: (s: string, v: ExpenseValues) =>
      v.recipientMode === 'text' && s.length > 200 ? t('expenses:form.tooLong') : null,
  };
}

/** The fields a ledger posting decides: an expense posted from the ledger keeps them. */
const LEDGER_FIELDS = [
  'spentOn',
  'companyId',
  'type',
  'valuationBasis',
  'quantity',
  'unitPriceMinor',
  'currency',
  'amountMinor',
  'costMinor',
] as const;

/** A change as PATCH takes it: only what differs from the expense as it was (never a ledger's money). */
export function expensePatch(
  before: ExpenseInput,
  after: ExpenseInput,
  fromLedger: boolean,
): Partial<ExpenseInput> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after))
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof ExpenseInput])) patch[key] = value;
  if (fromLedger) for (const key of LEDGER_FIELDS) delete patch[key];
  return patch as Partial<ExpenseInput>;
}
