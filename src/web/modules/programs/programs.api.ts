import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgramFigures } from '../../../server/modules/programs/figures.schema';
import type {
  Classification,
  PARTNER_ROLES as CONTRACT_ROLES,
  PROGRAM_FRAMEWORKS as CONTRACT_FRAMEWORKS,
  PROGRAM_STATUSES as CONTRACT_STATUSES,
  Program,
  ProgramCreate,
  ProgramPage,
  ProgramPartner,
  ProgramPartnersInput,
  ProgramSummary,
  ProgramUpdate,
} from '../../../server/modules/programs/programs.schema';
import { rolesFor } from '../../../shared/roles';
import { api } from '../../api/client';
import type { Grant } from '../../api/types';

export type {
  Classification,
  Program,
  ProgramCreate,
  ProgramFigures,
  ProgramPartner,
  ProgramPartnersInput,
  ProgramSummary,
  ProgramUpdate,
};

// The contracts are imported as types only (the bundle must not pull in zod): the lists repeat
// their enums, and tsc checks below that they agree.
export const PROGRAM_FRAMEWORKS = ['company_program', 'local_activity', 'foundation_grant'] as const;
export const PROGRAM_STATUSES = ['planned', 'active', 'ended'] as const;
export const PARTNER_ROLES = ['organiser', 'partner', 'host', 'beneficiary', 'funder'] as const;
export type ProgramFramework = (typeof PROGRAM_FRAMEWORKS)[number];
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PROGRAM_LISTS_MATCH: [
  Same<ProgramFramework, (typeof CONTRACT_FRAMEWORKS)[number]>,
  Same<ProgramStatus, (typeof CONTRACT_STATUSES)[number]>,
  Same<PartnerRole, (typeof CONTRACT_ROLES)[number]>,
] = [true, true, true];

export type ProgramQuery = {
  q?: string;
  status?: ProgramStatus;
  framework?: ProgramFramework;
  companyId?: string;
  page?: number;
  size?: number;
  sort?: string;
};

// Every key starts with 'programs': a change to a program refreshes every program view (and the
// record tabs of other modules may invalidate ['programs'] to refresh the figures).
const KEY = 'programs';

export function usePrograms(query: ProgramQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api<ProgramPage>('/api/programs', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProgram(id: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'item', id],
    queryFn: () => api<Program>(`/api/programs/${id}`),
    enabled: !!id,
  });
}

/** The program's figures per fiscal year, `from`..`to` (both optional: the server picks ten years). */
export function useProgramFigures(id: string, range: { from?: number; to?: number } = {}) {
  return useQuery({
    queryKey: [KEY, 'figures', id, range],
    queryFn: () => api<ProgramFigures>(`/api/programs/${id}/figures`, { query: range }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ProgramCreate | ProgramUpdate }) =>
      id
        ? api<Program>(`/api/programs/${id}`, { method: 'PATCH', body })
        : api<Program>('/api/programs', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useSaveProgramPartners() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProgramPartnersInput }) =>
      api<Program>(`/api/programs/${id}/partners`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Every classification term (all schemes, retired ones included: older programs keep theirs). */
export function useClassifications() {
  return useQuery({
    queryKey: ['classifications'],
    queryFn: async () => (await api<{ items: Classification[] }>('/api/classifications')).items,
    staleTime: 10 * 60_000,
  });
}

/** Text in the UI language, else the other one. */
export const inLocale = (locale: 'ja' | 'en', ja: string | null | undefined, en: string | null | undefined) =>
  (locale === 'ja' ? (ja ?? en) : (en ?? ja)) ?? '';

export const programName = (locale: 'ja' | 'en', p: { nameJa: string | null; nameEn: string | null }) =>
  inLocale(locale, p.nameJa, p.nameEn);

/** Partners that may join a program now (active, screening current): the list donors see too. */
export function useEligiblePartners() {
  return useQuery({
    queryKey: ['partners', 'eligible'],
    queryFn: async () =>
      (
        await api<{ items: { id: string; code: string; nameJa: string | null; nameEn: string | null }[] }>(
          '/api/partners/eligible',
        )
      ).items,
  });
}

/** The companies whose programs the user manages: undefined for every company (an organisation-wide grant). */
export function managedCompanies(grants: Grant[]): string[] | undefined {
  const roles = rolesFor('programs.manage');
  const mine = grants.filter((g) => roles.includes(g.role));
  if (mine.some((g) => g.scopeType === 'org')) return undefined;
  return mine.flatMap((g) => (g.scopeType === 'company' && g.companyId ? [g.companyId] : []));
}
