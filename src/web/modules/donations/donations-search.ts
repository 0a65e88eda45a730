import { DONATION_STATUSES, type DonationStatus } from './donations.api';

// The search parameters of the donation screens, read back from the URL (numbers may arrive as
// strings, and unknown values are dropped).

const whole = (v: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export type MyDonationsSearch = { fiscalYear?: number; page?: number; size?: number };

export function parseMyDonationsSearch(s: Record<string, unknown>): MyDonationsSearch {
  return { fiscalYear: whole(s.fiscalYear, 1900, 2999), page: whole(s.page), size: whole(s.size, 1, 200) };
}

export type ReceiptSearch = { fiscalYear?: number };

export function parseReceiptSearch(s: Record<string, unknown>): ReceiptSearch {
  return { fiscalYear: whole(s.fiscalYear, 1900, 2999) };
}

/** Finance's list: no status shows every donation. */
export type FinanceDonationsSearch = {
  status?: DonationStatus;
  q?: string;
  page?: number;
  size?: number;
};

export function parseFinanceDonationsSearch(s: Record<string, unknown>): FinanceDonationsSearch {
  return {
    status: DONATION_STATUSES.includes(s.status as DonationStatus) ? (s.status as DonationStatus) : undefined,
    q: text(s.q),
    page: whole(s.page),
    size: whole(s.size, 1, 200),
  };
}
