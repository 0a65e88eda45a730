import { HOUR_LOG_STATUSES, type HourLogStatus } from '../../../shared/volunteering';

// The search parameters of the participation screens, read back from the URL (numbers may arrive as
// strings, and unknown values are dropped).

const whole = (v: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A fiscal year is named by the calendar year it starts in. */
export type FiscalYearSearch = { fiscalYear?: number };

export function parseFiscalYearSearch(s: Record<string, unknown>): FiscalYearSearch {
  return { fiscalYear: whole(s.fiscalYear, 1900, 2999) };
}

/** The approvals queue: status 'all' shows every log; no status means pending. */
export type ApprovalsSearch = {
  status?: HourLogStatus | 'all';
  companyId?: string;
  siteId?: string;
  page?: number;
  size?: number;
};

export function parseApprovalsSearch(s: Record<string, unknown>): ApprovalsSearch {
  const status = [...HOUR_LOG_STATUSES, 'all'].includes(s.status as string)
    ? (s.status as ApprovalsSearch['status'])
    : undefined;
  return {
    status,
    companyId: text(s.companyId),
    siteId: text(s.siteId),
    page: whole(s.page),
    size: whole(s.size, 1, 200),
  };
}
