import {
  Alert,
  Button,
  Drawer,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCash, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useCan } from '../../api/session';
import { ConfirmButton } from '../../components/confirm-button';
import { ScrollTable } from '../../components/data-table';
import { FormError, LoadError, PageLoader, notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type PayoutDetail, type PayoutLine, usePayout, usePayoutActions } from './finance.api';
import { campaignTitle, partnerName, todayIso } from './finance-format';
import { PartnerFlags } from './payables-section';
import { PayoutStatusBadge } from './payout-status-badge';

/** One payout: its lines with bank details, the bank file, and (drafts) mark paid or cancel. */
export function PayoutDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const payout = usePayout(id);
  const p = payout.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={p ? t('finance:payouts.detailTitle', { reference: p.reference }) : t('finance:payouts.detail')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {!p ? (
        payout.isError ? (
          <LoadError error={payout.error} onRetry={() => payout.refetch()} />
        ) : (
          <PageLoader />
        )
      ) : (
        <PayoutBody payout={p} />
      )}
    </Drawer>
  );
}

function PayoutBody({ payout: p }: { payout: PayoutDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('ledger.manage');
  const { cancel } = usePayoutActions();
  const [paying, setPaying] = useState(false);
  const draft = p.status === 'draft';
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <PayoutStatusBadge status={p.status} />
        <Group gap="xs">
          <Button
            component="a"
            href={`/api/payouts/${p.id}.csv`}
            download={`${p.reference}.csv`}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('finance:payouts.csv')}
          </Button>
          {canManage && draft && (
            <>
              <Button leftSection={<IconCash size={16} aria-hidden />} onClick={() => setPaying(true)}>
                {t('finance:payouts.markPaid')}
              </Button>
              <ConfirmButton
                label={t('finance:payouts.cancel')}
                title={t('finance:payouts.cancelTitle', { reference: p.reference })}
                message={t('finance:payouts.cancelMessage')}
                confirmLabel={t('finance:payouts.cancel')}
                loading={cancel.isPending}
                onConfirm={() =>
                  cancel
                    .mutateAsync(p.id)
                    .then(
                      () => notifySuccess(t('finance:payouts.cancelled', { reference: p.reference })),
                      notifyError,
                    )
                }
              />
            </>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label={t('finance:payouts.total')}>{f.money(p.totalMinor, p.currency)}</Fact>
        <Fact label={t('finance:payouts.organisations')}>{f.number(p.partnerCount)}</Fact>
        <Fact label={t('finance:payouts.createdAt')}>
          {f.dateTime(p.createdAt)}
          {p.createdBy ? ` · ${p.createdBy}` : ''}
        </Fact>
        {p.paidOn && (
          <Fact label={t('finance:payouts.paidOn')}>
            {f.date(p.paidOn)}
            {p.paidBy ? ` · ${p.paidBy}` : ''}
          </Fact>
        )}
      </SimpleGrid>
      {draft && p.missingBank > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('finance:payouts.noBankWarning', { count: p.missingBank })}
        </Alert>
      )}
      <Title order={2} size="h4">
        {t('finance:payouts.lines')}
      </Title>
      <ScrollTable minWidth={720} label={t('finance:payouts.lines')}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finance:payables.organisation')}</Table.Th>
              <Table.Th>{t('finance:payouts.bank')}</Table.Th>
              <Table.Th>{t('finance:payables.campaign')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('finance:payables.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.lines.map((line) => (
              <LineRow key={line.id} line={line} currency={p.currency} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {paying && <PaidModal payout={p} onClose={() => setPaying(false)} />}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function LineRow({ line, currency }: { line: PayoutLine; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const b = line.partner;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{partnerName(b, f)}</Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed" ff="monospace">
            {b.code}
          </Text>
          <PartnerFlags partner={b} />
        </Group>
      </Table.Td>
      <Table.Td>
        {b.bankReady ? (
          <Text size="xs">
            {b.bankName} {b.bankBranch} ·{' '}
            {t(`finance:accountType.${b.bankAccountType}`, { defaultValue: b.bankAccountType ?? '' })}{' '}
            {b.bankAccountNumber} · {b.bankAccountHolder}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{line.campaign ? campaignTitle(line.campaign, f) : t('finance:payables.direct')}</Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {f.money(line.amountMinor, currency)}
      </Table.Td>
    </Table.Tr>
  );
}

/** Asks for the day the bank paid, then marks the payout paid (which posts it). */
function PaidModal({ payout, onClose }: { payout: PayoutDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { paid } = usePayoutActions();
  const [paidOn, setPaidOn] = useState(todayIso());
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    paid.mutate(
      { id: payout.id, paidOn },
      {
        onSuccess: () => {
          notifySuccess(t('finance:payouts.paid', { reference: payout.reference }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('finance:payouts.paidTitle', { reference: payout.reference })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={paid.error} />
          <Text size="sm">
            {t('finance:payouts.paidConfirm', {
              amount: f.money(payout.totalMinor, payout.currency),
              count: payout.partnerCount,
            })}
          </Text>
          <TextInput
            type="date"
            label={t('finance:payouts.paidOn')}
            required
            max={todayIso()}
            value={paidOn}
            error={fieldErrors(paid.error).paidOn}
            onChange={(e) => setPaidOn(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={paid.isPending} disabled={!paidOn}>
              {t('finance:payouts.markPaid')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
