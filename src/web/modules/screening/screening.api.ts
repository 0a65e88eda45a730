import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CriterionBody as CriterionInput,
  Guideline,
  GuidelineCreateBody as GuidelineCreate,
  GuidelinePage,
  GuidelineUpdateBody as GuidelineUpdate,
} from '../../../server/modules/partners/guidelines.schema';
import type {
  AnswerBody as AnswerInput,
  DecideBody as Decide,
  DueItem,
  DuePage,
  Screening,
  ScreeningItem,
  ScreeningList,
  ScreeningSummary,
} from '../../../server/modules/partners/screening.schema';
import { ApiError, api, withQuery } from '../../api/client';
import { i18n } from '../../i18n';

export type { CriterionInput, DueItem, Guideline, Screening, ScreeningItem, ScreeningSummary };

const KEY = 'screening';
// Deciding changes a partner's eligibility: the partner lists and campaign forms refresh too.
const AFFECTED = [[KEY], ['partners'], ['campaigns'], ['programs']];

export function useGuidelines() {
  return useQuery({
    queryKey: [KEY, 'guidelines'],
    queryFn: () => api<GuidelinePage>('/api/screening/guidelines', { query: { size: 200 } }),
  });
}

export function useGuideline(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'guideline', id],
    queryFn: () => api<Guideline>(`/api/screening/guidelines/${id}`),
    enabled: !!id,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(AFFECTED.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}

export function useCreateGuideline() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: GuidelineCreate) =>
      api<Guideline>('/api/screening/guidelines', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateGuideline(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: GuidelineUpdate) =>
      api<Guideline>(`/api/screening/guidelines/${id}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useReplaceCriteria(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (items: CriterionInput[]) =>
      api<Guideline>(`/api/screening/guidelines/${id}/criteria`, { method: 'PUT', body: { items } }),
    onSuccess: refresh,
  });
}

export function usePublishGuideline(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<Guideline>(`/api/screening/guidelines/${id}/publish`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useDeleteGuideline(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<void>(`/api/screening/guidelines/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function usePartnerScreenings(partnerId: string) {
  return useQuery({
    queryKey: [KEY, 'partner', partnerId],
    queryFn: () => api<ScreeningList>(`/api/partners/${partnerId}/screenings`, { query: { size: 200 } }),
  });
}

export function useScreening(id: string | null) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => api<Screening>(`/api/screenings/${id}`),
    enabled: !!id,
  });
}

export function useStartScreening(partnerId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<Screening>(`/api/partners/${partnerId}/screenings`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useAnswer(screeningId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ criterionId, body }: { criterionId: string; body: AnswerInput }) =>
      api<Screening>(`/api/screenings/${screeningId}/answers/${criterionId}`, { method: 'PUT', body }),
    onSuccess: async (s) => {
      queryClient.setQueryData([KEY, 'one', screeningId], s);
      await queryClient.invalidateQueries({ queryKey: [KEY, 'partner', s.partnerId] });
    },
  });
}

export function useDecide(screeningId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Decide) =>
      api<Screening>(`/api/screenings/${screeningId}/decide`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDiscardScreening(screeningId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<void>(`/api/screenings/${screeningId}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useDue(within: number, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'due', within],
    queryFn: () => api<DuePage>('/api/screening/due', { query: { within, size: 20 } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The address that shows an uploaded evidence file. */
export const fileUrl = (id: string) => `/api/files/${id}`;

/** Uploads an evidence file (PDF or image) as screening evidence; refusals become ApiError. */
export async function uploadEvidence(
  file: File,
  csrfToken: string | null,
): Promise<{ id: string; name: string }> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language === 'en' ? 'en' : 'ja',
    'content-type': file.type || 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(withQuery('/api/files', { name: file.name, purpose: 'screening_evidence' }), {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: file,
  }).catch(() => {
    throw new ApiError({ status: 0, code: 'network', detail: i18n.t('failure.network'), fields: [] });
  });
  const body = await res.json().catch(() => null);
  if (!res.ok)
    throw new ApiError(
      body?.code
        ? { ...body, status: res.status, fields: body.fields ?? [] }
        : {
            status: res.status,
            code: 'internal',
            detail: i18n.t('failure.http', { status: res.status }),
            fields: [],
          },
    );
  return body;
}
