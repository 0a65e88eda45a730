import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Grant, Role, ScopeType, UserAdmin } from '../../api/types';

export type GrantInput = { role: Role; scopeType: ScopeType; companyId?: string; siteId?: string };

/** Mutations on one account; each refreshes the user lists and the account itself. */
export function useUserActions(userId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  return {
    grant: useMutation({
      mutationFn: (body: GrantInput) => api<Grant>(`/api/users/${userId}/grants`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (grantId: string) =>
        api<void>(`/api/users/${userId}/grants/${grantId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (body: {
        displayName?: string;
        disabled?: boolean;
        unlock?: true;
        employeeId?: string | null;
      }) => api<UserAdmin>(`/api/users/${userId}`, { method: 'PATCH', body }),
      onSuccess: refresh,
    }),
    setPassword: useMutation({
      mutationFn: (password: string) =>
        api<void>(`/api/users/${userId}/password`, { method: 'PUT', body: { password } }),
    }),
  };
}

export type UserCreateInput = {
  email: string;
  displayName?: string;
  password?: string;
  locale?: 'ja' | 'en';
  employeeId?: string;
  grants: GrantInput[];
};

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateInput) => api<UserAdmin>('/api/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
