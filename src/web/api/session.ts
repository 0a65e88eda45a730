import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { setLocale } from '../i18n';
import { ApiError, api, setCsrfToken } from './client';
import type { Locale, Me, Permission, User } from './types';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    await setLocale(me.locale);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user (null when signed out), their roles, permissions and language. */
export const meQuery = queryOptions({ queryKey: ['me'], queryFn: fetchMe, staleTime: 5 * 60_000 });

/** The signed-in user; only inside the app shell, which renders nothing until they are known. */
export function useMe(): Me {
  const me = useSuspenseQuery(meQuery).data;
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

/** Whether the signed-in user holds a permission on at least one scope. */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}

/** The language chosen with the switch on the sign-in page, if any (applied to the account on sign-in). */
let pickedBeforeSignIn: Locale | null = null;

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<{ user: User; csrfToken: string }>('/api/auth/login', { method: 'POST', body }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      // A language picked on the sign-in page is the user's latest choice: it becomes the account's.
      const picked = pickedBeforeSignIn;
      pickedBeforeSignIn = null;
      if (picked && picked !== result.user.locale)
        await api<User>('/api/me', { method: 'PATCH', body: { locale: picked } });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      queryClient.setQueryData(meQuery.queryKey, null);
    },
  });
}

/** Switches the language: at once on screen, then remembered for the user; server texts reload. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await setLocale(locale);
      const me = queryClient.getQueryData(meQuery.queryKey);
      if (me) await api<User>('/api/me', { method: 'PATCH', body: { locale } });
      else pickedBeforeSignIn = locale;
      return locale;
    },
    onSuccess: async (locale) => {
      const me = queryClient.getQueryData(meQuery.queryKey);
      if (me) {
        const next: Me = { ...me, locale, user: { ...me.user, locale } };
        queryClient.setQueryData(meQuery.queryKey, next);
      }
      await queryClient.invalidateQueries();
    },
  });
}
