import { Alert, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHeartHandshake, IconInfoCircle, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { RegistrationStatusBadge } from './registration-details';
import { RegistrationForm } from './registration-form';
import { type Registration, useLeaveService, useMyRegistration } from './registrations.api';

/** The employee's own page of the volunteer service: join, keep the profile up to date, or leave. */
export function RegistrationPage() {
  const { t } = useTranslation();
  const mine = useMyRegistration();
  return (
    <>
      <PageHeader title={t('volunteer:profile.title')} description={t('volunteer:profile.description')} />
      <Stack gap="lg" maw={960}>
        <QueryState query={mine}>
          {(r) =>
            r === 'no_employee' ? (
              <Alert
                color="orange"
                icon={<IconUserOff aria-hidden />}
                title={t('volunteer:profile.noEmployeeTitle')}
              >
                {t('volunteer:profile.noEmployee')}
              </Alert>
            ) : r === null ? (
              <JoinInvitation />
            ) : (
              <MyProfile registration={r} />
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}

/** Shown before joining: what the service is, then the profile form once the employee starts. */
function JoinInvitation() {
  const { t } = useTranslation();
  const [started, setStarted] = useState(false);
  return (
    <Paper withBorder p="xl" component="section" aria-labelledby="volunteer-join">
      <Group align="flex-start" wrap="nowrap" gap="lg" mb={started ? 'lg' : 0}>
        <ThemeIcon size={56} radius="xl" variant="light" color="teal" visibleFrom="sm">
          <IconHeartHandshake size={32} aria-hidden />
        </ThemeIcon>
        <Stack gap="sm">
          <Title order={2} size="h3" id="volunteer-join">
            {t('volunteer:profile.joinTitle')}
          </Title>
          <Text>{t('volunteer:profile.joinBody')}</Text>
          <List spacing={4} size="sm">
            <List.Item>{t('volunteer:profile.benefitRecommend')}</List.Item>
            <List.Item>{t('volunteer:profile.benefitNews')}</List.Item>
            <List.Item>{t('volunteer:profile.benefitLeave')}</List.Item>
          </List>
          {!started && (
            <Group>
              <Button size="md" onClick={() => setStarted(true)}>
                {t('volunteer:profile.start')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
      {started && (
        <RegistrationForm
          registration={null}
          submitLabel={t('volunteer:profile.join')}
          onCancel={() => setStarted(false)}
        />
      )}
    </Paper>
  );
}

/** A registered (or former) volunteer's profile, with the way out or back in. */
function MyProfile({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation();
  const f = useFormat();
  const leave = useLeaveService();
  const active = r.status === 'active';
  return (
    <>
      {active ? (
        <Group gap="sm">
          <RegistrationStatusBadge status={r.status} />
          <Text size="sm">{t('volunteer:profile.since', { date: f.date(r.joinedOn) })}</Text>
        </Group>
      ) : (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title={t('volunteer:profile.leftTitle')}>
          {t('volunteer:profile.leftBody', { date: f.date(r.leftOn) })}
        </Alert>
      )}
      <Paper withBorder p="lg" component="section" aria-labelledby="volunteer-profile">
        <Title order={2} size="h4" id="volunteer-profile" mb="md">
          {t('volunteer:profile.formTitle')}
        </Title>
        <RegistrationForm
          key={`${r.id}-${r.status}`}
          registration={r}
          submitLabel={active ? t('common.save') : t('volunteer:profile.rejoin')}
        />
      </Paper>
      {active && (
        <Paper withBorder p="lg" component="section" aria-labelledby="volunteer-leave">
          <Title order={2} size="h4" id="volunteer-leave" mb="xs">
            {t('volunteer:profile.leaveTitle')}
          </Title>
          <Text size="sm" mb="md">
            {t('volunteer:profile.leaveBody')}
          </Text>
          <ConfirmButton
            label={t('volunteer:profile.leave')}
            title={t('volunteer:profile.leaveTitle')}
            message={t('volunteer:profile.leaveConfirm')}
            confirmLabel={t('volunteer:profile.leave')}
            loading={leave.isPending}
            onConfirm={() =>
              leave.mutateAsync().then(
                () => notifySuccess(t('volunteer:profile.leftNotice')),
                (error) => notifyError(error),
              )
            }
          />
        </Paper>
      )}
    </>
  );
}
