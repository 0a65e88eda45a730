import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact, ContactCreate, ContactUpdate } from '../../../server/modules/partners/contacts.schema';
import type {
  BANK_ACCOUNT_TYPES as CONTRACT_ACCOUNT_TYPES,
  PARTNER_KINDS as CONTRACT_KINDS,
  PARTNER_STATUSES as CONTRACT_STATUSES,
  Partner,
  PartnerCreate,
  PartnerPage,
  PartnerUpdate,
} from '../../../server/modules/partners/partners.schema';
import type { Field } from '../../../shared/fields';
import { api } from '../../api/client';

export type { Contact, ContactCreate, ContactUpdate, Partner, PartnerCreate, PartnerUpdate };

// The contracts are imported as types only: the lists repeat their enums, checked below by tsc.
export const PARTNER_KINDS = [
  'npo',
  'ngo',
  'public_interest',
  'municipality',
  'prefecture',
  'school',
  'university',
  'foundation',
  'company',
  'international',
  'other',
] as const;
export const PARTNER_STATUSES = ['active', 'closed'] as const;
export const BANK_ACCOUNT_TYPES = ['ordinary', 'current', 'savings'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PARTNER_LISTS_MATCH: [
  Same<PartnerKind, (typeof CONTRACT_KINDS)[number]>,
  Same<PartnerStatus, (typeof CONTRACT_STATUSES)[number]>,
  Same<(typeof BANK_ACCOUNT_TYPES)[number], (typeof CONTRACT_ACCOUNT_TYPES)[number]>,
] = [true, true, true];

export type PartnerQuery = {
  q?: string;
  kind?: PartnerKind;
  field?: Field;
  status?: PartnerStatus;
  eligible?: boolean;
  page?: number;
  size?: number;
  sort?: string;
};

// Keys start with 'partners' (the campaign forms' list of eligible organisations too).
const KEY = 'partners';

export function usePartners(query: PartnerQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api<PartnerPage>('/api/partners', { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: string) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => api<Partner>(`/api/partners/${id}`),
  });
}

/** Creates (no id) or changes an organisation; campaigns show its name and eligibility, so they refresh too. */
export function useSavePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: PartnerCreate | PartnerUpdate }) =>
      id
        ? api<Partner>(`/api/partners/${id}`, { method: 'PATCH', body })
        : api<Partner>('/api/partners', { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [KEY] });
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}

export function useContacts(partnerId: string) {
  return useQuery({
    queryKey: [KEY, 'contacts', partnerId],
    queryFn: () => api<{ items: Contact[] }>(`/api/partners/${partnerId}/contacts`),
  });
}

/** Adds (no id), changes or removes (body null) a contact of a partner. */
export function useSaveContact(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: string;
      body: ContactCreate | ContactUpdate | null;
    }): Promise<Contact | null> => {
      const base = `/api/partners/${partnerId}/contacts`;
      if (body === null) return api<null>(`${base}/${id}`, { method: 'DELETE' });
      return id
        ? api<Contact>(`${base}/${id}`, { method: 'PATCH', body })
        : api<Contact>(base, { method: 'POST', body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'contacts', partnerId] }),
  });
}
