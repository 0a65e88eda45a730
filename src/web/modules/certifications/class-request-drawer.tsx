import { Badge, Divider, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type ClassRequestDetail, useClassRequest } from './certifications.api';
import { AssignForm, CompleteForm, DeclineForm } from './class-request-forms';
import { programName, STATUS_COLOR } from './class-requests.format';

/** One class request: what was asked, who teaches, and the coordinator's next step. */
export function ClassRequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const request = useClassRequest(id);
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={request.data ? request.data.reference : t('certifications:requests.detail')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <QueryState query={request}>{(r) => <Detail request={r} />}</QueryState>
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Detail({ request: r }: { request: ClassRequestDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = r.status === 'requested' || r.status === 'assigned';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {r.requesterOrganisation}
        </Title>
        <Badge variant="light" color={STATUS_COLOR[r.status]} c="dark.7">
          {t(`certifications:status.${r.status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={2}>
        <Field label={t('certifications:requests.program')}>{programName(f.locale, r)}</Field>
        <Field label={t('certifications:requests.requesterKind')}>
          {t(`certifications:requesterKind.${r.requesterKind}`)}
        </Field>
        <Field label={t('certifications:requests.contact')}>
          {r.contactName} · {r.contactEmail}
          {r.contactPhone ? ` · ${r.contactPhone}` : ''}
        </Field>
        <Field label={t('certifications:requests.language')}>{t(`language.${r.locale}`)}</Field>
        <Field label={t('certifications:requests.preferredOn')}>
          {f.date(r.preferredOn)}
          {r.alternativeOn ? ` / ${f.date(r.alternativeOn)}` : ''}
        </Field>
        <Field label={t('certifications:requests.scheduledOn')}>
          {r.scheduledOn ? f.date(r.scheduledOn) : '—'}
        </Field>
        <Field label={t('certifications:requests.place')}>{r.place}</Field>
        <Field label={t('certifications:requests.audienceAndCount')}>
          {t(`certifications:audience.${r.audience}`)} · {f.number(r.expectedParticipants)}
        </Field>
        {r.coordinator && (
          <Field label={t('certifications:requests.coordinator')}>{r.coordinator.displayName}</Field>
        )}
      </SimpleGrid>
      {r.message && <Field label={t('certifications:requests.message')}>{r.message}</Field>}
      {r.declineReason && <Field label={t('certifications:requests.declineReason')}>{r.declineReason}</Field>}
      <Divider />
      <Title order={3} size="h5">
        {t('certifications:requests.instructors')}
      </Title>
      {r.instructors.length ? (
        <Stack gap={4} data-testid="assigned-instructors">
          {r.instructors.map((i) => (
            <Text size="sm" key={i.employeeId}>
              {f.name(i)}{' '}
              <Text span c="dimmed" size="xs">
                ({i.employeeNumber})
              </Text>
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('certifications:requests.noInstructors')}
        </Text>
      )}
      {open && (
        <>
          <Divider />
          <AssignForm request={r} />
          <Divider />
          <DeclineForm request={r} />
        </>
      )}
      {r.status === 'assigned' && (
        <>
          <Divider />
          <CompleteForm request={r} />
        </>
      )}
    </Stack>
  );
}
