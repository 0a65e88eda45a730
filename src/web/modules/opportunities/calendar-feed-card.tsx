import { ActionIcon, CopyButton, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCalendarShare, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button';
import { LoadError, notifyError, notifySuccess, PageLoader } from '../../components/feedback';
import { useCalendarFeed, useRotateCalendarFeed } from './opportunities.api';

/**
 * The employee's private calendar feed (their confirmed shifts, for Google Calendar, Outlook or Apple
 * Calendar): the address with a copy button, and a way to replace it when it has leaked.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const headingId = useId();
  const feed = useCalendarFeed();
  const rotate = useRotateCalendarFeed();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconCalendarShare size={20} aria-hidden />
          <Title order={2} size="h5" id={headingId}>
            {t('opportunities:calendarFeed.title')}
          </Title>
        </Group>
        {feed.isPending ? (
          <PageLoader />
        ) : feed.isError ? (
          <LoadError error={feed.error} onRetry={() => feed.refetch()} />
        ) : feed.data === 'no_employee' ? (
          <Text size="sm" c="dimmed">
            {t('opportunities:calendarFeed.noEmployee')}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('opportunities:calendarFeed.description')}
            </Text>
            <TextInput
              label={t('opportunities:calendarFeed.url')}
              value={feed.data}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              rightSection={
                <CopyButton value={feed.data}>
                  {({ copied, copy }) => (
                    <Tooltip
                      label={
                        copied ? t('opportunities:calendarFeed.copied') : t('opportunities:calendarFeed.copy')
                      }
                    >
                      <ActionIcon
                        variant="subtle"
                        onClick={copy}
                        aria-label={t('opportunities:calendarFeed.copy')}
                      >
                        {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              }
            />
            <Group justify="flex-end">
              <ConfirmButton
                size="xs"
                leftSection={<IconRefresh size={14} aria-hidden />}
                label={t('opportunities:calendarFeed.rotate')}
                title={t('opportunities:calendarFeed.rotateTitle')}
                message={t('opportunities:calendarFeed.rotateMessage')}
                confirmLabel={t('opportunities:calendarFeed.rotate')}
                loading={rotate.isPending}
                onConfirm={() =>
                  rotate.mutateAsync().then(
                    () => notifySuccess(t('opportunities:calendarFeed.rotated')),
                    (error) => notifyError(error),
                  )
                }
              />
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
