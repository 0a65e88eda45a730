import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExpiryResult,
  Grant,
  GrantCreate,
  PointsAccounts,
  PointsBalance,
  PointsMovement,
  PointsYear,
  PointsYearSummary,
} from '../../../server/modules/points/points.schema';
import { api, type Page } from '../../api/client';

export type {
  ExpiryResult,
  Grant,
  GrantCreate,
  PointsAccounts,
  PointsBalance,
  PointsMovement,
  PointsYear,
  PointsYearSummary,
};

// Query keys: ['points', 'mine', ...] for the signed-in employee, ['points', 'admin', ...] for finance.
// A grant or an expiry changes both (finance may grant to themselves).
const POINTS = ['points'] as const;

/** The signed-in employee's points per fiscal year. */
export function useMyBalance() {
  return useQuery({
    queryKey: [...POINTS, 'mine', 'balance'],
    queryFn: () => api<PointsBalance>('/api/points/balance'),
  });
}

/** Every movement of the employee's points, a page at a time (all years when fiscalYear is undefined). */
export function useMyPointsHistory(q: { fiscalYear?: number; page: number; size: number }) {
  return useQuery({
    queryKey: [...POINTS, 'mine', 'history', q],
    queryFn: () => api<Page<PointsMovement>>('/api/points/history', { query: q }),
    placeholderData: keepPreviousData,
  });
}

/** The points plan per fiscal year (finance and auditors). */
export function usePointsAccounts() {
  return useQuery({
    queryKey: [...POINTS, 'admin', 'accounts'],
    queryFn: () => api<PointsAccounts>('/api/points/accounts'),
  });
}

export type GrantsSearch = {
  q?: string;
  fiscalYear?: number;
  companyId?: string;
  page?: number;
  size?: number;
};

/** Point grants in the caller's scope, newest first. */
export function useGrants(search: GrantsSearch) {
  const query = { ...search, page: search.page ?? 1, size: search.size ?? 50 };
  return useQuery({
    queryKey: [...POINTS, 'admin', 'grants', query],
    queryFn: () => api<Page<Grant>>('/api/points/grants', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Grants points; the same reference with the same content answers the same grant. */
export function useGrantPoints() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantCreate) => api<Grant>('/api/points/grants', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POINTS }),
  });
}

/** Expires what is left of an ended fiscal year (safe to run again). */
export function useExpireYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fiscalYear: number) =>
      api<ExpiryResult>('/api/points/expiry', { method: 'POST', body: { fiscalYear } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POINTS }),
  });
}

const whole = (v: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The Points admin screen's filters, read back from the URL (unknown values are dropped). */
export function parseGrantsSearch(s: Record<string, unknown>): GrantsSearch {
  return {
    q: text(s.q),
    fiscalYear: whole(s.fiscalYear, 2000, 2100),
    companyId: text(s.companyId),
    page: whole(s.page),
    size: whole(s.size, 1, 200),
  };
}
