import { Anchor, Badge, Paper, Table, Text } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Empty, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { labelOf, type ReportYear, useReportYears } from './reports.api';

/** The status of a year's report: draft or published. */
export function ReportStatusBadge({ status }: { status: ReportYear['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'published' ? 'teal' : 'gray'} c="dark.7">
      {t(`reports:status.${status}`)}
    </Badge>
  );
}

/** Whether the fiscal year is closed (its figures frozen) or still open. */
export function ClosedBadge({ closed }: { closed: boolean }) {
  const { t } = useTranslation();
  const Icon = closed ? IconLock : IconLockOpen;
  return (
    <Badge
      variant="outline"
      color={closed ? 'indigo' : 'gray'}
      c="dark.7"
      leftSection={<Icon size={12} aria-hidden />}
    >
      {closed ? t('reports:year.closed') : t('reports:year.open')}
    </Badge>
  );
}

/** Every fiscal year with a report or expenses: its status, whether it is closed, what lacks a translation. */
export function ReportsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const years = useReportYears();
  return (
    <>
      <PageHeader title={t('reports:list.title')} description={t('reports:list.description')} />
      <Paper withBorder p="md">
        <QueryState
          query={years}
          isEmpty={(items) => items.length === 0}
          empty={<Empty title={t('reports:list.empty')} description={t('reports:list.emptyHelp')} />}
        >
          {(items) => (
            <ScrollTable minWidth={900} label={t('reports:list.title')}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports:list.year')}</Table.Th>
                    <Table.Th>{t('reports:list.status')}</Table.Th>
                    <Table.Th>{t('reports:list.closed')}</Table.Th>
                    <Table.Th ta="right">{t('reports:list.expenses')}</Table.Th>
                    <Table.Th ta="right">{t('reports:list.total')}</Table.Th>
                    <Table.Th ta="right">{t('reports:list.blocks')}</Table.Th>
                    <Table.Th ta="right">{t('reports:list.missing')}</Table.Th>
                    <Table.Th>{t('reports:list.publishedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...items]
                    .sort((a, b) => b.fiscalYear - a.fiscalYear)
                    .map((y) => (
                      <Table.Tr key={y.fiscalYear}>
                        <Table.Td>
                          <Anchor
                            size="sm"
                            fw={600}
                            renderRoot={(props) => (
                              <Link to="/reports/$fy" params={{ fy: String(y.fiscalYear) }} {...props} />
                            )}
                          >
                            {labelOf(f.locale, y)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <ReportStatusBadge status={y.status} />
                        </Table.Td>
                        <Table.Td>
                          <ClosedBadge closed={y.closed} />
                        </Table.Td>
                        <Table.Td ta="right">{f.number(y.expenses)}</Table.Td>
                        <Table.Td ta="right">
                          {y.totalJpy === null ? '—' : f.money(y.totalJpy, 'JPY')}
                        </Table.Td>
                        <Table.Td ta="right">{f.number(y.blocks)}</Table.Td>
                        <Table.Td ta="right">
                          {y.missingTranslations > 0 ? (
                            <Badge color="orange" variant="light" c="dark.7">
                              {f.number(y.missingTranslations)}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {f.number(0)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{y.publishedAt ? f.dateTime(y.publishedAt) : '—'}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
