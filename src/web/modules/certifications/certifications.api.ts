import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Certification,
  CertificationCreate,
  HOLDER_FILTERS as CONTRACT_FILTERS,
  Holder,
  HolderCreate,
  HolderRenew,
  Period,
} from '../../../server/modules/programs/certifications.schema';
import type {
  AUDIENCES as CONTRACT_AUDIENCES,
  CLASS_COUNT_KINDS as CONTRACT_COUNT_KINDS,
  CLASS_REQUEST_STATUSES as CONTRACT_STATUSES,
  REQUESTER_KINDS as CONTRACT_REQUESTER_KINDS,
  ClassAssign,
  ClassComplete,
  ClassOffer,
  ClassRequestDetail,
  ClassRequestSubmit,
  ClassRequestSummary,
} from '../../../server/modules/programs/class-requests.schema';
import { api, type Page } from '../../api/client';

export type {
  Certification,
  ClassOffer,
  ClassRequestDetail,
  ClassRequestSubmit,
  ClassRequestSummary,
  Holder,
  HolderCreate,
};

// The contracts are imported as types only: the lists repeat their enums, checked below by tsc.
export const HOLDER_FILTERS = ['current', 'expired', 'all'] as const;
export const REQUESTER_KINDS = ['school', 'municipality', 'other'] as const;
export const AUDIENCES = ['students', 'guardians', 'teachers', 'public', 'mixed'] as const;
export const CLASS_REQUEST_STATUSES = [
  'requested',
  'assigned',
  'completed',
  'declined',
  'cancelled',
] as const;
export const CLASS_COUNT_KINDS = ['students', 'guardians', 'teachers', 'public', 'other'] as const;
export type HolderFilter = (typeof HOLDER_FILTERS)[number];
export type ClassRequestStatus = (typeof CLASS_REQUEST_STATUSES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CERTIFICATION_LISTS_MATCH: [
  Same<HolderFilter, (typeof CONTRACT_FILTERS)[number]>,
  Same<(typeof REQUESTER_KINDS)[number], (typeof CONTRACT_REQUESTER_KINDS)[number]>,
  Same<(typeof AUDIENCES)[number], (typeof CONTRACT_AUDIENCES)[number]>,
  Same<ClassRequestStatus, (typeof CONTRACT_STATUSES)[number]>,
  Same<(typeof CLASS_COUNT_KINDS)[number], (typeof CONTRACT_COUNT_KINDS)[number]>,
] = [true, true, true, true, true];

const KEY = 'certifications';
const REQUESTS = 'class-requests';

export function useCertifications(programId: string) {
  return useQuery({
    queryKey: [KEY, 'list', programId],
    queryFn: () => api<{ items: Certification[] }>(`/api/programs/${programId}/certifications`),
  });
}

export type HolderQuery = { status?: HolderFilter; on?: string; q?: string; page?: number; size?: number };

export function useHolders(certificationId: string | null | undefined, query: HolderQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'holders', certificationId, query],
    queryFn: () => api<Page<Holder>>(`/api/certifications/${certificationId}/holders`, { query }),
    enabled: !!certificationId && enabled,
    placeholderData: keepPreviousData,
  });
}

/** Changes to certifications refresh the counts, the holders and the program's figures. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: [KEY] });
    await queryClient.invalidateQueries({ queryKey: ['programs'] });
  };
}

export function useCreateCertification(programId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CertificationCreate) =>
      api<Certification>(`/api/programs/${programId}/certifications`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAddHolder(certificationId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: HolderCreate) =>
      api<Period>(`/api/certifications/${certificationId}/holders`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useRenewHolder() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HolderRenew }) =>
      api<Period>(`/api/certification-holders/${id}/renew`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useRevokeHolder() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, revokedOn }: { id: string; revokedOn: string }) =>
      api<Period>(`/api/certification-holders/${id}/revoke`, { method: 'POST', body: { revokedOn } }),
    onSuccess: refresh,
  });
}

export function useClassOffer(orgCode: string) {
  return useQuery({
    queryKey: ['public-class-offer', orgCode],
    queryFn: () => api<ClassOffer>(`/api/public/class-requests/${encodeURIComponent(orgCode)}`),
  });
}

export function useSubmitClassRequest() {
  return useMutation({
    mutationFn: (body: ClassRequestSubmit) =>
      api<{ reference: string; status: 'requested' }>('/api/public/class-requests', { method: 'POST', body }),
  });
}

export function useClassRequests(query: { status?: ClassRequestStatus; page?: number; size?: number }) {
  return useQuery({
    queryKey: [REQUESTS, 'list', query],
    queryFn: () => api<Page<ClassRequestSummary>>('/api/class-requests', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useClassRequest(id: string | null | undefined) {
  return useQuery({
    queryKey: [REQUESTS, 'item', id],
    queryFn: () => api<ClassRequestDetail>(`/api/class-requests/${id}`),
    enabled: !!id,
  });
}

type Action =
  | { kind: 'assign'; body: ClassAssign }
  | { kind: 'decline'; body: { reason: string } }
  | { kind: 'complete'; body: ClassComplete };

/** Assigns, declines or completes a request; the lists and the programs' figures refresh. */
export function useClassRequestAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) =>
      api<ClassRequestDetail>(`/api/class-requests/${id}/${action.kind}`, {
        method: 'POST',
        body: action.body,
      }),
    onSuccess: async (detail) => {
      queryClient.setQueryData([REQUESTS, 'item', id], detail);
      await queryClient.invalidateQueries({ queryKey: [REQUESTS, 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}
