import { EXPENSE_SOURCES, EXPENSE_TYPES, type ExpenseQuery } from './expenses.api';

// The accounting screens keep their filters in the URL, read back here (numbers may arrive as
// strings; unknown values are dropped).

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const whole = (v: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(v as T) ? (v as T) : undefined;

export type ExpensesSearch = ExpenseQuery;

export function parseExpensesSearch(s: Record<string, unknown>): ExpensesSearch {
  return {
    fiscalYear: whole(s.fiscalYear, 1900, 2200),
    companyId: text(s.companyId),
    type: oneOf(s.type, EXPENSE_TYPES),
    keidanrenField: text(s.keidanrenField),
    companyField: text(s.companyField),
    programId: text(s.programId),
    source: oneOf(s.source, EXPENSE_SOURCES),
    q: text(s.q),
    page: whole(s.page),
    size: whole(s.size, 1, 200),
  };
}

/** A fiscal year chosen in the URL (the year it starts), for the years, restatements and totals screens. */
export type YearSearch = { fiscalYear?: number };

export function parseYearSearch(s: Record<string, unknown>): YearSearch {
  return { fiscalYear: whole(s.fiscalYear, 1900, 2200) };
}
