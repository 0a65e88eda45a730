import { Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { PAYOUT_STATUSES, type PayoutSummary, usePayouts } from './finance.api';
import type { PayoutsSearch } from './finance-search';
import { PayablesSection } from './payables-section';
import { PayoutCreateModal } from './payout-create-modal';
import { PayoutDrawer } from './payout-drawer';
import { PayoutStatusBadge } from './payout-status-badge';

/** Payouts: what organisations are owed, drafting a payout, its bank file, marking it paid. */
export function PayoutsPage() {
  const { t } = useTranslation();
  const canManage = useCan()('ledger.manage');
  const [search, update] = useSearchState<PayoutsSearch>();
  const { status, payout, page = 1, size = 50 } = search;
  const [creating, setCreating] = useState(false);
  const list = usePayouts({ status, page, size });
  const open = (id: string) => update({ payout: id, page });
  return (
    <>
      <PageHeader
        title={t('finance:payouts.title')}
        description={t('finance:payouts.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('finance:payouts.create')}
            </Button>
          )
        }
      />
      <PayablesSection onOpenPayout={open} />
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
          <Title order={2} size="h4">
            {t('finance:payouts.list')}
          </Title>
          <Select
            label={t('finance:payouts.statusLabel')}
            placeholder={t('common.all')}
            clearable
            data={PAYOUT_STATUSES.map((s) => ({ value: s, label: t(`finance:payouts.status.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v ?? undefined) as PayoutsSearch['status'] })}
            w={180}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={<Empty title={t('finance:payouts.empty')} description={t('finance:payouts.emptyHelp')} />}
        >
          {(data) => (
            <>
              <ScrollTable minWidth={820} label={t('finance:payouts.list')}>
                <Table striped verticalSpacing="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('finance:payouts.reference')}</Table.Th>
                      <Table.Th>{t('finance:payouts.statusLabel')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('finance:payouts.total')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('finance:payouts.organisations')}</Table.Th>
                      <Table.Th>{t('finance:payouts.createdAt')}</Table.Th>
                      <Table.Th>{t('finance:payouts.paidOn')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((p) => (
                      <PayoutRow key={p.id} payout={p} onOpen={() => open(p.id)} />
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
      {creating && (
        <PayoutCreateModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            open(id);
          }}
        />
      )}
      {payout && <PayoutDrawer id={payout} onClose={() => update({ payout: undefined, page })} />}
    </>
  );
}

function PayoutRow({ payout: p, onOpen }: { payout: PayoutSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.Tr>
      <Table.Td ff="monospace">{p.reference}</Table.Td>
      <Table.Td>
        <PayoutStatusBadge status={p.status} />
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {f.money(p.totalMinor, p.currency)}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{f.number(p.partnerCount)}</Table.Td>
      <Table.Td>
        <Text size="sm">{f.dateTime(p.createdAt)}</Text>
        {p.createdBy && (
          <Text size="xs" c="dimmed">
            {p.createdBy}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{p.paidOn ? f.date(p.paidOn) : '—'}</Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="subtle"
          onClick={onOpen}
          aria-label={t('finance:payouts.openNamed', { reference: p.reference })}
        >
          {t('common.view')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
