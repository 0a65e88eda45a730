import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from './client';

type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * The collection resources of the API: `/api/<name>` answers pages, `/api/<name>/{id}` one item.
 * Query keys start with the resource name, so a change to it refreshes every list of it.
 */
export type Resource = 'companies' | 'sites' | 'departments' | 'employees' | 'users';

/** One page of a resource; the previous page stays on screen while the next one loads. */
export function useList<T>(resource: Resource, query: Query, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [resource, 'list', query],
    queryFn: () => api<Page<T>>(`/api/${resource}`, { query }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** One item of a resource by id (disabled while id is empty). */
export function useItem<T>(resource: Resource, id: string | null | undefined) {
  return useQuery({
    queryKey: [resource, 'item', id],
    queryFn: () => api<T>(`/api/${resource}/${id}`),
    enabled: !!id,
  });
}

/** Creates (no id) or updates (PATCH with id) an item, then refreshes the resource's lists. */
export function useSave<T, B = unknown>(resource: Resource) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | null; body: B }) =>
      id
        ? api<T>(`/api/${resource}/${id}`, { method: 'PATCH', body })
        : api<T>(`/api/${resource}`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [resource] }),
  });
}

/** Deletes an item, then refreshes the resource's lists. */
export function useRemove(resource: Resource) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/${resource}/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [resource] }),
  });
}
