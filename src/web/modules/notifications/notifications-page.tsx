import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { Empty, Pager } from '../../components/data-table';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import {
  type Notification,
  type NotificationsSearch,
  useMarkRead,
  useNotifications,
  useUnreadCount,
} from './notifications.api';

/** The signed-in user's notifications: newest first, unread ones marked, each opening what it is about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, update] = useSearchState<NotificationsSearch>();
  const { unread, page = 1, size = 25 } = search;
  const list = useNotifications({ unread, page, size });
  const unreadCount = useUnreadCount().data?.count ?? 0;
  const markRead = useMarkRead();
  const markAll = () =>
    markRead.mutate(undefined, {
      onSuccess: () => notifySuccess(t('notifications:page.markedAllRead')),
      onError: notifyError,
    });

  return (
    <>
      <PageHeader
        title={t('notifications:page.title')}
        description={t('notifications:page.description')}
        actions={
          <Button
            variant="default"
            leftSection={<IconChecks size={16} aria-hidden />}
            onClick={markAll}
            loading={markRead.isPending && markRead.variables === undefined}
            disabled={unreadCount === 0}
          >
            {t('notifications:page.markAllRead')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        {!me.user.employeeId && (
          <Text size="sm" mb="md">
            {t('notifications:page.noEmployee')}
          </Text>
        )}
        <Switch
          mb="md"
          label={t('notifications:page.unreadOnly')}
          checked={!!unread}
          onChange={(e) => update({ unread: e.currentTarget.checked || undefined })}
        />
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty title={unread ? t('notifications:page.emptyUnread') : t('notifications:page.empty')} />
          }
        >
          {(data) => (
            <>
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.items.map((n) => (
                  <NotificationItem key={n.id} notification={n} />
                ))}
              </Stack>
              <Pager
                page={page}
                size={size}
                total={data.total}
                onPage={(p) => update({ page: p })}
                onSize={(n) => update({ size: n })}
              />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}

/** One notification: unread ones stand out; opening it marks it read. */
function NotificationItem({ notification: n }: { notification: Notification }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = !n.readAt;
  const open = (e: React.MouseEvent) => {
    if (!n.link || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    if (unread) markRead.mutate([n.id]);
    void navigate({ href: n.link });
  };
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      bg={unread ? 'indigo.0' : undefined}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-indigo-7)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            {unread && (
              <Badge size="sm" color="indigo" c="indigo.9" variant="light">
                {t('notifications:page.unread')}
              </Badge>
            )}
            <Text fw={unread ? 700 : 500}>
              {n.link ? (
                <Anchor
                  href={n.link}
                  onClick={open}
                  c="inherit"
                  fw="inherit"
                  aria-label={t('notifications:page.openNamed', { title: n.title })}
                >
                  {n.title}
                </Anchor>
              ) : (
                n.title
              )}
            </Text>
          </Group>
          <Text size="sm">{n.body}</Text>
          <Text size="xs" c="dimmed">
            {f.dateTime(n.createdAt)}
          </Text>
        </Stack>
        {unread && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => markRead.mutate([n.id], { onError: notifyError })}
            loading={markRead.isPending}
            style={{ flexShrink: 0 }}
            aria-label={t('notifications:page.markReadNamed', { title: n.title })}
          >
            {t('notifications:page.markRead')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
