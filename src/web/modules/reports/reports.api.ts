import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { REPORT_SECTIONS as CONTRACT_SECTIONS } from '../../../server/modules/reports/reports.table';
import type { ReportBlock, ReportDocument } from '../../../server/modules/reports/report.schema';
import type {
  BlockCreate,
  BlockUpdate,
  MissingTranslation,
  Records,
  ReportYear,
} from '../../../server/modules/reports/reports.api.schema';
import { api, withQuery } from '../../api/client';
import type { Locale } from '../../api/types';

export type { MissingTranslation, ReportBlock, ReportDocument, ReportYear };

// The contracts are imported as types only (the bundle must not pull in zod or drizzle): the list
// repeats the sections, and tsc checks below that they agree.
export const REPORT_SECTIONS = [
  'policy',
  'framework',
  'disaster',
  'programs',
  'volunteering',
  'regional',
  'goals',
  'expenses',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const REPORT_LISTS_MATCH: [Same<ReportSection, (typeof CONTRACT_SECTIONS)[number]>] = [true];

export const EXPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type AmountUnitJa = 'oku' | 'hyakuman';

export type BlockInput = BlockCreate | BlockUpdate;
export type Drilldown = Records;

// Every key starts with 'reports': a change to a block, a publication or the unit refreshes every
// report view (list, editor, translations).
const KEY = 'reports';

export function useReportYears() {
  return useQuery({
    queryKey: [KEY, 'years'],
    queryFn: async () => (await api<{ items: ReportYear[] }>('/api/reports')).items,
  });
}

export function useReportDocument(fy: number, lang: Locale) {
  return useQuery({
    queryKey: [KEY, 'document', fy, lang],
    queryFn: () => api<ReportDocument>(`/api/reports/${fy}`, { query: { lang } }),
  });
}

export function useBlocks(fy: number) {
  return useQuery({
    queryKey: [KEY, 'blocks', fy],
    queryFn: async () => (await api<{ items: ReportBlock[] }>(`/api/reports/${fy}/blocks`)).items,
  });
}

export function useMissingTranslations(fy: number) {
  return useQuery({
    queryKey: [KEY, 'translations', fy],
    queryFn: async () =>
      (await api<{ items: MissingTranslation[] }>(`/api/reports/${fy}/translations`)).items,
  });
}

export function useDrilldown(fy: number, query: { figure: string; page: number; size: number }) {
  return useQuery({
    queryKey: [KEY, 'records', fy, query],
    queryFn: () => api<Drilldown>(`/api/reports/${fy}/records`, { query }),
    placeholderData: keepPreviousData,
    enabled: !!query.figure,
  });
}

function useReportMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export const useSaveBlock = (fy: number) =>
  useReportMutation(({ id, body }: { id?: string; body: BlockInput }) =>
    id
      ? api<ReportBlock>(`/api/reports/${fy}/blocks/${id}`, { method: 'PATCH', body })
      : api<ReportBlock>(`/api/reports/${fy}/blocks`, { method: 'POST', body }),
  );

export const useDeleteBlock = (fy: number) =>
  useReportMutation((id: string) => api<void>(`/api/reports/${fy}/blocks/${id}`, { method: 'DELETE' }));

export const useMoveBlock = (fy: number) =>
  useReportMutation(({ id, direction }: { id: string; direction: 'up' | 'down' }) =>
    api<{ items: ReportBlock[] }>(`/api/reports/${fy}/blocks/${id}/move`, {
      method: 'POST',
      body: { direction },
    }),
  );

export const useCopyBlocks = (fy: number) =>
  useReportMutation((fromFiscalYear: number) =>
    api<{ copied?: number; items?: ReportBlock[] }>(`/api/reports/${fy}/copy-blocks`, {
      method: 'POST',
      body: { fromFiscalYear },
    }),
  );

export const useAmountUnit = (fy: number) =>
  useReportMutation((amountUnitJa: AmountUnitJa) =>
    api<unknown>(`/api/reports/${fy}`, { method: 'PATCH', body: { amountUnitJa } }),
  );

export const usePublication = (fy: number) =>
  useReportMutation((action: 'publish' | 'unpublish') =>
    api<unknown>(`/api/reports/${fy}/${action}`, { method: 'POST' }),
  );

/** The public (or, for a draft, the signed-in reader's) report page. */
export const reportPagePath = (lang: Locale, fy: number) => `/report/${lang}/${fy}`;

/** A file export of the report in one language. */
export const exportPath = (fy: number, format: ExportFormat, lang: Locale) =>
  withQuery(`/api/reports/${fy}/export.${format}`, { lang });

/** The drill-down's records as CSV (UTF-8 with BOM). */
export const recordsCsvPath = (fy: number, figure: string, lang: Locale) =>
  withQuery(`/api/reports/${fy}/records`, { figure, format: 'csv', lang });

/** Text in the UI language, else the other one. */
export const pickText = (locale: Locale, ja: string | null | undefined, en: string | null | undefined) =>
  (locale === 'ja' ? ja || en : en || ja) ?? '';

/** A label pair in the UI language. */
export const labelOf = (locale: Locale, l: { labelJa?: string | null; labelEn?: string | null }) =>
  pickText(locale, l.labelJa, l.labelEn);
