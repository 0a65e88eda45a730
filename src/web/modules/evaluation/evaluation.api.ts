import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Criterion,
  CriterionCreate,
  CriterionUpdate,
  DueReview,
  Evidence,
  Impact,
  ImpactBody,
  Review,
  ReviewDecision,
  ReviewDetail,
  ReviewUpdate,
} from '../../../server/modules/evaluation/evaluation.schema';
import { api, type Page } from '../../api/client';

export type {
  Criterion,
  DueReview,
  Evidence,
  Impact,
  ImpactBody,
  Review,
  ReviewDecision,
  ReviewDetail,
  ReviewUpdate,
};

// The contract's list, repeated here (the contract is imported as types only) and checked by tsc.
export const DECISIONS = ['continue', 'improve', 'revise', 'end'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const DECISIONS_MATCH: Same<(typeof DECISIONS)[number], ReviewDecision> = true;

export const DECISION_COLOURS: Record<ReviewDecision, string> = {
  continue: 'teal.9',
  improve: 'blue.9',
  revise: 'orange.9',
  end: 'gray.8',
};

const KEY = 'evaluation';

export function useCriteria(active: 'true' | 'false' | 'all' = 'all') {
  return useQuery({
    queryKey: [KEY, 'criteria', active],
    queryFn: async () =>
      (await api<{ items: Criterion[] }>('/api/evaluation/criteria', { query: { active } })).items,
  });
}

export function useSaveCriterion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CriterionCreate | CriterionUpdate }) =>
      id
        ? api<Criterion>(`/api/evaluation/criteria/${id}`, { method: 'PATCH', body })
        : api<Criterion>('/api/evaluation/criteria', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'criteria'] }),
  });
}

export function useReviews(programId: string) {
  return useQuery({
    queryKey: [KEY, 'reviews', programId],
    queryFn: () => api<Page<Review>>(`/api/programs/${programId}/reviews`, { query: { size: 200 } }),
  });
}

export function useReview(id: string | null) {
  return useQuery({
    queryKey: [KEY, 'review', id],
    queryFn: () => api<ReviewDetail>(`/api/reviews/${id}`),
    enabled: !!id,
  });
}

/** Every change to a review refreshes the timeline, the due list and the program's figures (latest review). */
function useReviewMutation<V>(fn: (v: V) => Promise<ReviewDetail | null>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (review) => {
      if (review) queryClient.setQueryData([KEY, 'review', review.id], review);
      await queryClient.invalidateQueries({ queryKey: [KEY, 'reviews'] });
      await queryClient.invalidateQueries({ queryKey: [KEY, 'due'] });
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}

export const useCreateReview = () =>
  useReviewMutation(({ programId, fiscalYear }: { programId: string; fiscalYear?: number }) =>
    api<ReviewDetail>(`/api/programs/${programId}/reviews`, { method: 'POST', body: { fiscalYear } }),
  );

export const useUpdateReview = () =>
  useReviewMutation(({ id, body }: { id: string; body: ReviewUpdate }) =>
    api<ReviewDetail>(`/api/reviews/${id}`, { method: 'PATCH', body }),
  );

export const useFinaliseReview = () =>
  useReviewMutation((id: string) => api<ReviewDetail>(`/api/reviews/${id}/finalise`, { method: 'POST' }));

export const useDeleteReview = () =>
  useReviewMutation(async (id: string) => {
    await api<null>(`/api/reviews/${id}`, { method: 'DELETE' });
    return null;
  });

export function useDueReviews(enabled = true) {
  return useQuery({
    queryKey: [KEY, 'due'],
    queryFn: () =>
      api<{ items: DueReview[]; total: number }>('/api/reviews/due', { query: { mine: 'true' } }),
    enabled,
  });
}

export function useImpacts(programId: string) {
  return useQuery({
    queryKey: [KEY, 'impacts', programId],
    queryFn: async () => (await api<{ items: Impact[] }>(`/api/programs/${programId}/impacts`)).items,
  });
}

export function useSaveImpact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      programId,
      fiscalYear,
      body,
    }: {
      programId: string;
      fiscalYear: number;
      body: ImpactBody;
    }) => api<Impact>(`/api/programs/${programId}/impacts/${fiscalYear}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'impacts'] }),
  });
}
