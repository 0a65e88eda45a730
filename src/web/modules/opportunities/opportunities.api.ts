import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Opportunity,
  OpportunityCreate,
  OpportunityPage,
  OpportunitySummary,
  OpportunityUpdate,
  RecommendationReason,
  Shift,
} from '../../../server/modules/volunteering/opportunities.schema';
import type { Field } from '../../../shared/fields';
import type { OpportunityMode, OpportunityStatus } from '../../../shared/volunteering';
import { ApiError, api } from '../../api/client';

export type {
  Opportunity,
  OpportunityCreate,
  OpportunityPage,
  OpportunitySummary,
  OpportunityUpdate,
  RecommendationReason,
  Shift,
};

// Value lists the screens iterate over (the shared modules are plain constants, safe to bundle).
export { FIELDS } from '../../../shared/fields';
export { OPPORTUNITY_MODES, OPPORTUNITY_STATUSES } from '../../../shared/volunteering';
export const REASONS: RecommendationReason[] = ['field', 'skills', 'region', 'online', 'availability'];

export type OpportunityQuery = {
  q?: string;
  field?: Field;
  mode?: OpportunityMode;
  from?: string;
  to?: string;
  prefecture?: string;
  region?: string;
  skill?: string;
  status?: OpportunityStatus;
  companyId?: string;
  mine?: boolean;
  recommended?: boolean;
  page?: number;
  size?: number;
  sort?: string;
};

// Query keys start with 'opportunities': sign-ups (participation) refresh every opportunity page.
const KEY = 'opportunities';

/** One page of opportunities; the previous page stays on screen while the next one loads. */
export function useOpportunities(query: OpportunityQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api<OpportunityPage>('/api/opportunities', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'item', id],
    queryFn: () => api<Opportunity>(`/api/opportunities/${id}`),
    enabled: !!id,
  });
}

/** Creates (no id) or changes an opportunity, then refreshes every opportunity list and page. */
export function useSaveOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: OpportunityCreate | OpportunityUpdate }) =>
      id
        ? api<Opportunity>(`/api/opportunities/${id}`, { method: 'PATCH', body })
        : api<Opportunity>('/api/opportunities', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export type Transition = 'publish' | 'cancel' | 'complete';

/** Publishes, cancels or completes an opportunity. */
export function useTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: Transition }) =>
      api<Opportunity>(`/api/opportunities/${id}/${action}`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** The caller's private calendar feed URL; 'no_employee' for an account without an employee record. */
export function useCalendarFeed() {
  return useQuery({
    queryKey: ['me', 'calendar-feed'],
    queryFn: async (): Promise<string | 'no_employee'> => {
      try {
        return (await api<{ url: string }>('/api/me/calendar-feed')).url;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'no_employee_record') return 'no_employee';
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ url: string }>('/api/me/calendar-feed/rotate', { method: 'POST' }),
    onSuccess: ({ url }) => queryClient.setQueryData(['me', 'calendar-feed'], url),
  });
}

/** Text in the UI language, else the other language; `fallback` says which one was shown. */
export function textIn(
  locale: 'ja' | 'en',
  ja: string | null | undefined,
  en: string | null | undefined,
): { text: string; fallback: boolean } {
  const own = locale === 'ja' ? ja : en;
  if (own) return { text: own, fallback: false };
  return { text: (locale === 'ja' ? en : ja) ?? '', fallback: true };
}

export const titleOf = (locale: 'ja' | 'en', o: { titleJa: string | null; titleEn: string | null }) =>
  textIn(locale, o.titleJa, o.titleEn).text;

/** The .ics address of a shift (the browser sends the session cookie with the download). */
export const shiftCalendarUrl = (shiftId: string) => `/api/shifts/${shiftId}/calendar.ics`;
