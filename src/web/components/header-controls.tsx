import { SegmentedControl, VisuallyHidden, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLocale, useMe, useSignOut } from '../api/session';
import type { Locale } from '../api/types';
import { notifyError } from './feedback';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { NotificationBell } from '../modules/notifications/notification-bell';

/**
 * 日本語 | English. Each language is named in itself, so people find theirs whatever the screen
 * shows. Signed in, the choice is saved to the account (PATCH /api/me) and follows the user.
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  const id = useId();
  return (
    <>
      <VisuallyHidden id={id}>{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        aria-labelledby={id}
        size={size}
        value={i18n.language === 'en' ? 'en' : 'ja'}
        onChange={(value) =>
          change.mutate(value as Locale, {
            onError: (error) => notifyError(error),
          })
        }
        data={[
          { value: 'ja', label: <span lang="ja">{t('language.ja')}</span> },
          { value: 'en', label: <span lang="en">{t('language.en')}</span> },
        ]}
      />
    </>
  );
}

/** The signed-in user's name, opening a menu with the profile and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const name = me.user.displayName || me.user.email;
  return (
    <Group gap="sm" wrap="nowrap">
      <NotificationBell />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton title={t('userMenu.open', { name })}>
            <Group gap={6} wrap="nowrap">
              <IconUserCircle size={24} aria-hidden color="var(--mantine-color-indigo-9)" />
              <Text size="sm" maw={160} truncate visibleFrom="sm">
                {name}
              </Text>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.user.email}</Menu.Label>
          <Menu.Item
            leftSection={<IconUserCircle size={16} aria-hidden />}
            renderRoot={(p) => <Link to="/profile" {...p} />}
          >
            {t('nav.profile')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() =>
              signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in', search: {} }) })
            }
          >
            {t('userMenu.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
