import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CAMPAIGN_KINDS as CONTRACT_KINDS,
  CAMPAIGN_STATUSES as CONTRACT_STATUSES,
  Campaign,
  CampaignCreate,
  CampaignPage,
  CampaignTotals,
  CampaignUpdate,
  CompanyDonation,
  CompanyDonationCreate,
  CompanyDonationPage,
  FUND_TYPES as CONTRACT_FUND_TYPES,
} from '../../../server/modules/giving/campaigns.schema';
import type { Recipient } from '../../../server/modules/partners/partners.schema';
import { rolesFor } from '../../../shared/roles';
import { api } from '../../api/client';
import type { Grant } from '../../api/types';

export type {
  Campaign,
  CampaignCreate,
  CampaignTotals,
  CampaignUpdate,
  CompanyDonation,
  CompanyDonationCreate,
  Recipient,
};

// The contracts are imported as types only (the bundle must not pull in zod): the lists repeat
// their enums, and tsc checks below that they agree.
export const CAMPAIGN_KINDS = ['disaster', 'cause'] as const;
export const FUND_TYPES = ['victim_relief', 'relief_work', 'general'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type FundType = (typeof FUND_TYPES)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CAMPAIGN_LISTS_MATCH: [
  Same<CampaignKind, (typeof CONTRACT_KINDS)[number]>,
  Same<FundType, (typeof CONTRACT_FUND_TYPES)[number]>,
  Same<CampaignStatus, (typeof CONTRACT_STATUSES)[number]>,
] = [true, true, true];

export type CampaignQuery = {
  q?: string;
  status?: CampaignStatus;
  companyId?: string;
  manage?: boolean;
  page?: number;
  size?: number;
  sort?: string;
};

// Every key starts with 'campaigns': a donation or a company donation refreshes every campaign view.
const KEY = 'campaigns';

export function useCampaigns(query: CampaignQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api<CampaignPage>('/api/campaigns', { query }),
    placeholderData: keepPreviousData,
  });
}

/** One campaign; `live` refetches it every 10 seconds (the progress on its page). */
export function useCampaign(id: string | null | undefined, live = false) {
  return useQuery({
    queryKey: [KEY, 'item', id],
    queryFn: () => api<Campaign>(`/api/campaigns/${id}`),
    enabled: !!id,
    refetchInterval: live ? 10_000 : false,
    staleTime: live ? 0 : undefined,
  });
}

export function useSaveCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CampaignCreate | CampaignUpdate }) =>
      id
        ? api<Campaign>(`/api/campaigns/${id}`, { method: 'PATCH', body })
        : api<Campaign>('/api/campaigns', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export type CampaignTransition = 'open' | 'close';

export function useCampaignTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: CampaignTransition }) =>
      api<Campaign>(`/api/campaigns/${id}/${action}`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useCompanyDonations(campaignId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'company-donations', campaignId],
    queryFn: () => api<CompanyDonationPage>('/api/company-donations', { query: { campaignId, size: 200 } }),
    enabled,
  });
}

export function useRecordCompanyDonation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyDonationCreate) =>
      api<CompanyDonation>('/api/company-donations', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Organisations that may receive donations now (eligible and active). */
export function useRecipients() {
  return useQuery({
    queryKey: ['partners', 'eligible'],
    queryFn: async () => (await api<{ items: Recipient[] }>('/api/partners/eligible')).items,
  });
}

/** Text in the UI language, else the other one; `fallback` says which one was shown. */
export function textIn(locale: 'ja' | 'en', ja: string | null | undefined, en: string | null | undefined) {
  const own = locale === 'ja' ? ja : en;
  if (own) return { text: own, fallback: false };
  return { text: (locale === 'ja' ? en : ja) ?? '', fallback: true };
}

export const campaignTitle = (locale: 'ja' | 'en', c: { titleJa: string | null; titleEn: string | null }) =>
  textIn(locale, c.titleJa, c.titleEn).text;

export const partnerName = (locale: 'ja' | 'en', p: { nameJa: string | null; nameEn: string | null }) =>
  textIn(locale, p.nameJa, p.nameEn).text;

/** Share of the goal reached, 0..100 (null without a goal). */
export const progressOf = (t: CampaignTotals) =>
  t.goalJpy ? Math.min(100, Math.max(0, (t.totalJpy / t.goalJpy) * 100)) : null;

/** The companies whose campaigns the user runs: undefined for every company (an organisation-wide grant). */
export function managedCompanies(grants: Grant[]): string[] | undefined {
  const roles = rolesFor('campaigns.manage');
  const mine = grants.filter((g) => roles.includes(g.role));
  if (mine.some((g) => g.scopeType === 'org')) return undefined;
  return mine.flatMap((g) => (g.scopeType === 'company' && g.companyId ? [g.companyId] : []));
}

/** A fresh idempotency key: one per form opened, so a retried or double-clicked save records once. */
export const newIdempotencyKey = () => crypto.randomUUID();
