import { Alert, Button, Container, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../api/session';
import type { Permission } from '../api/types';
import { LoadError } from './feedback';

/** A route that failed to load (for example the server was unreachable). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('failure.pageTitle')}</Title>
        <LoadError error={error} onRetry={reset} />
      </Stack>
    </Container>
  );
}

/** An address that matches no screen. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack align="flex-start">
        <Title order={1}>{t('notFound.title')}</Title>
        <p>{t('notFound.body')}</p>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Container>
  );
}

/** The page when the user lacks its permission (the navigation hides it; a typed URL lands here). */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('forbidden.title')}</Title>
      <Alert color="orange" icon={<IconLock aria-hidden />}>
        {t('forbidden.body')}
      </Alert>
    </Stack>
  );
}

/** Wraps a page so that it renders only for users who hold `permission`. */
export function guarded(permission: Permission, Page: () => React.ReactNode) {
  return function GuardedPage() {
    const can = useCan();
    return can(permission) ? <Page /> : <Forbidden />;
  };
}
