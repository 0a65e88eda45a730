import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AGREEMENT_KINDS as CONTRACT_KINDS,
  AGREEMENT_STATUSES as CONTRACT_STATUSES,
  Agreement,
  AgreementCreate,
  AgreementPage,
  AgreementUpdate,
} from '../../../server/modules/partners/agreements.schema';
import { api } from '../../api/client';
import { uploadReceipt } from '../claims/claims.api';

export type { Agreement, AgreementCreate, AgreementUpdate };

// The contracts are imported as types only: the lists repeat their enums, checked below by tsc.
export const AGREEMENT_KINDS = [
  'comprehensive_partnership',
  'memorandum',
  'sponsorship',
  'pro_bono',
] as const;
export const AGREEMENT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const AGREEMENT_LISTS_MATCH: [
  Same<AgreementKind, (typeof CONTRACT_KINDS)[number]>,
  Same<AgreementStatus, (typeof CONTRACT_STATUSES)[number]>,
] = [true, true];

export type AgreementQuery = {
  q?: string;
  kind?: AgreementKind;
  status?: AgreementStatus;
  partnerId?: string;
  page?: number;
  size?: number;
  sort?: string;
};

const KEY = 'agreements';

export function useAgreements(query: AgreementQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api<AgreementPage>('/api/agreements', { query }),
    placeholderData: keepPreviousData,
  });
}

/** A document's address for reading it in the browser (or downloading it). */
export const documentUrl = (fileId: string, download = false) =>
  `/api/files/${fileId}${download ? '?download=1' : ''}`;

/**
 * Saves an agreement (creates it without id), then uploads the new files (purpose
 * agreement_document) and sets its documents to the kept ones plus the new ones.
 */
export function useSaveAgreement(csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      body,
      keep,
      files,
    }: {
      id?: string;
      body: AgreementCreate | AgreementUpdate;
      keep: string[];
      files: { file: File; type: string }[];
    }) => {
      const saved = id
        ? await api<Agreement>(`/api/agreements/${id}`, { method: 'PATCH', body })
        : await api<Agreement>('/api/agreements', { method: 'POST', body });
      const uploaded = [];
      for (const f of files)
        uploaded.push(await uploadReceipt(f.file, f.type, csrfToken, 'agreement_document'));
      const fileIds = [...keep, ...uploaded.map((u) => u.id)];
      const unchanged =
        fileIds.length === saved.documents.length && saved.documents.every((d) => fileIds.includes(d.fileId));
      if (unchanged) return saved;
      return api<Agreement>(`/api/agreements/${saved.id}/documents`, { method: 'PUT', body: { fileIds } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}
