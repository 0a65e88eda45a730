import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Organisation, OrganisationUpdate, Prefecture } from '../../api/types';

export function useOrganisation() {
  return useQuery({ queryKey: ['organisation'], queryFn: () => api<Organisation>('/api/organisation') });
}

/** Saves the settings; the header's organisation name comes from /api/me, so that refreshes too. */
export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationUpdate) =>
      api<Organisation>('/api/organisation', { method: 'PATCH', body }),
    onSuccess: async (org) => {
      queryClient.setQueryData(['organisation'], org);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

/** The 47 prefectures (JIS X 0401 codes), a fixed reference list. */
export function usePrefectures() {
  return useQuery({
    queryKey: ['prefectures'],
    queryFn: () => api<{ items: Prefecture[] }>('/api/prefectures'),
    staleTime: Number.POSITIVE_INFINITY,
    select: (r) => r.items,
  });
}
