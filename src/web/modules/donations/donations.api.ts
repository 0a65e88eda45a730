import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CONFIRMED_STATUSES as CONTRACT_CONFIRMED,
  DONATION_STATUSES as CONTRACT_STATUSES,
  Donation,
  DonationAdmin,
  DonationCreate,
  DonationDetail,
  DonationPage,
  DonationReceipt,
  DonationResult,
  DonationStatusUpdate,
  MyDonationsPage,
} from '../../../server/modules/giving/donations.schema';
import { api } from '../../api/client';

export type {
  Donation,
  DonationAdmin,
  DonationCreate,
  DonationDetail,
  DonationReceipt,
  DonationResult,
  DonationStatusUpdate,
  MyDonationsPage,
};

// The contracts are imported as types only (the bundle must not pull in zod): the lists repeat their
// enums, and tsc checks below that they agree.
export const DONATION_STATUSES = ['pledged', 'paid', 'failed', 'refunded'] as const;
export const CONFIRMED_STATUSES = ['paid', 'failed', 'refunded'] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];
export type ConfirmedStatus = (typeof CONFIRMED_STATUSES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const DONATION_LISTS_MATCH: [
  Same<DonationStatus, (typeof CONTRACT_STATUSES)[number]>,
  Same<ConfirmedStatus, (typeof CONTRACT_CONFIRMED)[number]>,
] = [true, true];

// Query keys: ['donations', 'mine', ...] for the donor, ['donations', 'admin', ...] for finance. A
// donation also moves the donor's points (['points']) and the campaign's progress (['campaigns']).
const KEY = 'donations';

export function useMyDonations(q: { fiscalYear?: number; page: number; size: number }) {
  return useQuery({
    queryKey: [KEY, 'mine', q],
    queryFn: () => api<MyDonationsPage>('/api/me/donations', { query: q }),
    placeholderData: keepPreviousData,
  });
}

/** The donor's receipt of a fiscal year (the current one when undefined). */
export function useReceipt(fiscalYear?: number) {
  return useQuery({
    queryKey: [KEY, 'mine', 'receipt', fiscalYear ?? 'current'],
    queryFn: () => api<DonationReceipt>('/api/me/donations/receipt', { query: { fiscalYear } }),
  });
}

export function useDonate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DonationCreate) => api<DonationResult>('/api/donations', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [KEY] }),
        queryClient.invalidateQueries({ queryKey: ['points'] }),
        queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
      ]),
  });
}

export type DonationsQuery = {
  status?: DonationStatus;
  campaignId?: string;
  q?: string;
  page: number;
  size: number;
};

export function useDonations(query: DonationsQuery) {
  return useQuery({
    queryKey: [KEY, 'admin', query],
    queryFn: () => api<DonationPage>('/api/donations', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Marks a donation paid, failed or refunded; `eventId` makes a repeated click change it once. */
export function useConfirmDonation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DonationStatusUpdate }) =>
      api<DonationAdmin>(`/api/donations/${id}/status`, { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [KEY] }),
        queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
      ]),
  });
}

/** A donation's recipient in the UI language: the campaign's title, or the organisation's name. */
export function recipientOf(
  locale: 'ja' | 'en',
  d: {
    campaign: { titleJa: string | null; titleEn: string | null } | null;
    partner: { nameJa: string | null; nameEn: string | null };
  },
): { title: string; organisation: string } {
  const pick = (ja: string | null, en: string | null) => (locale === 'ja' ? (ja ?? en) : (en ?? ja)) ?? '';
  const organisation = pick(d.partner.nameJa, d.partner.nameEn);
  return { title: d.campaign ? pick(d.campaign.titleJa, d.campaign.titleEn) : organisation, organisation };
}
