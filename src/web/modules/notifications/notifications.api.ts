import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import {
  MAIL_STATUSES,
  type MailStatus,
  type NotificationPage,
  type OutboxMail,
  type OutboxPage,
} from '../../../server/modules/notifications/notifications.schema';

export type {
  MailStatus,
  Notification,
  OutboxSummary,
} from '../../../server/modules/notifications/notifications.schema';
export { MAIL_STATUSES };

/** How often the header's unread count asks the server (a new notification shows within a minute). */
const UNREAD_POLL_MS = 60_000;

/** The signed-in user's unread notifications, kept fresh while the app is open. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api<{ count: number }>('/api/me/notifications/unread-count'),
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 15_000,
    enabled,
  });
}

/** One page of the signed-in user's notifications. */
export function useNotifications(query: { unread?: boolean; page: number; size: number }) {
  return useQuery({
    queryKey: ['notifications', 'list', query],
    queryFn: () =>
      api<NotificationPage>('/api/me/notifications', {
        query: { unread: query.unread ? 'true' : undefined, page: query.page, size: query.size },
      }),
    placeholderData: keepPreviousData,
  });
}

/** Marks notifications read (no ids: all of them); the list and the count refresh. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      api<void>('/api/me/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

/** One page of the organisation's mail outbox. */
export function useOutbox(query: { status?: MailStatus; q?: string; page: number; size: number }) {
  return useQuery({
    queryKey: ['mail-outbox', 'list', query],
    queryFn: () => api<OutboxPage>('/api/mail-outbox', { query }),
    placeholderData: keepPreviousData,
  });
}

/** One mail of the outbox with its full text. */
export function useOutboxMail(id: string) {
  return useQuery({
    queryKey: ['mail-outbox', 'item', id],
    queryFn: () => api<OutboxMail>(`/api/mail-outbox/${id}`),
  });
}

const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

export type NotificationsSearch = { unread?: boolean; page?: number; size?: number };

export function parseNotificationsSearch(s: Record<string, unknown>): NotificationsSearch {
  return {
    unread: s.unread === true || s.unread === 'true' ? true : undefined,
    page: whole(s.page),
    size: whole(s.size, 200),
  };
}

export type OutboxSearch = { status?: MailStatus; q?: string; page?: number; size?: number };

export function parseOutboxSearch(s: Record<string, unknown>): OutboxSearch {
  return {
    status: MAIL_STATUSES.includes(s.status as MailStatus) ? (s.status as MailStatus) : undefined,
    q: text(s.q),
    page: whole(s.page),
    size: whole(s.size, 200),
  };
}
