import { Button, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { DonationStatusBadge, useDonationAmount } from './donation-badges';
import {
  type ConfirmedStatus,
  DONATION_STATUSES,
  type DonationAdmin,
  type DonationStatus,
  recipientOf,
  useDonations,
} from './donations.api';
import type { FinanceDonationsSearch } from './donations-search';
import { DonationStatusModal } from './donation-status-modal';

/** What finance may do from each status (the server holds the same rule). */
const NEXT: Record<DonationStatus, ConfirmedStatus[]> = {
  pledged: ['paid', 'failed'],
  failed: ['paid'],
  paid: ['refunded'],
  refunded: [],
};

/** Employee donations as finance sees them: pledges to confirm, payments, failures and refunds. */
export function FinanceDonationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [search, update] = useSearchState<FinanceDonationsSearch>();
  const { status, q, page = 1, size = 50 } = search;
  const list = useDonations({ status, q, page, size });
  const [acting, setActing] = useState<{ d: DonationAdmin; to: ConfirmedStatus } | null>(null);
  const manage = can('ledger.manage');
  return (
    <>
      <PageHeader
        title={t('donations:finance.title')}
        description={
          status === 'pledged' && list.data
            ? t('donations:finance.waiting', { count: list.data.total, total: f.number(list.data.total) })
            : t('donations:finance.description')
        }
        actions={
          <Button
            component="a"
            href={withQuery('/api/donations.csv', { status, q, lang: f.locale })}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('donations:finance.csv')}
          </Button>
        }
      />
      <Text size="sm" c="dimmed" mb="md">
        {t('donations:finance.csvHelp')}
      </Text>
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('donations:column.status')}
            value={status ?? 'all'}
            onChange={(v) => update({ status: v === 'all' ? undefined : (v as DonationStatus) })}
            data={[
              { value: 'all', label: t('common.all') },
              ...DONATION_STATUSES.map((s) => ({ value: s, label: t(`donations:status.${s}`) })),
            ]}
          />
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('donations:finance.searchHelp')}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('donations:finance.empty')}
              description={status || q ? t('common.emptyFiltered') : undefined}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={1100} label={t('donations:finance.title')}>
                <Table striped verticalSpacing="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('donations:column.date')}</Table.Th>
                      <Table.Th>{t('donations:column.donor')}</Table.Th>
                      <Table.Th>{t('donations:column.recipient')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('donations:column.amount')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('donations:column.value')}</Table.Th>
                      <Table.Th miw={140}>{t('donations:column.status')}</Table.Th>
                      <Table.Th>{t('donations:column.externalRef')}</Table.Th>
                      {manage && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((d) => (
                      <Row key={d.id} d={d} manage={manage} onAct={(to) => setActing({ d, to })} />
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
      {acting && <DonationStatusModal d={acting.d} to={acting.to} onClose={() => setActing(null)} />}
    </>
  );
}

function Row({
  d,
  manage,
  onAct,
}: {
  d: DonationAdmin;
  manage: boolean;
  onAct: (to: ConfirmedStatus) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const amountOf = useDonationAmount();
  const donor = f.name(d.employee);
  const to = recipientOf(f.locale, d);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(d.pledgedAt)}</Table.Td>
      <Table.Td>
        <div>{donor}</div>
        <Text size="xs" c="dimmed" ff="monospace">
          {d.employee.employeeNumber}
        </Text>
      </Table.Td>
      <Table.Td>
        <div>{to.title}</div>
        {d.campaign && (
          <Text size="xs" c="dimmed">
            {to.organisation}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <div>{amountOf(d)}</div>
        {d.kind === 'money' && (
          <Text size="xs" c="dimmed">
            {t(`donations:method.${d.method}`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <div>{f.money(d.valueJpy, 'JPY')}</div>
        {d.matchJpy > 0 && (
          <Text size="xs" c="dimmed">
            {t('donations:finance.plusMatch', { yen: f.money(d.matchJpy, 'JPY') })}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <DonationStatusBadge status={d.status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {d.externalRef ?? '—'}
        </Text>
      </Table.Td>
      {manage && (
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            {NEXT[d.status].map((next) => (
              <Button
                key={next}
                size="xs"
                variant={next === 'paid' ? 'filled' : 'light'}
                color={next === 'paid' ? 'teal.9' : 'red'}
                onClick={() => onAct(next)}
                aria-label={t(`donations:finance.actionNamed.${next}`, { name: donor })}
              >
                {t(`donations:finance.action.${next}`)}
              </Button>
            ))}
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
