import type { ClaimStatus } from './claims.api';

// The search parameters of the claims screens, read back from the URL (numbers may arrive as strings,
// and unknown values are dropped).

const STATUSES: readonly string[] = ['pending', 'approved', 'rejected', 'withdrawn'];
const whole = (v: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const day = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) ? v : undefined;

/** My claims: `signupId` opens the new-claim form on that participation (the link from the history). */
export type MyClaimsSearch = { signupId?: string };

export function parseMyClaimsSearch(s: Record<string, unknown>): MyClaimsSearch {
  return { signupId: text(s.signupId) };
}

/** The approvals queue: status 'all' shows every claim; no status means pending. */
export type ClaimApprovalsSearch = {
  status?: ClaimStatus | 'all';
  companyId?: string;
  siteId?: string;
  page?: number;
  size?: number;
};

export function parseClaimApprovalsSearch(s: Record<string, unknown>): ClaimApprovalsSearch {
  const status =
    s.status === 'all' || STATUSES.includes(s.status as string)
      ? (s.status as ClaimApprovalsSearch['status'])
      : undefined;
  return {
    status,
    companyId: text(s.companyId),
    siteId: text(s.siteId),
    page: whole(s.page),
    size: whole(s.size, 1, 200),
  };
}

/** Reimbursements: booked from/to (YYYY-MM-DD) and a company. */
export type ReimbursementsSearch = {
  from?: string;
  to?: string;
  companyId?: string;
  page?: number;
  size?: number;
};

export function parseReimbursementsSearch(s: Record<string, unknown>): ReimbursementsSearch {
  return {
    from: day(s.from),
    to: day(s.to),
    companyId: text(s.companyId),
    page: whole(s.page),
    size: whole(s.size, 1, 200),
  };
}
