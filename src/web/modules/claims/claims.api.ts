import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Claim,
  ClaimActivity,
  ClaimCreate,
  ClaimStatus,
  Eligible,
  Reimbursement,
  ReimbursementPage,
  StoredFile,
} from '../../../server/modules/points/claims.schema';
import { ApiError, api, type Page, withQuery } from '../../api/client';
import { i18n } from '../../i18n';

export type {
  Claim,
  ClaimActivity,
  ClaimCreate,
  ClaimStatus,
  Eligible,
  Reimbursement,
  ReimbursementPage,
  StoredFile,
};

// Query keys: ['claims', 'mine'|'eligible'] for the caller's own, ['claims', 'queue', query] for the
// approvals queue, ['reimbursements', query] for finance. A decision changes all of them.
const CLAIMS = ['claims'] as const;

/** The caller's claims, newest first. */
export function useMyClaims() {
  return useQuery({
    queryKey: [...CLAIMS, 'mine'],
    queryFn: () => api<{ items: Claim[] }>('/api/claims/mine'),
  });
}

/** What the caller can claim for now, with their balance and the point value. */
export function useEligible(enabled = true) {
  return useQuery({
    queryKey: [...CLAIMS, 'eligible'],
    queryFn: () => api<Eligible>('/api/claims/eligible'),
    enabled,
  });
}

/**
 * Sends a receipt's bytes (or, with a purpose, an agreement, evidence, a photo) as they are (not JSON),
 * with the session's CSRF token and the UI language;
 * a refusal becomes the same ApiError as any other call.
 */
export async function uploadReceipt(
  file: File,
  contentType: string,
  csrfToken: string,
  purpose?: 'agreement_document' | 'screening_evidence' | 'program_photo' | 'consent_record',
): Promise<StoredFile> {
  const res = await fetch(withQuery('/api/files', { name: file.name, purpose }), {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': i18n.language === 'en' ? 'en' : 'ja',
      'content-type': contentType,
      'x-csrf-token': csrfToken,
    },
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
  return body as StoredFile;
}

/** Uploads the receipt, then submits the claim with it. */
export function useCreateClaim(csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      receipt,
      receiptType,
      ...body
    }: Omit<ClaimCreate, 'receiptFileId'> & { receipt: File; receiptType: string }) => {
      const file = await uploadReceipt(receipt, receiptType, csrfToken);
      return api<Claim>('/api/claims', { method: 'POST', body: { ...body, receiptFileId: file.id } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAIMS }),
  });
}

export function useWithdrawClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Claim>(`/api/claims/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLAIMS }),
  });
}

export type ClaimQueueQuery = {
  status?: ClaimStatus;
  companyId?: string;
  siteId?: string;
  page: number;
  size: number;
};

/** The claims of the caller's scope: the approvals queue (oldest first). */
export function useClaimQueue(query: ClaimQueueQuery) {
  return useQuery({
    queryKey: [...CLAIMS, 'queue', query],
    queryFn: () => api<Page<Claim>>('/api/claims', { query: { ...query, sort: 'createdAt' } }),
    placeholderData: keepPreviousData,
  });
}

/** Approves (note optional) or rejects (note required) a claim; refreshes claims and reimbursements. */
export function useDecideClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'approve' | 'reject'; note?: string }) =>
      api<Claim>(`/api/claims/${id}/${action}`, { method: 'POST', body: note ? { note } : {} }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: CLAIMS });
      await queryClient.invalidateQueries({ queryKey: ['reimbursements'] });
    },
  });
}

/** Where a claim's receipt is read (inline) or downloaded. */
export const receiptUrl = (claimId: string, download = false) =>
  withQuery(`/api/claims/${claimId}/receipt`, { download: download ? 1 : undefined });

export type ReimbursementQuery = { from?: string; to?: string; companyId?: string };

export function useReimbursements(query: ReimbursementQuery & { page: number; size: number }) {
  return useQuery({
    queryKey: ['reimbursements', query],
    queryFn: () => api<ReimbursementPage>('/api/reimbursements', { query }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the same filter (the browser sends the session cookie with the download). */
export const reimbursementsCsvUrl = (query: ReimbursementQuery) =>
  withQuery('/api/reimbursements.csv', { ...query, lang: i18n.language === 'en' ? 'en' : 'ja' });
