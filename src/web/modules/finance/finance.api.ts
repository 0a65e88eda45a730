import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  FxRate,
  LedgerCheckView,
  Payable,
  PayableTotal,
  PayoutCreate,
  PayoutDetail,
  PayoutSummary,
  PostingDetail,
  PostingSummary,
  ReversalSchema,
} from '../../../server/modules/ledger/ledger.schema';
import { api, type Page } from '../../api/client';

export type {
  FxRate,
  LedgerCheckView,
  Payable,
  PayableTotal,
  PayoutCreate,
  PayoutDetail,
  PayoutSummary,
  PostingDetail,
  PostingSummary,
};
export type Reversal = z.infer<typeof ReversalSchema>;
export type PayoutLine = PayoutDetail['lines'][number];

// Value lists the screens iterate over (the contracts are imported as types only; tsc checks they agree).
export const POSTING_KINDS = [
  'grant',
  'expiry',
  'claim',
  'point_donation',
  'money_donation',
  'company_donation',
  'match',
  'payout',
] as const satisfies readonly PostingSummary['kind'][];
export const PAYOUT_STATUSES = [
  'draft',
  'paid',
  'cancelled',
] as const satisfies readonly PayoutSummary['status'][];

// Query keys: ['ledger', ...] for postings and checks, ['payables'], ['payouts', ...], ['fx-rates', ...].
// A reversal or a payout moves balances, so it refreshes the ledger and the payables.
type Query = Record<string, string | number | undefined>;

export function usePostings(query: Query) {
  return useQuery({
    queryKey: ['ledger', 'postings', query],
    queryFn: () => api<Page<PostingSummary>>('/api/ledger/postings', { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePosting(id: string | null) {
  return useQuery({
    queryKey: ['ledger', 'posting', id],
    queryFn: () => api<PostingDetail>(`/api/ledger/postings/${id}`),
    enabled: !!id,
  });
}

export function useReverse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, memo, idempotencyKey }: { id: string; memo: string; idempotencyKey: string }) =>
      api<Reversal>(`/api/ledger/postings/${id}/reverse`, { method: 'POST', body: { memo, idempotencyKey } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['ledger'] }),
        queryClient.invalidateQueries({ queryKey: ['payables'] }),
      ]),
  });
}

/** The latest result of the ledger check (null when it never ran). */
export function useLatestCheck() {
  return useQuery({
    queryKey: ['ledger', 'checks', 'latest'],
    queryFn: async () =>
      (await api<Page<LedgerCheckView>>('/api/ledger/checks', { query: { size: 1 } })).items[0] ?? null,
  });
}

export function useRunCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<LedgerCheckView>('/api/ledger/checks', { method: 'POST' }),
    onSuccess: (check) => queryClient.setQueryData(['ledger', 'checks', 'latest'], check),
  });
}

export function usePayables(currency?: string) {
  return useQuery({
    queryKey: ['payables', currency ?? 'all'],
    queryFn: () =>
      api<Page<Payable> & { totals: PayableTotal[] }>('/api/payables', { query: { currency, size: 500 } }),
    placeholderData: keepPreviousData,
  });
}

export function usePayouts(query: Query) {
  return useQuery({
    queryKey: ['payouts', 'list', query],
    queryFn: () => api<Page<PayoutSummary>>('/api/payouts', { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePayout(id: string | null) {
  return useQuery({
    queryKey: ['payouts', 'item', id],
    queryFn: () => api<PayoutDetail>(`/api/payouts/${id}`),
    enabled: !!id,
  });
}

/** Drafts, pays or cancels a payout; each refreshes the payouts, the payables and the ledger. */
export function usePayoutActions() {
  const queryClient = useQueryClient();
  const refresh = (payout: PayoutDetail) => {
    queryClient.setQueryData(['payouts', 'item', payout.id], payout);
    return Promise.all(
      ['payouts', 'payables', 'ledger'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
  };
  return {
    create: useMutation({
      mutationFn: (body: PayoutCreate) => api<PayoutDetail>('/api/payouts', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    paid: useMutation({
      mutationFn: ({ id, paidOn }: { id: string; paidOn: string }) =>
        api<PayoutDetail>(`/api/payouts/${id}/paid`, { method: 'POST', body: { paidOn } }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (id: string) => api<PayoutDetail>(`/api/payouts/${id}/cancel`, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}

export function useFxRates(query: Query) {
  return useQuery({
    queryKey: ['fx-rates', query],
    queryFn: () => api<Page<FxRate>>('/api/fx-rates', { query: { ...query, size: 500 } }),
    placeholderData: keepPreviousData,
  });
}

export function usePutFxRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      fiscalYear,
      currency,
      jpyPerUnit,
    }: {
      fiscalYear: number;
      currency: string;
      jpyPerUnit: string;
    }) => api<FxRate>(`/api/fx-rates/${fiscalYear}/${currency}`, { method: 'PUT', body: { jpyPerUnit } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['fx-rates'] }),
  });
}

type PartnerOption = { id: string; code: string; nameJa: string | null; nameEn: string | null };

/** Organisations matching a text, for the filters (the partners list, partners.read). */
export function usePartnerOptions(q: string) {
  return useQuery({
    queryKey: ['partners', 'options', q],
    queryFn: () => api<Page<PartnerOption>>('/api/partners', { query: { q: q || undefined, size: 50 } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
