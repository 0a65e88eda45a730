import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceUpdate,
  Certificate,
  CheckinResult,
  History,
  HistoryItem,
  HistoryStatus,
  HourLog,
  HourLogCreate,
  Roster,
  RosterItem,
  Signup,
} from '../../../server/modules/volunteering/signups.schema';
import type { HourLogStatus } from '../../../shared/volunteering';
import { api, type Page } from '../../api/client';

export type {
  Certificate,
  CheckinResult,
  History,
  HistoryItem,
  HistoryStatus,
  HourLog,
  HourLogCreate,
  HourLogStatus,
  Roster,
  RosterItem,
  Signup,
};

// Query keys: ['participation', ...] for the caller's own records, ['hour-logs', ...] for the approvals
// queue, ['roster', shiftId] per shift. Opportunity pages (['opportunities', ...]) show seats and the
// caller's sign-up, so sign-up changes refresh them too.
const MINE = ['participation'] as const;

/** The caller's history and totals per fiscal year (all years when fiscalYear is undefined). */
export function useMyHistory(fiscalYear?: number) {
  return useQuery({
    queryKey: [...MINE, 'history', fiscalYear ?? 'all'],
    queryFn: () => api<History>('/api/me/volunteering', { query: { fiscalYear } }),
    placeholderData: keepPreviousData,
  });
}

/** The certificate data of one fiscal year (the current one when undefined). */
export function useCertificate(fiscalYear?: number) {
  return useQuery({
    queryKey: [...MINE, 'certificate', fiscalYear ?? 'current'],
    queryFn: () => api<Certificate>('/api/me/volunteering/certificate', { query: { fiscalYear } }),
  });
}

export function useLogHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HourLogCreate) => api<HourLog>('/api/me/hour-logs', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MINE }),
  });
}

export function useDeleteHourLog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/me/hour-logs/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MINE }),
  });
}

/** Signs the caller up for a shift, or cancels a sign-up; refreshes their history and opportunity pages. */
export function useSignupActions() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: MINE }),
      queryClient.invalidateQueries({ queryKey: ['opportunities'] }),
      queryClient.invalidateQueries({ queryKey: ['roster'] }),
    ]);
  };
  return {
    signUp: useMutation({
      mutationFn: (shiftId: string) =>
        api<Signup>(`/api/shifts/${shiftId}/signups`, { method: 'POST', body: {} }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (signupId: string) => api<Signup>(`/api/signups/${signupId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** A shift's roster (organisers, auditors). */
export function useRoster(shiftId: string) {
  return useQuery({
    queryKey: ['roster', shiftId],
    queryFn: () => api<Roster>(`/api/shifts/${shiftId}/signups`),
  });
}

/** Records attendance; the answer replaces the row in the cached roster. */
export function useSetAttendance(shiftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AttendanceUpdate }) =>
      api<RosterItem>(`/api/signups/${id}/attendance`, { method: 'PUT', body }),
    onSuccess: (item) => {
      queryClient.setQueryData<Roster>(['roster', shiftId], (roster) =>
        roster ? { ...roster, items: roster.items.map((i) => (i.id === item.id ? item : i)) } : roster,
      );
    },
  });
}

/** The shift's check-in address (organisers only). */
export function useCheckinLink(shiftId: string) {
  return useQuery({
    queryKey: ['roster', shiftId, 'checkin'],
    queryFn: () => api<{ url: string; code: string }>(`/api/shifts/${shiftId}/checkin`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<CheckinResult>(`/api/check-in/${encodeURIComponent(code)}`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MINE }),
  });
}

export type HourLogQueueQuery = {
  status?: HourLogStatus;
  companyId?: string;
  siteId?: string;
  page: number;
  size: number;
};

/** The hour logs of the caller's scope: the approvals queue. */
export function useHourLogQueue(query: HourLogQueueQuery) {
  return useQuery({
    queryKey: ['hour-logs', query],
    queryFn: () => api<Page<HourLog>>('/api/hour-logs', { query: { ...query, sort: 'createdAt' } }),
    placeholderData: keepPreviousData,
  });
}

export function useReviewHourLog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'approve' | 'reject'; note?: string }) =>
      api<HourLog>(`/api/hour-logs/${id}/${action}`, { method: 'POST', body: note ? { note } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hour-logs'] }),
  });
}
