import { Alert, Button, Container, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconMapPinCheck } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client';
import { useFormat } from '../../i18n';
import { type CheckinResult, useCheckIn } from './participation.api';
import { titleIn } from './participation-badges';

/**
 * Where a shift's QR code leads: on the employee's phone, one large button checks them in to the
 * shift they signed up for, and the page says what happened.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const { code } = useParams({ strict: false }) as { code: string };
  const checkIn = useCheckIn();
  return (
    <Container size={480} px={0}>
      <Paper withBorder p="xl" radius="md">
        <Stack gap="lg" align="stretch">
          <Stack gap="xs" align="center">
            <ThemeIcon size={64} radius="xl" variant="light" color="teal">
              <IconMapPinCheck size={36} aria-hidden />
            </ThemeIcon>
            <Title order={1} size="h2" ta="center">
              {t('participation:checkIn.title')}
            </Title>
            <Text ta="center" c="dimmed">
              {t('participation:checkIn.intro')}
            </Text>
          </Stack>
          {checkIn.data ? (
            <Done result={checkIn.data} />
          ) : (
            <>
              {checkIn.error !== null && <Failure error={checkIn.error} />}
              <Button size="xl" fullWidth loading={checkIn.isPending} onClick={() => checkIn.mutate(code)}>
                {t('participation:checkIn.button')}
              </Button>
            </>
          )}
          <Button component={Link} to="/volunteering/activities" variant="subtle">
            {t('participation:checkIn.myActivities')}
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}

function Done({ result }: { result: CheckinResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Alert
      color="teal"
      variant="light"
      styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
      icon={<IconCircleCheck aria-hidden />}
      title={result.alreadyCheckedIn ? t('participation:checkIn.already') : t('participation:checkIn.done')}
      role="status"
    >
      <Stack gap={4}>
        <Text fw={700}>{titleIn(f.locale, result)}</Text>
        <Text size="sm">
          {f.dateTime(result.startsAt)} – {f.dateTime(result.endsAt)}
        </Text>
        <Text size="sm">
          {t('participation:checkIn.at', {
            time: f.dateTime(result.checkedInAt),
            hours: f.number(Math.round((result.minutes / 60) * 100) / 100),
          })}
        </Text>
      </Stack>
    </Alert>
  );
}

function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notSignedUp = error instanceof ApiError && error.code === 'not_found';
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
      {notSignedUp ? t('participation:checkIn.notSignedUp') : errorMessage(error)}
    </Alert>
  );
}
