import { Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconCheck, IconReceipt, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { FormError, notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { CompanySelect, SiteSelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { titleIn } from '../participation/participation-badges';
import { ClaimBadge } from './claim-badge';
import { type Claim, useClaimQueue, useDecideClaim } from './claims.api';
import type { ClaimApprovalsSearch } from './claims-search';
import { ReceiptViewer } from './receipt-viewer';

const STATUSES = ['pending', 'approved', 'rejected', 'all'] as const;

/** Transport claims of the employees in the approver's scope, with their receipts, to approve or reject. */
export function ClaimApprovalsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<ClaimApprovalsSearch>();
  const { status = 'pending', companyId, siteId, page = 1, size = 50 } = search;
  const queue = useClaimQueue({
    status: status === 'all' ? undefined : status,
    companyId,
    siteId,
    page,
    size,
  });
  const [viewing, setViewing] = useState<Claim | null>(null);
  const [rejecting, setRejecting] = useState<Claim | null>(null);
  return (
    <>
      <PageHeader
        title={t('claims:approvals.title')}
        description={
          queue.data && status === 'pending'
            ? t('claims:approvals.waiting', { total: f.number(queue.data.total) })
            : t('claims:approvals.description')
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('claims:columns.status')}
            value={status}
            onChange={(v) =>
              update({ status: v === 'pending' ? undefined : (v as ClaimApprovalsSearch['status']) })
            }
            data={STATUSES.map((s) => ({
              value: s,
              label: s === 'all' ? t('common.all') : t(`claims:status.${s}`),
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
          empty={<Empty title={t('claims:approvals.empty')} />}
        >
          {(data) => (
            <>
              <ScrollTable minWidth={1150} label={t('claims:approvals.title')}>
                <Table striped verticalSpacing="sm" style={{ opacity: queue.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('claims:columns.submitted')}</Table.Th>
                      <Table.Th>{t('claims:columns.employee')}</Table.Th>
                      <Table.Th>{t('claims:columns.activity')}</Table.Th>
                      <Table.Th>{t('claims:columns.route')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {t('claims:columns.points')}
                      </Table.Th>
                      <Table.Th miw={200}>{t('claims:columns.status')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((c) => (
                      <Row
                        key={c.id}
                        claim={c}
                        onView={() => setViewing(c)}
                        onReject={() => setRejecting(c)}
                      />
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
      {viewing && (
        <ReceiptViewer
          claim={viewing}
          onClose={() => setViewing(null)}
          onReject={() => {
            setRejecting(viewing);
            setViewing(null);
          }}
        />
      )}
      {rejecting && <RejectModal claim={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}

function Row({ claim, onView, onReject }: { claim: Claim; onView: () => void; onReject: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const decide = useDecideClaim();
  const name = f.name(claim.employee);
  const approve = () =>
    decide.mutate(
      { id: claim.id, action: 'approve' },
      {
        onSuccess: () => notifySuccess(t('claims:approvals.approved', { name })),
        onError: (error) => notifyError(error),
      },
    );
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(claim.createdAt)}</Table.Td>
      <Table.Td>
        <div>{name}</div>
        <Text size="xs" c="dimmed" ff="monospace">
          {claim.employee.employeeNumber} · {claim.employee.companyCode}
          {claim.employee.siteCode ? ` · ${claim.employee.siteCode}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <div>{titleIn(f.locale, claim.activity)}</div>
        <Text size="xs" c="dimmed">
          {f.date(claim.activity.date)}
        </Text>
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" lineClamp={2} title={claim.route}>
          {claim.route}
        </Text>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <div>{f.number(claim.points)}</div>
        {claim.valueJpy !== null && (
          <Text size="xs" c="dimmed">
            {f.money(claim.valueJpy, 'JPY')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <ClaimBadge status={claim.status} />
          {claim.decisionNote && (
            <Text size="xs" c="dimmed">
              {claim.decisionNote}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconReceipt size={14} aria-hidden />}
            onClick={onView}
            aria-label={t('claims:approvals.viewNamed', { name })}
          >
            {t('claims:approvals.view')}
          </Button>
          {claim.canDecide && (
            <>
              <Button
                size="xs"
                color="teal.9"
                leftSection={<IconCheck size={14} aria-hidden />}
                loading={decide.isPending}
                onClick={approve}
                aria-label={t('claims:approvals.approveNamed', { name })}
              >
                {t('claims:approvals.approve')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconX size={14} aria-hidden />}
                onClick={onReject}
                aria-label={t('claims:approvals.rejectNamed', { name })}
              >
                {t('claims:approvals.reject')}
              </Button>
            </>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Rejects a claim with the reason the employee will read (required). */
function RejectModal({ claim, onClose }: { claim: Claim; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const decide = useDecideClaim();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const name = f.name(claim.employee);
  const submit = () => {
    if (!note.trim()) return setMissing(true);
    decide.mutate(
      { id: claim.id, action: 'reject', note: note.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('claims:approvals.rejected', { name }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('claims:approvals.rejectTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <FormError error={decide.error} />
        <Text size="sm">
          {titleIn(f.locale, claim.activity)} · {f.date(claim.activity.date)} ·{' '}
          {t('claims:points', { points: f.number(claim.points) })}
        </Text>
        <Textarea
          label={t('claims:approvals.note')}
          description={t('claims:approvals.noteHelp')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={note}
          error={missing && !note.trim() ? t('claims:approvals.noteRequired') : undefined}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={decide.isPending} onClick={submit}>
            {t('claims:approvals.reject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
