import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BindingInfo,
  Metric,
  MetricCreate,
  MetricUpdate,
  MetricValuePut,
  Overview,
  ProgressPut,
  Target,
  TargetCreate,
  TargetUpdate,
  YearlyGoal,
  YearlyGoalCreate,
  YearlyGoalUpdate,
} from '../../../server/modules/goals/goals.schema';
import type { GoalLine } from '../../../server/modules/reports/report.schema';
import { api, type Page, withQuery } from '../../api/client';
import { receiptType } from '../claims/receipt-input';
import { sendBytes } from '../expenses/expenses.api';

export type {
  BindingInfo,
  GoalLine,
  Metric,
  MetricCreate,
  Overview,
  Target,
  TargetCreate,
  YearlyGoal,
  YearlyGoalCreate,
};
export type GoalStatus = GoalLine['status'];
export type TargetDetail = Target & {
  progress: (Omit<ProgressPut, never> & { fiscalYear: number; updatedAt: string })[];
};

export const COMPARISONS = ['none', 'at_least', 'at_most', 'increase'] as const;
export const ACCUMULATIONS = ['sum', 'latest'] as const;
export const STATUS_COLORS: Record<GoalStatus, string> = {
  achieved: 'teal',
  on_track: 'blue',
  behind: 'orange',
  not_achieved: 'red',
  in_progress: 'gray',
  reported: 'gray',
};

const KEY = 'goals';

export function useOverview(fiscalYear: number) {
  return useQuery({
    queryKey: [KEY, 'overview', fiscalYear],
    queryFn: () => api<Overview>('/api/goals/overview', { query: { fiscalYear } }),
  });
}

export function useBindings() {
  return useQuery({
    queryKey: [KEY, 'bindings'],
    queryFn: () => api<BindingInfo[]>('/api/goals/bindings'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMetrics() {
  return useQuery({
    queryKey: [KEY, 'metrics'],
    queryFn: () => api<Page<Metric>>('/api/goals/metrics', { query: { size: 200 } }),
  });
}

export function useTarget(id: string | null) {
  return useQuery({
    queryKey: [KEY, 'target', id],
    queryFn: () => api<TargetDetail>(`/api/goals/targets/${id}`),
    enabled: !!id,
  });
}

export function useYearlyGoals(fiscalYear: number) {
  return useQuery({
    queryKey: [KEY, 'yearly', fiscalYear],
    queryFn: () => api<Page<YearlyGoal>>('/api/goals/yearly', { query: { fiscalYear } }),
  });
}

/** A mutation that refreshes every goals query when it succeeds. */
function useGoalsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }) });
}

export const useSaveMetric = () =>
  useGoalsMutation(({ id, body }: { id?: string; body: MetricCreate | MetricUpdate }) =>
    id
      ? api<Metric>(`/api/goals/metrics/${id}`, { method: 'PATCH', body })
      : api<Metric>('/api/goals/metrics', { method: 'POST', body }),
  );

/** Enters a manual value; a chosen file is uploaded first (purpose metric_evidence). */
export const usePutValue = (csrfToken: string) =>
  useGoalsMutation(
    async ({
      id,
      fiscalYear,
      body,
      file,
    }: {
      id: string;
      fiscalYear: number;
      body: MetricValuePut;
      file?: File | null;
    }) => {
      const uploaded = file
        ? await sendBytes<{ id: string }>(
            withQuery('/api/files', { name: file.name, purpose: 'metric_evidence' }),
            file,
            receiptType(file) ?? (file.type || 'application/octet-stream'),
            csrfToken,
          )
        : null;
      return api<Metric>(`/api/goals/metrics/${id}/values/${fiscalYear}`, {
        method: 'PUT',
        body: uploaded ? { ...body, fileId: uploaded.id } : body,
      });
    },
  );

export const useDeleteValue = () =>
  useGoalsMutation(({ id, fiscalYear }: { id: string; fiscalYear: number }) =>
    api<Metric>(`/api/goals/metrics/${id}/values/${fiscalYear}`, { method: 'DELETE' }),
  );

export const useSaveTarget = () =>
  useGoalsMutation(({ id, body }: { id?: string; body: TargetCreate | TargetUpdate }) =>
    id
      ? api<TargetDetail>(`/api/goals/targets/${id}`, { method: 'PATCH', body })
      : api<TargetDetail>('/api/goals/targets', { method: 'POST', body }),
  );

export const useDeleteTarget = () =>
  useGoalsMutation((id: string) => api<void>(`/api/goals/targets/${id}`, { method: 'DELETE' }));

export const usePutProgress = () =>
  useGoalsMutation(({ id, fiscalYear, body }: { id: string; fiscalYear: number; body: ProgressPut }) =>
    api<TargetDetail>(`/api/goals/targets/${id}/progress/${fiscalYear}`, { method: 'PUT', body }),
  );

export const useSaveYearly = () =>
  useGoalsMutation(({ id, body }: { id?: string; body: YearlyGoalCreate | YearlyGoalUpdate }) =>
    id
      ? api<YearlyGoal>(`/api/goals/yearly/${id}`, { method: 'PATCH', body })
      : api<YearlyGoal>('/api/goals/yearly', { method: 'POST', body }),
  );

export const useDeleteYearly = () =>
  useGoalsMutation((id: string) => api<void>(`/api/goals/yearly/${id}`, { method: 'DELETE' }));
