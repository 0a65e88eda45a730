import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Expense,
  ExpenseImportReportSchema,
  ExpenseInput,
  ExpensePage,
} from '../../../server/modules/accounting/expenses.schema';
import { rolesFor } from '../../../shared/roles';
import { ApiError, api, withQuery } from '../../api/client';
import type { Grant } from '../../api/types';
import { i18n } from '../../i18n';
import { receiptType } from '../claims/receipt-input';

// The lists the screens iterate over repeat the table's constants (the contracts are imported as
// types only: the bundle must not pull in zod or drizzle); tsc checks below that they agree.
export const EXPENSE_TYPES = [
  'cash_donation',
  'product_donation',
  'facility_opening',
  'employee_time',
  'management_costs',
  'sponsorship',
] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

export const VALUATION_BASES = [
  'actual_cash',
  'market_unit_price',
  'equivalent_external_rate',
  'cost_to_company',
  'salary_cost_per_hour',
] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];

/** Valued as quantity x unit price (the database checks amount = round(quantity x unit price)). */
export const QUANTITY_BASES: readonly ValuationBasis[] = [
  'market_unit_price',
  'equivalent_external_rate',
  'salary_cost_per_hour',
];
/** In kind at market price or an external rate: the cost to the company may be given (B4SI). */
export const COST_BASES: readonly ValuationBasis[] = ['market_unit_price', 'equivalent_external_rate'];

export const BASES_BY_TYPE: Record<ExpenseType, readonly ValuationBasis[]> = {
  cash_donation: ['actual_cash'],
  sponsorship: ['actual_cash'],
  management_costs: ['actual_cash'],
  product_donation: ['market_unit_price', 'cost_to_company'],
  facility_opening: ['equivalent_external_rate', 'cost_to_company'],
  employee_time: ['salary_cost_per_hour'],
};

export const EXPENSE_SOURCES = ['app', 'import', 'ledger'] as const;
export type ExpenseSource = (typeof EXPENSE_SOURCES)[number];
export const EXPENSE_CHANNELS = ['gift', 'own_program'] as const;
export type ExpenseChannel = (typeof EXPENSE_CHANNELS)[number];

export type Attachment = Expense['attachments'][number];
export type { Expense, ExpenseInput, ExpensePage };
/** The validation report of an import (a refused file answers 422 import_invalid with the bad cells). */
export type ImportReport = z.infer<typeof ExpenseImportReportSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Type-checking fails here when a list above drifts from the contract's enums. */
export const EXPENSE_LISTS_MATCH: [
  Same<ExpenseType, Expense['type']>,
  Same<ValuationBasis, Expense['valuationBasis']>,
  Same<ExpenseSource, Expense['source']>,
  Same<ExpenseChannel, Expense['channel']>,
] = [true, true, true, true];

export type ExpenseQuery = {
  fiscalYear?: number;
  companyId?: string;
  type?: ExpenseType;
  keidanrenField?: string;
  companyField?: string;
  programId?: string;
  source?: ExpenseSource;
  q?: string;
  page?: number;
  size?: number;
};

// Every key starts with 'expenses'; a change also refreshes the accounting views (years, totals).
const KEY = 'expenses';

export function useExpenses(query: ExpenseQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api<ExpensePage>('/api/expenses', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useExpense(id: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'item', id],
    queryFn: () => api<Expense>(`/api/expenses/${id}`),
    enabled: !!id,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([KEY, 'accounting'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

/**
 * Saves an expense (creates it without id), then uploads the new attachments (purpose
 * expense_attachment) and sets its files to the kept ones plus the new ones.
 */
export function useSaveExpense(csrfToken: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({
      id,
      body,
      keep,
      files,
    }: {
      id?: string;
      body: Partial<ExpenseInput>;
      keep: string[];
      files: File[];
    }) => {
      const saved = id
        ? await api<Expense>(`/api/expenses/${id}`, { method: 'PATCH', body })
        : await api<Expense>('/api/expenses', { method: 'POST', body });
      const uploaded = [];
      for (const file of files) uploaded.push(await uploadAttachment(file, csrfToken));
      const fileIds = [...keep, ...uploaded.map((u) => u.id)];
      const unchanged =
        fileIds.length === saved.attachments.length && saved.attachments.every((a) => fileIds.includes(a.id));
      if (unchanged) return saved;
      return api<Expense>(`/api/expenses/${saved.id}/files`, { method: 'PUT', body: { fileIds } });
    },
    onSuccess: refresh,
  });
}

export function useDeleteExpense() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/expenses/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

/** Refreshes the expenses and the accounting views after an import. */
export const useRefreshExpenses = useRefresh;

/** An attachment's address (inline, or as a download). */
export const attachmentUrl = (fileId: string, download = false) =>
  `/api/files/${fileId}${download ? '?download=1' : ''}`;

/** Bytes sent to an endpoint as they are (a file upload, a CSV import); answers the JSON or throws ApiError. */
export async function sendBytes<T>(
  url: string,
  body: Blob,
  contentType: string,
  csrfToken: string,
  onProgress?: (share: number) => void,
): Promise<T> {
  // XMLHttpRequest rather than fetch: it reports the upload's progress.
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ status: number; text: string }>((resolve, reject) => {
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network', detail: i18n.t('failure.network'), fields: [] }));
  });
  if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
  xhr.open('POST', url);
  xhr.withCredentials = true;
  xhr.setRequestHeader('accept', 'application/json');
  xhr.setRequestHeader('accept-language', i18n.language === 'en' ? 'en' : 'ja');
  xhr.setRequestHeader('content-type', contentType);
  xhr.setRequestHeader('x-csrf-token', csrfToken);
  xhr.send(body);
  const res = await done;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(res.text);
  } catch {
    parsed = null;
  }
  if (res.status >= 200 && res.status < 300) return parsed as T;
  const problem = parsed as { code?: string; fields?: [] } | null;
  throw new ApiError(
    problem?.code
      ? ({ ...problem, status: res.status, fields: problem.fields ?? [] } as never)
      : {
          status: res.status,
          code: 'internal',
          detail: i18n.t('failure.http', { status: res.status }),
          fields: [],
        },
  );
}

/** Stores an attachment (purpose expense_attachment: invoices, photos of donated goods). */
export function uploadAttachment(file: File, csrfToken: string) {
  return sendBytes<{ id: string; name: string; contentType: string; size: number }>(
    withQuery('/api/files', { name: file.name, purpose: 'expense_attachment' }),
    file,
    receiptType(file) ?? (file.type || 'application/octet-stream'),
    csrfToken,
  );
}

/** The companies the user manages expenses of (undefined: every company, an org-wide grant). */
export function expenseCompanies(grants: Grant[]): string[] | undefined {
  const roles = rolesFor('expenses.manage');
  const mine = grants.filter((g) => roles.includes(g.role));
  if (mine.some((g) => g.scopeType === 'org')) return undefined;
  return mine.flatMap((g) => (g.scopeType === 'company' && g.companyId ? [g.companyId] : []));
}
