import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconBuilding,
  IconBuildingFactory2,
  IconHistory,
  IconHome,
  IconSettings,
  IconSitemap,
  IconUserCircle,
  IconUsers,
  IconUserShield,
} from '@tabler/icons-react';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../api/session';
import type { Permission } from '../api/types';

type Item = {
  to:
    | '/'
    | '/organisation/settings'
    | '/organisation/companies'
    | '/organisation/sites'
    | '/organisation/departments'
    | '/employees'
    | '/users'
    | '/audit'
    | '/profile';
  label: string;
  icon: typeof IconHome;
  permission?: Permission;
};

/** The navigation: only the screens the user's permissions open. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const groups: { label?: string; items: Item[] }[] = [
    { items: [{ to: '/', label: t('nav.home'), icon: IconHome }] },
    {
      label: t('nav.organisation'),
      items: [
        {
          to: '/organisation/settings',
          label: t('nav.settings'),
          icon: IconSettings,
          permission: 'org.read',
        },
        {
          to: '/organisation/companies',
          label: t('nav.companies'),
          icon: IconBuilding,
          permission: 'org.read',
        },
        {
          to: '/organisation/sites',
          label: t('nav.sites'),
          icon: IconBuildingFactory2,
          permission: 'org.read',
        },
        {
          to: '/organisation/departments',
          label: t('nav.departments'),
          icon: IconSitemap,
          permission: 'org.read',
        },
      ],
    },
    {
      label: t('nav.people'),
      items: [
        { to: '/employees', label: t('nav.employees'), icon: IconUsers, permission: 'people.read' },
        { to: '/users', label: t('nav.users'), icon: IconUserShield, permission: 'roles.read' },
      ],
    },
    {
      label: t('nav.governance'),
      items: [{ to: '/audit', label: t('nav.audit'), icon: IconHistory, permission: 'audit.read' }],
    },
    { items: [{ to: '/profile', label: t('nav.profile'), icon: IconUserCircle }] },
  ];
  return (
    <Stack gap="md">
      {groups.map((group, i) => {
        const items = group.items.filter((item) => !item.permission || can(item.permission));
        if (items.length === 0) return null;
        return (
          <Stack gap={2} key={group.label ?? i}>
            {group.label && (
              <Text size="xs" fw={700} c="dimmed" px="sm" pt={4}>
                {group.label}
              </Text>
            )}
            {items.map((item) => {
              const active = item.to === '/' ? path === '/' : path.startsWith(item.to);
              return (
                <NavLink
                  key={item.to}
                  label={item.label}
                  leftSection={<item.icon size={18} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  renderRoot={(props) => <Link to={item.to} {...props} />}
                />
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}
