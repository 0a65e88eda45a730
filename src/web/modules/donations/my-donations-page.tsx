import { Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { DonationStatusBadge, useDonationAmount } from './donation-badges';
import { type Donation, recipientOf, useMyDonations } from './donations.api';
import type { MyDonationsSearch } from './donations-search';

/** The signed-in employee's donations: points and money, with their status, per fiscal year. */
export function MyDonationsPage() {
  const { t } = useTranslation();
  const [search, update] = useSearchState<MyDonationsSearch>();
  const { fiscalYear, page = 1, size = 50 } = search;
  const list = useMyDonations({ fiscalYear, page, size });
  const years = list.data?.years ?? [];
  return (
    <>
      <PageHeader
        title={t('donations:mine.title')}
        description={t('donations:mine.description')}
        actions={
          <Button
            renderRoot={(props) => <Link to="/giving/donations/receipt" search={{ fiscalYear }} {...props} />}
            variant="light"
            leftSection={<IconFileCertificate size={16} aria-hidden />}
          >
            {t('donations:mine.receipt')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end">
          <Select
            label={t('donations:fiscalYear')}
            placeholder={t('donations:mine.allYears')}
            data={years.map((y) => ({ value: String(y.fiscalYear), label: y.label }))}
            value={fiscalYear ? String(fiscalYear) : null}
            onChange={(v) => update({ fiscalYear: v ? Number(v) : undefined })}
            clearable
            w={220}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('donations:mine.empty')}
              description={fiscalYear ? t('common.emptyFiltered') : t('donations:mine.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={820} label={t('donations:mine.title')}>
                <Table striped verticalSpacing="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('donations:column.date')}</Table.Th>
                      <Table.Th>{t('donations:column.recipient')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('donations:column.amount')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('donations:column.value')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('donations:column.match')}</Table.Th>
                      <Table.Th miw={140}>{t('donations:column.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((d) => (
                      <Row key={d.id} d={d} />
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
    </>
  );
}

function Row({ d }: { d: Donation }) {
  const { t } = useTranslation();
  const f = useFormat();
  const amountOf = useDonationAmount();
  const { title, organisation } = recipientOf(f.locale, d);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(d.paidAt ?? d.pledgedAt)}</Table.Td>
      <Table.Td>
        {d.campaign ? (
          <Anchor
            renderRoot={(props) => (
              <Link to="/giving/campaigns/$id" params={{ id: d.campaign!.id }} {...props} />
            )}
          >
            {title}
          </Anchor>
        ) : (
          title
        )}
        {d.campaign && (
          <Text size="xs" c="dimmed">
            {organisation}
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
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{f.money(d.valueJpy, 'JPY')}</Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {d.matchJpy > 0 ? f.money(d.matchJpy, 'JPY') : '—'}
      </Table.Td>
      <Table.Td>
        <DonationStatusBadge status={d.status} />
      </Table.Td>
    </Table.Tr>
  );
}
