import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { useFormat } from '../../i18n';
import { useUnreadCount } from './notifications.api';

/** The header's bell: the number of unread notifications, opening the notifications page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const f = useFormat();
  const allowed = useCan()('self.read');
  const unread = useUnreadCount(allowed);
  if (!allowed) return null;
  const count = unread.data?.count ?? 0;
  const label = count > 0 ? t('notifications:bell.unread', { count }) : t('notifications:bell.none');
  return (
    <Indicator
      label={count > 99 ? '99+' : f.number(count)}
      size={18}
      color="red.8"
      offset={4}
      disabled={count === 0}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="indigo.9"
        size="lg"
        aria-label={label}
        title={label}
      >
        <IconBell size={22} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
