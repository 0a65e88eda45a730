import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconBook2,
  IconBuilding,
  IconCoins,
  IconGift,
  IconCashBanknote,
  IconCoinYen,
  IconReceipt,
  IconReceiptRefund,
  IconChecklist,
  IconClipboardCheck,
  IconBuildingCommunity,
  IconFileCertificate,
  IconHeartDollar,
  IconSettingsHeart,
  IconBuildingBank,
  IconCurrencyYen,
  IconCalendarCheck,
  IconClockCheck,
  IconBuildingFactory2,
  IconChartBar,
  IconHistory,
  IconHeartHandshake,
  IconHome,
  IconPresentation,
  IconSchool,
  IconRecycle,
  IconClipboardList,
  IconPackages,
  IconMail,
  IconListCheck,
  IconSearch,
  IconSpeakerphone,
  IconSettings,
  IconSitemap,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  IconUserShield,
  IconListNumbers,
  IconReportMoney,
  IconCalendarStats,
  IconReport,
  IconTarget,
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
    | '/profile'
    | '/admin/mail'
    | '/opportunities'
    | '/opportunities/manage'
    | '/volunteering/profile'
    | '/volunteering/activities'
    | '/volunteering/approvals'
    | '/volunteers'
    | '/volunteering/skills'
    | '/volunteering/kpis'
    | '/giving/points'
    | '/finance/points'
    | '/giving/campaigns'
    | '/giving/donations'
    | '/finance/donations'
    | '/giving/claims'
    | '/giving/claims/approvals'
    | '/finance/reimbursements'
    | '/giving/campaigns/manage'
    | '/programs'
    | '/programs/class-requests'
    | '/partners'
    | '/partners/agreements'
    | '/partners/guidelines'
    | '/drives'
    | '/drives/report'
    | '/drives/items'
    | '/evaluation/criteria'
    | '/finance/ledger'
    | '/finance/payouts'
    | '/finance/fx-rates'
    | '/accounting/expenses'
    | '/accounting/years'
    | '/accounting/totals'
    | '/goals'
    | '/reports';
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
      label: t('nav.volunteering'),
      items: [
        {
          to: '/opportunities',
          label: t('opportunities:nav.find'),
          icon: IconSearch,
          permission: 'opportunities.read',
        },
        {
          to: '/opportunities/manage',
          label: t('opportunities:nav.manage'),
          icon: IconSpeakerphone,
          permission: 'opportunities.manage',
        },
        {
          to: '/volunteering/profile',
          label: t('volunteer:nav.profile'),
          icon: IconHeartHandshake,
          permission: 'volunteering.join',
        },
        {
          to: '/volunteering/activities',
          label: t('participation:nav.activities'),
          icon: IconCalendarCheck,
          permission: 'volunteering.join',
        },
        {
          to: '/volunteering/approvals',
          label: t('participation:nav.approvals'),
          icon: IconClockCheck,
          permission: 'hours.approve',
        },
        {
          to: '/volunteers',
          label: t('volunteer:nav.volunteers'),
          icon: IconUsersGroup,
          permission: 'volunteers.read',
        },
        {
          to: '/volunteering/skills',
          label: t('volunteer:nav.skills'),
          icon: IconListCheck,
          permission: 'volunteers.manage',
        },
        {
          to: '/volunteering/kpis',
          label: t('kpi:title'),
          icon: IconChartBar,
          permission: 'kpi.read',
        },
      ],
    },
    {
      label: t('nav.giving'),
      items: [
        {
          to: '/giving/points',
          label: t('points:nav.mine'),
          icon: IconCoins,
          permission: 'giving.join',
        },
        {
          to: '/giving/campaigns',
          label: t('campaigns:nav.campaigns'),
          icon: IconHeartDollar,
          permission: 'campaigns.read',
        },
        {
          to: '/giving/donations',
          label: t('donations:nav.mine'),
          icon: IconGift,
          permission: 'giving.join',
        },
        {
          to: '/giving/claims',
          label: t('claims:nav.mine'),
          icon: IconReceipt,
          permission: 'giving.join',
        },
        {
          to: '/giving/claims/approvals',
          label: t('claims:nav.approvals'),
          icon: IconChecklist,
          permission: 'claims.approve',
        },
        {
          to: '/giving/campaigns/manage',
          label: t('campaigns:nav.manage'),
          icon: IconSettingsHeart,
          permission: 'campaigns.manage',
        },
      ],
    },
    {
      label: t('nav.programs'),
      items: [
        {
          to: '/programs',
          label: t('programs:nav.programs'),
          icon: IconPresentation,
          permission: 'programs.read',
        },
        {
          to: '/programs/class-requests',
          label: t('certifications:nav.classRequests'),
          icon: IconSchool,
          permission: 'programs.manage',
        },
        {
          to: '/partners',
          label: t('campaigns:nav.partners'),
          icon: IconBuildingCommunity,
          permission: 'partners.read',
        },
        {
          to: '/partners/agreements',
          label: t('partners:nav.agreements'),
          icon: IconFileCertificate,
          permission: 'partners.read',
        },
        {
          to: '/partners/guidelines',
          label: t('screening:nav.guidelines'),
          icon: IconClipboardCheck,
          permission: 'partners.read',
        },
        { to: '/drives', label: t('drives:nav.drives'), icon: IconRecycle, permission: 'drives.read' },
        {
          to: '/drives/report',
          label: t('drives:nav.report'),
          icon: IconClipboardList,
          permission: 'drives.report',
        },
        {
          to: '/drives/items',
          label: t('drives:nav.items'),
          icon: IconPackages,
          permission: 'drives.manage',
        },
        {
          to: '/evaluation/criteria',
          label: t('evaluation:nav.criteria'),
          icon: IconListNumbers,
          permission: 'evaluations.manage',
        },
      ],
    },
    {
      label: t('nav.accounting'),
      items: [
        {
          to: '/accounting/expenses',
          label: t('expenses:nav.expenses'),
          icon: IconReportMoney,
          permission: 'expenses.read',
        },
        {
          to: '/accounting/years',
          label: t('expenses:nav.years'),
          icon: IconCalendarStats,
          permission: 'expenses.read',
        },
        {
          to: '/accounting/totals',
          label: t('expenses:nav.totals'),
          icon: IconChartBar,
          permission: 'expenses.read',
        },
        {
          to: '/goals',
          label: t('goals:nav.goals'),
          icon: IconTarget,
          permission: 'goals.read',
        },
        {
          to: '/reports',
          label: t('reports:nav.reports'),
          icon: IconReport,
          permission: 'reports.read',
        },
      ],
    },
    {
      label: t('nav.finance'),
      items: [
        { to: '/finance/ledger', label: t('finance:nav.ledger'), icon: IconBook2, permission: 'ledger.read' },
        {
          to: '/finance/payouts',
          label: t('finance:nav.payouts'),
          icon: IconBuildingBank,
          permission: 'ledger.read',
        },
        {
          to: '/finance/donations',
          label: t('donations:nav.finance'),
          icon: IconCashBanknote,
          permission: 'ledger.read',
        },
        {
          to: '/finance/reimbursements',
          label: t('claims:nav.reimbursements'),
          icon: IconReceiptRefund,
          permission: 'ledger.read',
        },
        {
          to: '/finance/points',
          label: t('points:nav.admin'),
          icon: IconCoinYen,
          permission: 'ledger.read',
        },
        {
          to: '/finance/fx-rates',
          label: t('finance:nav.fxRates'),
          icon: IconCurrencyYen,
          permission: 'ledger.read',
        },
      ],
    },
    {
      label: t('nav.governance'),
      items: [
        { to: '/audit', label: t('nav.audit'), icon: IconHistory, permission: 'audit.read' },
        { to: '/admin/mail', label: t('notifications:nav.outbox'), icon: IconMail, permission: 'mail.read' },
      ],
    },
    { items: [{ to: '/profile', label: t('nav.profile'), icon: IconUserCircle }] },
  ];
  const addresses = groups.flatMap((g) => g.items.map((item) => item.to));
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
              // The longest matching address wins: /opportunities/manage is not also "Find opportunities".
              const active =
                item.to === '/'
                  ? path === '/'
                  : path.startsWith(item.to) &&
                    !addresses.some((to) => to !== item.to && to.startsWith(item.to) && path.startsWith(to));
              return (
                <NavLink
                  key={item.to}
                  label={item.label}
                  leftSection={<item.icon size={18} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  renderRoot={(props) => <Link to={item.to} activeOptions={{ exact: true }} {...props} />}
                />
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}
