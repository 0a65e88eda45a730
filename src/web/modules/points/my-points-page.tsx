import { Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { PointsMovementTable } from './points-movement-table';
import { type PointsBalance, type PointsYear, useMyBalance, useMyPointsHistory } from './points.api';

const HISTORY_SIZE = 25;

/**
 * The employee's cafeteria points: what is left in each fiscal year and when it lapses, a chart of
 * spent and left per year, and every movement (grants, expense claims, donations, expiries).
 */
export function MyPointsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const balance = useMyBalance();
  return (
    <>
      <PageHeader
        title={t('points:mine.title')}
        description={
          balance.data
            ? t('points:mine.description', { value: f.money(balance.data.pointValueJpy, 'JPY') })
            : undefined
        }
      />
      <QueryState query={balance}>
        {(data) => (
          <Stack gap="lg">
            <YearCards data={data} />
            <SpentChart items={data.items} />
            <History data={data} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** One card per fiscal year, newest first: the balance, its yen value, and where the points went. */
function YearCards({ data }: { data: PointsBalance }) {
  const { t } = useTranslation();
  const f = useFormat();
  const status = (y: PointsYear) =>
    y.ended ? 'ended' : y.fiscalYear === data.currentFiscalYear ? 'current' : 'upcoming';
  const color = { ended: 'gray', current: 'teal', upcoming: 'indigo' } as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {data.items.map((y) => (
        <Paper
          key={y.fiscalYear}
          withBorder
          p="md"
          component="section"
          aria-labelledby={`points-year-${y.fiscalYear}`}
        >
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id={`points-year-${y.fiscalYear}`}>
              {y.label}
            </Title>
            <Badge color={color[status(y)]} c="dark.7" variant="light">
              {t(`points:year.${status(y)}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('points:mine.balance')}
          </Text>
          <Group gap="xs" align="baseline">
            <Text fz={32} fw={700} lh={1.2}>
              {f.number(y.balance)}
            </Text>
            <Text c="dimmed">{t('points:unit')}</Text>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {t('points:mine.worth', { value: f.money(y.balance * data.pointValueJpy, 'JPY') })}
          </Text>
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {(['granted', 'reimbursed', 'donated', 'expired'] as const).map((k) => (
                <Table.Tr key={k}>
                  <Table.Th fw={400}>{t(`points:figures.${k}`)}</Table.Th>
                  <Table.Td ta="right">{f.number(y[k])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c={y.ended ? 'dimmed' : undefined} mt="sm">
            {t(y.ended ? 'points:mine.endedOn' : 'points:mine.expiresOn', { date: f.date(y.expiresOn) })}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

const PARTS = ['reimbursed', 'donated', 'expired', 'balance'] as const;

/** Per fiscal year, oldest first: points spent on claims and donations, expired, and left. */
function SpentChart({ items }: { items: PointsYear[] }) {
  const { t } = useTranslation();
  const years = useMemo(() => [...items].reverse(), [items]);
  const names = useMemo(
    () => PARTS.map((k) => t(k === 'balance' ? 'points:mine.left' : `points:figures.${k}`)),
    [t],
  );
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: years.map((y) => y.label) },
      yAxis: { type: 'value', name: t('points:unit') },
      series: PARTS.map((k, i) => ({
        name: names[i],
        type: 'bar',
        stack: 'points',
        barMaxWidth: 48,
        data: years.map((y) => y[k]),
      })),
    }),
    [years, names, t],
  );
  const total = items.reduce((n, y) => n + y.granted, 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="points-chart">
      <Title order={2} size="h4" id="points-chart" mb="sm">
        {t('points:mine.chartTitle')}
      </Title>
      {total === 0 ? (
        <Text c="dimmed" size="sm">
          {t('points:mine.noGrants')}
        </Text>
      ) : (
        <Chart
          option={option}
          height={220}
          label={t('points:mine.chartTitle')}
          table={{
            columns: [t('points:fiscalYear'), ...names],
            rows: years.map((y) => [y.label, ...PARTS.map((k) => y[k])]),
          }}
        />
      )}
    </Paper>
  );
}

/** Every movement of the employee's points, newest first, for one year or all. */
function History({ data }: { data: PointsBalance }) {
  const { t } = useTranslation();
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const history = useMyPointsHistory({ fiscalYear, page, size: HISTORY_SIZE });
  const labels = new Map(data.items.map((y) => [y.fiscalYear, y.label]));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="points-history">
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <Title order={2} size="h4" id="points-history">
          {t('points:mine.historyTitle')}
        </Title>
        <Select
          label={t('points:fiscalYear')}
          data={[
            { value: 'all', label: t('points:allYears') },
            ...data.items.map((y) => ({ value: String(y.fiscalYear), label: y.label })),
          ]}
          value={fiscalYear === undefined ? 'all' : String(fiscalYear)}
          onChange={(v) => {
            setFiscalYear(!v || v === 'all' ? undefined : Number(v));
            setPage(1);
          }}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <QueryState
        query={history}
        isEmpty={(h) => h.items.length === 0}
        empty={
          <Empty title={t('points:mine.historyEmpty')} description={t('points:mine.historyEmptyHelp')} />
        }
      >
        {(h) => (
          <>
            <ScrollTable minWidth={720} label={t('points:mine.historyTitle')}>
              <PointsMovementTable items={h.items} yearLabel={(fy) => labels.get(fy) ?? String(fy)} />
            </ScrollTable>
            <Pager page={h.page} size={h.size} total={h.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </Paper>
  );
}
