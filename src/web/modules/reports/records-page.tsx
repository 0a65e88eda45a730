import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { LoadError, QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { type Formatters, i18n, useFormat } from '../../i18n';
import { useReportNumber } from './report-editor-page';
import { type Drilldown, labelOf, recordsCsvPath, useDrilldown } from './reports.api';
import type { RecordsSearch } from './reports-search';
import { useReportYearLabel } from './report-year';

/** Yen figures (expenses, donations, drives) read as amounts, every other figure as a count. */
const isYen = (figure: string) => /^(expenses|disaster|drives)\./.test(figure) || /Jpy$/.test(figure);

/** Columns whose codes the expense screens already name (`expenses:type.cash_donation`, ...). */
const CODE_LABELS: Record<string, string> = {
  type: 'expenses:type',
  valuationBasis: 'expenses:basis',
  source: 'expenses:source',
  channel: 'expenses:channel',
};

function cell(f: Formatters, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return /Jpy$/.test(key) ? f.money(value, 'JPY') : f.number(value);
  if (typeof value === 'boolean') return value ? '✓' : '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return f.date(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return f.dateTime(value);
  const labels = CODE_LABELS[key];
  if (labels && typeof value === 'string' && i18n.exists(`${labels}.${value}`))
    return i18n.t(`${labels}.${value}`);
  return String(value);
}

/**
 * The records behind one figure of a report (`?figure=expenses.field.education`): what it adds up, as
 * a paged table and as CSV. For a closed year the published value (the close's snapshot) shows beside
 * the current one, so a later difference is visible.
 */
export function RecordsPage() {
  const { t } = useTranslation();
  const fy = useReportNumber();
  const [search, update] = useSearchState<RecordsSearch>();
  const { figure = '', page = 1, size = 50 } = search;
  const records = useDrilldown(fy, { figure, page, size });
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link to="/reports/$fy" params={{ fy: String(fy) }} {...props} />}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('reports:records.back')}
        </Group>
      </Anchor>
      {!figure ? (
        <>
          <PageHeader title={t('reports:records.title')} />
          <Empty title={t('reports:records.noFigure')} />
        </>
      ) : records.isError && !records.data ? (
        <>
          <PageHeader title={t('reports:records.title')} />
          <LoadError error={records.error} onRetry={() => records.refetch()} />
        </>
      ) : (
        <QueryState query={records}>
          {(d) => <RecordsBody fy={fy} d={d} page={page} size={size} update={update} />}
        </QueryState>
      )}
    </>
  );
}

function RecordsBody({
  fy,
  d,
  page,
  size,
  update,
}: {
  fy: number;
  d: Drilldown;
  page: number;
  size: number;
  update: (patch: Partial<RecordsSearch>) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const yearLabel = useReportYearLabel();
  const value = (n: number) => (isYen(d.figure) ? f.money(n, 'JPY') : f.number(n));
  const differs = d.publishedValue !== undefined && d.publishedValue !== null && d.publishedValue !== d.value;
  const label = labelOf(f.locale, d);
  return (
    <>
      <PageHeader
        title={t('reports:records.titleOf', { figure: label })}
        description={t('reports:records.description', { year: yearLabel(fy) })}
        actions={
          <Button
            variant="default"
            component="a"
            href={recordsCsvPath(fy, d.figure, f.locale)}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('reports:records.csv')}
          </Button>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Group gap="xl" wrap="wrap" role="list" aria-label={t('reports:records.summary')}>
            <Stack gap={0} role="listitem">
              <Text size="xs" c="dimmed">
                {t('reports:records.current')}
              </Text>
              <Text fw={700} size="lg" data-testid="figure-value">
                {value(d.value)}
              </Text>
            </Stack>
            {d.publishedValue !== undefined && d.publishedValue !== null && (
              <Stack gap={0} role="listitem">
                <Text size="xs" c="dimmed">
                  {t('reports:records.published')}
                </Text>
                <Text fw={700} size="lg">
                  {value(d.publishedValue)}
                </Text>
              </Stack>
            )}
            <Stack gap={0} role="listitem">
              <Text size="xs" c="dimmed">
                {t('reports:records.count')}
              </Text>
              <Text fw={700} size="lg">
                {f.number(d.count)}
              </Text>
            </Stack>
            <Stack gap={0} role="listitem">
              <Text size="xs" c="dimmed">
                {t('reports:records.ref')}
              </Text>
              <Text ff="monospace" size="sm" mt={6}>
                {d.figure}
              </Text>
            </Stack>
          </Group>
          {differs && (
            <Alert color="orange" mt="md" icon={<IconAlertTriangle aria-hidden />}>
              {t('reports:records.differs', {
                published: value(d.publishedValue ?? 0),
                current: value(d.value),
              })}
            </Alert>
          )}
        </Paper>
        <Paper withBorder p="md">
          {d.items.length === 0 ? (
            <Empty title={t('reports:records.empty')} />
          ) : (
            <>
              <ScrollTable
                minWidth={Math.max(640, d.columns.length * 140)}
                label={t('reports:records.table')}
              >
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      {d.columns.map((c) => (
                        <Table.Th key={c.key}>{labelOf(f.locale, c)}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.items.map((row, i) => (
                      <Table.Tr key={String(row.id ?? i)}>
                        {d.columns.map((c) => (
                          <Table.Td key={c.key} ta={typeof row[c.key] === 'number' ? 'right' : undefined}>
                            {cell(f, c.key, row[c.key])}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager
                page={page}
                size={size}
                total={d.total}
                onPage={(p) => update({ page: p })}
                onSize={(s) => update({ size: s, page: 1 })}
              />
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}
