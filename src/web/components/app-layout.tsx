import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useIsFetching, useIsMutating, useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../api/session';
import { useFormat } from '../i18n';
import { LanguageSwitch, UserMenu } from './header-controls';
import { MainNav } from './main-nav';
import classes from './app-layout.module.css';
import { PageLoader } from './feedback';

/** The signed-in frame: header (product, organisation, language, user), navigation and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useQuery(meQuery).data;
  const [opened, { toggle, close }] = useDisclosure();
  // The page is busy while any of its data loads or a change is being saved: assistive technology
  // waits for it to settle, and so do the e2e tests.
  const busy = useIsFetching() + useIsMutating() > 0;
  if (!me) return <Navigate to="/sign-in" search={{}} />;
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className={classes.skip}>
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
            />
            <Anchor
              component={Link}
              to="/"
              fw={800}
              fz="lg"
              c="indigo.9"
              underline="never"
              style={{ whiteSpace: 'nowrap' }}
            >
              {t('app.name')}
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate>
              {f.name(me.organisation)}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main} aria-busy={busy}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
