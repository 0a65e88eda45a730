import { Anchor, Badge, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconTrash, IconX } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button';
import { ScrollTable } from '../../components/data-table';
import { notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { ClaimTransportLink } from '../claims/claim-transport-link';
import { toZoned } from '../opportunities/zoned-time';
import { type HistoryItem, useDeleteHourLog, useSignupActions } from './participation.api';
import { ParticipationBadge, titleIn } from './participation-badges';

/** The employee's sign-ups and logged activities, newest first, with what each counts for. */
export function HistoryTable({ items }: { items: HistoryItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ScrollTable minWidth={820} label={t('participation:activities.historyTitle')}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('participation:history.date')}</Table.Th>
            <Table.Th>{t('participation:history.activity')}</Table.Th>
            <Table.Th>{t('participation:field')}</Table.Th>
            <Table.Th style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              {t('participation:history.hours')}
            </Table.Th>
            <Table.Th miw={170}>{t('participation:history.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.kind}-${item.id}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <div>{f.date(item.date)}</div>
                {item.startsAt && (
                  <Text size="xs" c="dimmed">
                    {item.timeZone
                      ? `${toZoned(item.startsAt, item.timeZone).time}–${item.endsAt ? toZoned(item.endsAt, item.timeZone).time : ''}`
                      : f.dateTime(item.startsAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Activity item={item} />
              </Table.Td>
              <Table.Td>{t(`field.${item.field}`)}</Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                {item.counts ? (
                  f.number(item.hours)
                ) : item.minutes && item.status === 'pending' ? (
                  <Text span size="sm" c="dimmed">
                    {t('participation:history.hoursPending', { hours: f.number(item.minutes / 60) })}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <ParticipationBadge status={item.status} position={item.waitlistPosition} />
                  {item.reviewNote && (
                    <Text size="xs" c="dimmed">
                      {item.reviewNote}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <RowAction item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Activity({ item }: { item: HistoryItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (item.kind === 'hour_log')
    return (
      <Group gap="xs" wrap="nowrap">
        <span>{item.organisationName}</span>
        <Badge size="xs" variant="outline" color="gray" style={{ textTransform: 'none' }}>
          {t('participation:history.logged')}
        </Badge>
      </Group>
    );
  return (
    <Stack gap={0}>
      <Anchor
        renderRoot={(props) => (
          <Link to="/opportunities/$id" params={{ id: item.opportunityId ?? '' }} {...props} />
        )}
      >
        {titleIn(f.locale, item)}
      </Anchor>
      {item.organisationName && (
        <Text size="xs" c="dimmed">
          {item.organisationName}
        </Text>
      )}
    </Stack>
  );
}

/** Cancel an upcoming sign-up, or delete a log still waiting for approval. */
function RowAction({ item }: { item: HistoryItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { cancel } = useSignupActions();
  const remove = useDeleteHourLog();
  const upcoming =
    item.kind === 'signup' &&
    (item.status === 'confirmed' || item.status === 'waitlisted') &&
    !!item.startsAt &&
    new Date(item.startsAt) > new Date();
  if (upcoming) {
    const name = titleIn(f.locale, item);
    return (
      <ConfirmButton
        icon={<IconX size={16} aria-hidden />}
        label={t('participation:cancel.labelNamed', { name })}
        title={t('participation:cancel.title')}
        message={t('participation:cancel.message', { name })}
        confirmLabel={t('participation:cancel.confirm')}
        loading={cancel.isPending}
        onConfirm={() =>
          cancel.mutateAsync(item.id).then(
            () => notifySuccess(t('participation:cancel.done')),
            (error) => notifyError(error),
          )
        }
      />
    );
  }
  if (item.kind === 'hour_log' && item.status === 'pending') {
    const name = item.organisationName ?? '';
    return (
      <ConfirmButton
        icon={<IconTrash size={16} aria-hidden />}
        label={t('common.deleteNamed', { name })}
        title={t('participation:logHours.deleteTitle')}
        message={t('participation:logHours.deleteMessage')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutateAsync(item.id).then(
            () => notifySuccess(t('common.deleted')),
            (error) => notifyError(error),
          )
        }
      />
    );
  }
  const attended = item.kind === 'signup' && item.status === 'attended';
  return <ClaimTransportLink signupId={attended ? item.id : null} name={titleIn(f.locale, item)} />;
}
