import { Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { FormError, notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { CompanySelect, SiteSelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { type HourLog, useHourLogQueue, useReviewHourLog } from './participation.api';
import { ParticipationBadge } from './participation-badges';
import type { ApprovalsSearch } from './participation-search';

const STATUSES = ['pending', 'approved', 'rejected', 'all'] as const;

/** Hours logged outside the system, waiting for a promoter's or CSR manager's decision. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<ApprovalsSearch>();
  const { status = 'pending', companyId, siteId, page = 1, size = 50 } = search;
  const queue = useHourLogQueue({
    status: status === 'all' ? undefined : status,
    companyId,
    siteId,
    page,
    size,
  });
  const [rejecting, setRejecting] = useState<HourLog | null>(null);
  return (
    <>
      <PageHeader
        title={t('participation:approvals.title')}
        description={
          queue.data && status === 'pending'
            ? t('participation:approvals.waiting', { total: f.number(queue.data.total) })
            : t('participation:approvals.description')
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('participation:history.status')}
            value={status}
            onChange={(v) =>
              update({ status: v === 'pending' ? undefined : (v as ApprovalsSearch['status']) })
            }
            data={STATUSES.map((s) => ({
              value: s,
              label: s === 'all' ? t('common.all') : t(`participation:status.${s}`),
            }))}
          />
          <CompanySelect
            label={t('fields.company')}
            placeholder={t('common.all')}
            clearable
            value={companyId ?? null}
            onChange={(v) => update({ companyId: v ?? undefined, siteId: undefined })}
            w={220}
          />
          <SiteSelect
            label={t('fields.site')}
            placeholder={t('common.all')}
            clearable
            companyId={companyId}
            value={siteId ?? null}
            onChange={(v) => update({ siteId: v ?? undefined })}
            w={200}
          />
        </Group>
        <QueryState
          query={queue}
          isEmpty={(data) => data.items.length === 0}
          empty={<Empty title={t('participation:approvals.empty')} />}
        >
          {(data) => (
            <>
              <ScrollTable minWidth={1000} label={t('participation:approvals.title')}>
                <Table striped verticalSpacing="sm" style={{ opacity: queue.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('participation:history.date')}</Table.Th>
                      <Table.Th>{t('participation:approvals.employee')}</Table.Th>
                      <Table.Th>{t('participation:logHours.organisation')}</Table.Th>
                      <Table.Th>{t('participation:field')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {t('participation:history.hours')}
                      </Table.Th>
                      <Table.Th>{t('participation:logHours.description')}</Table.Th>
                      <Table.Th miw={170}>{t('participation:history.status')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((log) => (
                      <Row key={log.id} log={log} onReject={() => setRejecting(log)} />
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager
                page={page}
                size={size}
                total={data.total}
                onPage={(p) => update({ page: p })}
                onSize={(n) => update({ size: n })}
              />
            </>
          )}
        </QueryState>
      </Paper>
      {rejecting && <RejectModal log={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}

function Row({ log, onReject }: { log: HourLog; onReject: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const review = useReviewHourLog();
  const name = f.name(log.employee);
  const approve = () =>
    review.mutate(
      { id: log.id, action: 'approve' },
      {
        onSuccess: () => notifySuccess(t('participation:approvals.approved', { name })),
        onError: (error) => notifyError(error),
      },
    );
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(log.activityDate)}</Table.Td>
      <Table.Td>
        <div>{name}</div>
        <Text size="xs" c="dimmed" ff="monospace">
          {log.employee.employeeNumber} · {log.employee.companyCode}
          {log.employee.siteCode ? ` · ${log.employee.siteCode}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>{log.organisationName}</Table.Td>
      <Table.Td>{t(`field.${log.field}`)}</Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{f.number(log.hours)}</Table.Td>
      <Table.Td maw={320}>
        <Text size="sm" lineClamp={3} title={log.description}>
          {log.description}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <ParticipationBadge status={log.status} />
          {log.reviewNote && (
            <Text size="xs" c="dimmed">
              {log.reviewNote}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {log.canReview && (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              color="teal.9"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={review.isPending}
              onClick={approve}
              aria-label={t('participation:approvals.approveNamed', { name })}
            >
              {t('participation:approvals.approve')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={onReject}
              aria-label={t('participation:approvals.rejectNamed', { name })}
            >
              {t('participation:approvals.reject')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Rejects a log with a note the employee will read. */
function RejectModal({ log, onClose }: { log: HourLog; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const review = useReviewHourLog();
  const [note, setNote] = useState('');
  const name = f.name(log.employee);
  const submit = () =>
    review.mutate(
      { id: log.id, action: 'reject', note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(t('participation:approvals.rejected', { name }));
          onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('participation:approvals.rejectTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <FormError error={review.error} />
        <Text size="sm">
          {f.date(log.activityDate)} · {log.organisationName} · {f.number(log.hours)}
        </Text>
        <Textarea
          label={t('participation:approvals.note')}
          description={t('participation:approvals.noteHelp')}
          autosize
          minRows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={review.isPending} onClick={submit}>
            {t('participation:approvals.reject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
