import { Alert, Button, Center, Loader, Stack, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { i18n } from '../i18n';

/** Shown while a page's (or a section's) first data loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      {/* The spinner is a picture; the status region speaks the words (a label on it is not allowed). */}
      <Loader aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}

/** A query's failure with a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('common.loadFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <span>{errorMessage(error)}</span>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * A query's states in one place: the loader while it is pending, its error with a retry, `empty`
 * when `isEmpty(data)` holds, otherwise `children(data)`. With placeholder data (a list keeping its
 * previous page while the next one loads) the query is not pending, so the previous data stays.
 */
export function QueryState<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  if (isEmpty?.(query.data)) return empty;
  return children(query.data);
}

/** The server's message for a refused form (its field messages show under the inputs). */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

const close = () => ({ 'aria-label': i18n.t('common.close') });

/** A short confirmation that something was done. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal.9', message, closeButtonProps: close() });
}

/** The server's (or our) message for a failed action. */
export function notifyError(error: unknown): void {
  notifications.show({
    color: 'red.9',
    message: errorMessage(error),
    closeButtonProps: close(),
    autoClose: 8000,
  });
}
