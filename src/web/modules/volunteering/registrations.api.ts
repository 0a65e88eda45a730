import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Registration,
  RegistrationInput,
  RegistrationStatus,
  Skill,
  SkillCreate,
  SkillUpdate,
} from '../../../server/modules/volunteering/registrations.schema';
import type { Field } from '../../../shared/fields';
import { ApiError, api, type Page } from '../../api/client';
import type { PagedSearch } from '../../search-params';

export type { Registration, RegistrationInput, RegistrationStatus, Skill };

/** The caller's registration: null when they have not joined, 'no_employee' when the account has no employee. */
export type MyRegistration = Registration | null | 'no_employee';

const ME = ['me', 'registration'] as const;

export function useMyRegistration() {
  return useQuery({
    queryKey: ME,
    queryFn: async (): Promise<MyRegistration> => {
      try {
        return await api<Registration>('/api/me/registration');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_registered') return null;
        if (error instanceof ApiError && error.code === 'no_employee_record') return 'no_employee';
        throw error;
      }
    },
  });
}

/** Joins or updates (PUT); the answer replaces the cached registration and refreshes the lists. */
export function useSaveRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationInput) =>
      api<Registration>('/api/me/registration', { method: 'PUT', body }),
    onSuccess: (registration) => {
      queryClient.setQueryData(ME, registration);
      void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
    },
  });
}

/** Leaves the volunteer service (the registration stays, with its leaving date). */
export function useLeaveService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Registration>('/api/me/registration', { method: 'DELETE' }),
    onSuccess: (registration) => {
      queryClient.setQueryData(ME, registration);
      void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
    },
  });
}

export type VolunteersSearch = PagedSearch & {
  companyId?: string;
  siteId?: string;
  field?: Field;
  skill?: string;
  status?: RegistrationStatus;
  joinedFrom?: string;
  joinedTo?: string;
};

/** One page of the volunteer database; the previous page stays on screen while the next loads. */
export function useVolunteers(query: VolunteersSearch) {
  return useQuery({
    queryKey: ['volunteers', 'list', query],
    queryFn: () => api<Page<Registration>>('/api/volunteers', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useVolunteer(id: string | null) {
  return useQuery({
    queryKey: ['volunteers', 'item', id],
    queryFn: () => api<Registration>(`/api/volunteers/${id}`),
    enabled: !!id,
  });
}

/** The skills list; deactivated skills too when asked (to show skills someone already has). */
export function useSkills(includeInactive = false) {
  return useQuery({
    queryKey: ['volunteer-skills', { includeInactive }],
    queryFn: () => api<{ items: Skill[] }>('/api/volunteer-skills', { query: { includeInactive } }),
    select: (r) => r.items,
    staleTime: 5 * 60_000,
  });
}

/** Adds (no id) or changes a skill, then refreshes the skills lists. */
export function useSaveSkill() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: SkillCreate | SkillUpdate }) =>
      id
        ? api<Skill>(`/api/volunteer-skills/${id}`, { method: 'PATCH', body })
        : api<Skill>('/api/volunteer-skills', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['volunteer-skills'] }),
  });
}
