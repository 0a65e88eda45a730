import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { useFormat } from '../../i18n';
import { GoalProgress, useYen } from './campaign-badges';
import type { CampaignTotals } from './campaigns.api';

const SOURCES = ['pointsJpy', 'moneyJpy', 'companyJpy', 'matchJpy'] as const;

/** The six figures of a campaign, read from the ledger: donors, points, money, company, match, total. */
export function CampaignStats({ totals }: { totals: CampaignTotals }) {
  const { t } = useTranslation();
  const f = useFormat();
  const yen = useYen();
  const cards: { key: string; value: string; note?: string }[] = [
    { key: 'donors', value: f.number(totals.donors) },
    {
      key: 'points',
      value: t('campaigns:stats.pointsValue', { points: f.number(totals.points) }),
      note: yen(totals.pointsJpy),
    },
    {
      key: 'money',
      value: yen(totals.moneyJpy),
      note: totals.pledgedJpy ? t('campaigns:stats.pledged', { amount: yen(totals.pledgedJpy) }) : undefined,
    },
    { key: 'company', value: yen(totals.companyJpy) },
    { key: 'match', value: yen(totals.matchJpy) },
    {
      key: 'total',
      value: yen(totals.totalJpy),
      note: t('campaigns:stats.employeeShare', { amount: yen(totals.employeeJpy) }),
    },
  ];
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="md"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label={t('campaigns:stats.label')}
    >
      {cards.map((c) => (
        <Paper withBorder p="md" key={c.key} component="li">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t(`campaigns:stats.${c.key}`)}
            </Text>
            <Text fz={28} fw={700} lh={1.1}>
              {c.value}
            </Text>
            {c.note && (
              <Text size="xs" c="dimmed">
                {c.note}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The sources of the money raised as one stacked bar, with pledges still to come and the goal. */
export function CampaignChart({ totals }: { totals: CampaignTotals }) {
  const { t } = useTranslation();
  const yen = useYen();
  const { option, table } = useMemo(() => {
    const parts = [
      ...SOURCES.map((key) => ({ key, name: t(`campaigns:chart.${key}`), value: totals[key] })),
      { key: 'pledgedJpy', name: t('campaigns:chart.pledgedJpy'), value: totals.pledgedJpy },
    ];
    const row = t('campaigns:chart.raised');
    const option = {
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => yen(Number(v)) },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 40, bottom: 8, containLabel: true },
      // Room beyond the goal, so its line and label stay inside the chart.
      xAxis: {
        type: 'value',
        max: (extent: { max: number }) => Math.ceil(Math.max(extent.max, totals.goalJpy ?? 0) * 1.1),
        axisLabel: { formatter: (v: number) => yen(v) },
      },
      yAxis: { type: 'category', data: [row] },
      series: parts.map((p, i) => ({
        type: 'bar',
        name: p.name,
        stack: 'raised',
        barWidth: 40,
        data: [p.value],
        ...(p.key === 'pledgedJpy' ? { itemStyle: { opacity: 0.45 } } : {}),
        ...(i === 0 && totals.goalJpy
          ? {
              markLine: {
                symbol: 'none',
                data: [{ xAxis: totals.goalJpy, name: t('campaigns:chart.goal') }],
                label: {
                  formatter: () => t('campaigns:chart.goalLabel', { goal: yen(totals.goalJpy ?? 0) }),
                },
              },
            }
          : {}),
      })),
    } satisfies EChartsCoreOption;
    const table = {
      columns: [t('campaigns:chart.source'), t('campaigns:chart.amount')],
      rows: [
        ...parts.map((p) => [p.name, yen(p.value)]),
        [t('campaigns:stats.total'), yen(totals.totalJpy)],
        ...(totals.goalJpy ? [[t('campaigns:chart.goal'), yen(totals.goalJpy)]] : []),
      ],
    };
    return { option, table };
  }, [totals, t, yen]);
  const title = t('campaigns:chart.title');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-chart-title">
      <Title order={2} size="h4" mb="sm" id="campaign-chart-title">
        {title}
      </Title>
      <Stack gap="sm">
        <GoalProgress totals={totals} />
        <Chart option={option} label={title} table={table} height={180} />
      </Stack>
    </Paper>
  );
}
