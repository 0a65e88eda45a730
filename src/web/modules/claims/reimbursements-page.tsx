import { Button, Group, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { type Reimbursement, reimbursementsCsvUrl, useReimbursements } from './claims.api';
import type { ReimbursementsSearch } from './claims-search';

/** Approved transport claims as booked in the ledger, with totals and the CSV for payroll or accounting. */
export function ReimbursementsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<ReimbursementsSearch>();
  const { from, to, companyId, page = 1, size = 50 } = search;
  const badRange = !!from && !!to && from > to;
  const list = useReimbursements({ from, to, companyId, page, size });
  return (
    <>
      <PageHeader
        title={t('claims:reimbursements.title')}
        description={t('claims:reimbursements.description')}
        actions={
          <Button
            component="a"
            href={reimbursementsCsvUrl({ from, to, companyId })}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
            disabled={badRange || list.data?.total === 0}
          >
            {t('claims:reimbursements.download')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('claims:reimbursements.from')}
            value={from ?? ''}
            max={to}
            onChange={(e) => update({ from: e.currentTarget.value || undefined })}
            error={badRange ? t('claims:reimbursements.rangeError') : undefined}
            w={180}
          />
          <TextInput
            type="date"
            label={t('claims:reimbursements.to')}
            value={to ?? ''}
            min={from}
            onChange={(e) => update({ to: e.currentTarget.value || undefined })}
            w={180}
          />
          <CompanySelect
            label={t('fields.company')}
            placeholder={t('common.all')}
            clearable
            value={companyId ?? null}
            onChange={(v) => update({ companyId: v ?? undefined })}
            w={240}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.total === 0}
          empty={<Empty title={t('claims:reimbursements.empty')} />}
        >
          {(data) => (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
                <Stat label={t('claims:reimbursements.claims')} value={f.number(data.totals.claims)} />
                <Stat label={t('claims:reimbursements.points')} value={f.number(data.totals.points)} />
                <Stat
                  label={t('claims:reimbursements.valueJpy')}
                  value={f.money(data.totals.valueJpy, 'JPY')}
                />
              </SimpleGrid>
              <ScrollTable minWidth={1100} label={t('claims:reimbursements.title')}>
                <Table striped verticalSpacing="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('claims:columns.bookedOn')}</Table.Th>
                      <Table.Th>{t('claims:columns.employee')}</Table.Th>
                      <Table.Th>{t('claims:columns.activity')}</Table.Th>
                      <Table.Th>{t('claims:columns.route')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {t('claims:columns.points')}
                      </Table.Th>
                      <Table.Th style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {t('claims:columns.valueJpy')}
                      </Table.Th>
                      <Table.Th>{t('claims:columns.approvedBy')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((r) => (
                      <Row key={r.postingId} r={r} />
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

function Row({ r }: { r: Reimbursement }) {
  const f = useFormat();
  const title = (f.locale === 'ja' ? (r.titleJa ?? r.titleEn) : (r.titleEn ?? r.titleJa)) ?? '';
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.bookedOn)}</Table.Td>
      <Table.Td>
        <div>{f.name(r)}</div>
        <Text size="xs" c="dimmed" ff="monospace">
          {r.employeeNumber} · {r.companyCode}
        </Text>
      </Table.Td>
      <Table.Td>
        <div>{title}</div>
        <Text size="xs" c="dimmed">
          {f.date(r.activityDate)}
        </Text>
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" lineClamp={2} title={r.route}>
          {r.route}
        </Text>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{f.number(r.points)}</Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{f.money(r.valueJpy, 'JPY')}</Table.Td>
      <Table.Td>
        <div>{r.approvedBy}</div>
        <Text size="xs" c="dimmed">
          {f.dateTime(r.approvedAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2}>
        {value}
      </Text>
    </Paper>
  );
}
