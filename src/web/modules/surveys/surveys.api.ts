import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IndicatorInput,
  QUESTION_KINDS as CONTRACT_KINDS,
  QuestionInput,
  Survey,
  SurveyCreate,
  SurveyDetail,
  SurveyResults,
  SurveyUpdate,
} from '../../../server/modules/programs/surveys.schema';
import { api, type Page } from '../../api/client';

export type {
  IndicatorInput,
  QuestionInput,
  Survey,
  SurveyCreate,
  SurveyDetail,
  SurveyResults,
  SurveyUpdate,
};

// The contracts are imported as types only (the bundle must not pull in zod); tsc checks the list agrees.
export const QUESTION_KINDS = ['scale', 'yes_no', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SURVEY_LISTS_MATCH: Same<QuestionKind, (typeof CONTRACT_KINDS)[number]> = true;

const KEY = 'surveys';

export function useSurveys(programId: string) {
  return useQuery({
    queryKey: [KEY, 'list', programId],
    queryFn: () => api<Page<Survey>>(`/api/programs/${programId}/surveys`, { query: { size: 200 } }),
  });
}

export function useSurvey(id: string | null) {
  return useQuery({
    queryKey: [KEY, 'item', id],
    queryFn: () => api<SurveyDetail>(`/api/surveys/${id}`),
    enabled: !!id,
  });
}

export function useSurveyResults(id: string | null) {
  return useQuery({
    queryKey: [KEY, 'results', id],
    queryFn: () => api<SurveyResults>(`/api/surveys/${id}/results`),
    enabled: !!id,
  });
}

/** Refreshes the surveys and the program's figures (indicators feed them). */
export function useRefreshSurveys() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: [KEY] });
    await client.invalidateQueries({ queryKey: ['programs'] });
  };
}

export function useSaveSurvey(programId: string) {
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: (v: { id?: string; body: SurveyCreate }) =>
      v.id
        ? api<SurveyDetail>(`/api/surveys/${v.id}`, { method: 'PATCH', body: v.body as SurveyUpdate })
        : api<SurveyDetail>(`/api/programs/${programId}/surveys`, { method: 'POST', body: v.body }),
    onSuccess: refresh,
  });
}

export function useSetQuestions(surveyId: string) {
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: (items: QuestionInput[]) =>
      api<SurveyDetail>(`/api/surveys/${surveyId}/questions`, { method: 'PUT', body: { items } }),
    onSuccess: refresh,
  });
}

export function useSetIndicators(surveyId: string) {
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: (items: IndicatorInput[]) =>
      api<SurveyDetail>(`/api/surveys/${surveyId}/indicators`, { method: 'PUT', body: { items } }),
    onSuccess: refresh,
  });
}
