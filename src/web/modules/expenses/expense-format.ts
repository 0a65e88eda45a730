import type { Formatters } from '../../i18n';
import { inLocale, useClassifications } from '../programs/programs.api';
import type { Expense } from './expenses.api';

/** The classification schemes an expense is tagged with. */
export type ExpenseScheme =
  | 'keidanren_field'
  | 'company_field'
  | 'b4si_cause'
  | 'b4si_motivation'
  | 'b4si_region';

/** An expense's description in the UI language (the other one when it has none). */
export function expenseText(e: Pick<Expense, 'descriptionJa' | 'descriptionEn'>, f: Formatters): string {
  return inLocale(f.locale, e.descriptionJa, e.descriptionEn);
}

/** Who received it: the partner's name, else the free text. */
export function recipientText(e: Pick<Expense, 'partnerName' | 'recipientText'>): string {
  return e.partnerName ?? e.recipientText ?? '';
}

/** A quantity stored as a decimal string ("120.5000") in the UI language's digits. */
export function quantityText(q: string | null, f: Formatters): string {
  if (q === null) return '';
  const n = Number(q);
  return Number.isFinite(n) ? f.number(n) : q;
}

/**
 * The classification terms as options and labels in the UI language: `options(scheme, current)`
 * lists the terms in force (and the current one even when retired), `label(scheme, code)` names one.
 */
export function useTerms(f: Formatters) {
  const terms = useClassifications();
  const all = terms.data ?? [];
  return {
    pending: terms.isPending,
    options: (scheme: ExpenseScheme, current?: string | null) =>
      all
        .filter((c) => c.scheme === scheme && (!c.retiredOn || c.code === current))
        .map((c) => ({ value: c.code, label: inLocale(f.locale, c.labelJa, c.labelEn) })),
    label: (scheme: ExpenseScheme, code: string | null | undefined) => {
      if (!code) return '';
      const term = all.find((c) => c.scheme === scheme && c.code === code);
      return term ? inLocale(f.locale, term.labelJa, term.labelEn) : code;
    },
  };
}

/** Minor units of a currency (JPY 0, USD 2) from an amount typed in major units ("1,234.5"). */
export function toMinor(typed: string, digits: number): number | null {
  const clean = typed.replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  const [whole, fraction = ''] = clean.replace('-', '').split('.');
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
  return clean.startsWith('-') ? -minor : minor;
}

/** Major units as typed text from minor units (1050 USD cents → "10.50"). */
export function fromMinor(minor: number | null | undefined, digits: number): string {
  if (minor === null || minor === undefined) return '';
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
}
