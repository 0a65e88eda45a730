import { PAYOUT_STATUSES, POSTING_KINDS } from './finance.api';

// The search parameters of the finance screens, read back from the URL (numbers may arrive as
// strings, and unknown values are dropped).

const whole = (v: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const isoDate = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(v as T) ? (v as T) : undefined;
const currency = (v: unknown): string | undefined =>
  typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? v : undefined;

export type LedgerSearch = {
  kind?: (typeof POSTING_KINDS)[number];
  partnerId?: string;
  from?: string;
  to?: string;
  posting?: string;
  page?: number;
  size?: number;
};

export function parseLedgerSearch(s: Record<string, unknown>): LedgerSearch {
  return {
    kind: oneOf(s.kind, POSTING_KINDS),
    partnerId: text(s.partnerId),
    from: isoDate(s.from),
    to: isoDate(s.to),
    posting: text(s.posting),
    page: whole(s.page),
    size: whole(s.size, 1, 200),
  };
}

export type PayoutsSearch = {
  currency?: string;
  status?: (typeof PAYOUT_STATUSES)[number];
  payout?: string;
  page?: number;
  size?: number;
};

export function parsePayoutsSearch(s: Record<string, unknown>): PayoutsSearch {
  return {
    currency: currency(s.currency),
    status: oneOf(s.status, PAYOUT_STATUSES),
    payout: text(s.payout),
    page: whole(s.page),
    size: whole(s.size, 1, 200),
  };
}

export type FxRatesSearch = { fiscalYear?: number; currency?: string };

export function parseFxRatesSearch(s: Record<string, unknown>): FxRatesSearch {
  return { fiscalYear: whole(s.fiscalYear, 1900, 2999), currency: currency(s.currency) };
}
