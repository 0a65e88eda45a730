import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconBuilding, IconHistory, IconUsers, IconUserShield } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../api/session';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { DueReviewsCard } from '../evaluation/due-reviews-card';
import { ScreeningDueCard } from '../screening/due-card';

/** Welcome, the user's roles with the scope each is granted on, and shortcuts to their screens. */
export function HomePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const can = useCan();
  const shortcuts = [
    {
      to: '/organisation/companies',
      label: t('nav.companies'),
      text: t('home.companiesText'),
      icon: IconBuilding,
      ok: can('org.read'),
    },
    {
      to: '/employees',
      label: t('nav.employees'),
      text: t('home.employeesText'),
      icon: IconUsers,
      ok: can('people.read'),
    },
    {
      to: '/users',
      label: t('nav.users'),
      text: t('home.usersText'),
      icon: IconUserShield,
      ok: can('roles.read'),
    },
    {
      to: '/audit',
      label: t('nav.audit'),
      text: t('home.auditText'),
      icon: IconHistory,
      ok: can('audit.read'),
    },
  ] as const;
  return (
    <Stack gap="xl">
      <PageHeader
        title={t('home.title', { name: me.user.displayName || me.user.email })}
        description={t('home.intro', { organisation: f.name(me.organisation) })}
      />
      <section aria-labelledby="home-roles">
        <Title order={2} size="h4" id="home-roles" mb="sm">
          {t('home.rolesTitle')}
        </Title>
        {me.roles.length === 0 ? (
          <Text>{t('home.noRoles')}</Text>
        ) : (
          <Table withTableBorder bg="white" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('roles.role')}</Table.Th>
                <Table.Th>{t('roles.scope')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.roles.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>{t(`role.${g.role}`)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Badge variant="outline" color="gray.8">
                        {t(`scopeType.${g.scopeType}`)}
                      </Badge>
                      {g.scopeLabel}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      {can('partners.screen') && <ScreeningDueCard />}
      {can('programs.review') && <DueReviewsCard />}
      {shortcuts.some((s) => s.ok) && (
        <section aria-labelledby="home-shortcuts">
          <Title order={2} size="h4" id="home-shortcuts" mb="sm">
            {t('home.shortcutsTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {shortcuts
              .filter((s) => s.ok)
              .map((s) => (
                <Card key={s.to} withBorder component={Link} to={s.to} padding="lg">
                  <s.icon size={28} aria-hidden color="var(--mantine-color-indigo-8)" />
                  <Text fw={700} mt="sm">
                    {s.label}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {s.text}
                  </Text>
                </Card>
              ))}
          </SimpleGrid>
        </section>
      )}
    </Stack>
  );
}
