import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccountingYear,
  LedgerSyncResultSchema,
  YearClose,
} from '../../../server/modules/accounting/closing.schema';
import type {
  Restatement,
  RestatementCreate,
  RestatementLineInput,
  RestatementPage,
} from '../../../server/modules/accounting/restatements.schema';
import type { ExpenseFigures } from '../../../server/modules/reports/report.schema';
import { api } from '../../api/client';

export type { AccountingYear, ExpenseFigures, Restatement, RestatementCreate, RestatementLineInput };
export type LedgerSyncResult = z.infer<typeof LedgerSyncResultSchema>;

// Keys start with 'accounting'; a close or a restatement also changes the expenses lists.
const KEY = 'accounting';

export function useYears() {
  return useQuery({
    queryKey: [KEY, 'years'],
    queryFn: async () => (await api<{ items: AccountingYear[] }>('/api/accounting/years')).items,
  });
}

/** The start years that are closed (an expense of one of them cannot change). */
export function useClosedYears(): Set<number> {
  const years = useYears();
  return new Set((years.data ?? []).filter((y) => y.closed).map((y) => y.fiscalYear));
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [KEY, 'expenses', 'reports'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
}

export function useCloseYear() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (fiscalYear: number) =>
      api<YearClose>(`/api/accounting/years/${fiscalYear}/close`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useRestatements(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'restatements', fiscalYear],
    queryFn: async () =>
      (
        await api<RestatementPage>(`/api/accounting/years/${fiscalYear}/restatements`, {
          query: { size: 200 },
        })
      ).items,
    enabled: fiscalYear !== undefined,
  });
}

export function useCreateRestatement(fiscalYear: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RestatementCreate) =>
      api<Restatement>(`/api/accounting/years/${fiscalYear}/restatements`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** The year's totals three ways (company, Keidanren, B4SI with leverage beside it). */
export function useTotals(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'totals', fiscalYear],
    queryFn: () => api<ExpenseFigures>(`/api/accounting/${fiscalYear}/totals`),
    enabled: fiscalYear !== undefined,
  });
}

/** Posts the ledger's company donations and matching not yet posted as expenses. */
export function useLedgerSync() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<LedgerSyncResult>('/api/accounting/ledger-sync', { method: 'POST' }),
    onSuccess: refresh,
  });
}

/** The B4SI export of a year (every expense with its B4SI columns; UTF-8 with BOM). */
export const b4siCsvUrl = (fiscalYear: number) => `/api/accounting/${fiscalYear}/b4si.csv`;
