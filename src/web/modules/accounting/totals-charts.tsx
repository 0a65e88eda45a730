import { Paper, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { useFormat } from '../../i18n';
import type { ExpenseFigures } from './accounting.api';

/** Yen in short form for axes ("8.3億", "828M"); the tooltips and tables show every digit. */
function useShortYen() {
  const f = useFormat();
  return useMemo(() => {
    const fmt = new Intl.NumberFormat(f.locale === 'ja' ? 'ja-JP' : 'en-GB', {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    return (n: number) => fmt.format(n);
  }, [f.locale]);
}

function Section({ title, note, children }: { title: string; note?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
      {note && (
        <Text size="xs" c="dimmed" mt="xs">
          {note}
        </Text>
      )}
    </Paper>
  );
}

/** The company's method and Keidanren's by Keidanren field, side by side, largest first. */
export function FieldChart({ data }: { data: ExpenseFigures }) {
  const { t } = useTranslation();
  const f = useFormat();
  const short = useShortYen();
  const { option, table } = useMemo(() => {
    const codes = [...new Set([...data.byField, ...data.keidanren.byField].map((l) => l.code))];
    const label = (code: string) => {
      const line = [...data.byField, ...data.keidanren.byField].find((l) => l.code === code);
      return line ? (f.locale === 'ja' ? line.labelJa : line.labelEn) : code;
    };
    const value = (lines: ExpenseFigures['byField'], code: string) =>
      lines.find((l) => l.code === code)?.amountJpy ?? 0;
    codes.sort((a, b) => value(data.byField, b) - value(data.byField, a));
    const categories = codes.map(label);
    const series = [
      { name: t('expenses:totals.company'), values: codes.map((c) => value(data.byField, c)) },
      { name: t('expenses:totals.keidanren'), values: codes.map((c) => value(data.keidanren.byField, c)) },
    ];
    const yen = (n: number) => f.money(n, 'JPY');
    return {
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: yen },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: short } },
        yAxis: {
          type: 'category',
          data: categories,
          inverse: true,
          axisLabel: { width: 160, overflow: 'break' },
        },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
      } satisfies EChartsCoreOption,
      table: {
        columns: [t('expenses:scheme.keidanren_field'), ...series.map((s) => s.name)],
        rows: categories.map((c, i) => [c, ...series.map((s) => yen(s.values[i]))]),
      },
    };
  }, [data, t, f, short]);
  const title = t('expenses:totals.byField');
  return (
    <Section title={title} note={t('expenses:totals.byFieldNote')}>
      {table.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('expenses:totals.none')}
        </Text>
      ) : (
        <Chart
          option={option}
          label={title}
          table={table}
          height={Math.max(240, 48 * table.rows.length + 60)}
        />
      )}
    </Section>
  );
}

/** The company-method total of each fiscal year, oldest first, ending with this one. */
export function TrendChart({ data }: { data: ExpenseFigures }) {
  const { t } = useTranslation();
  const f = useFormat();
  const short = useShortYen();
  const { option, table } = useMemo(() => {
    const categories = data.trend.map((y) => (f.locale === 'ja' ? y.labelJa : y.labelEn));
    const values = data.trend.map((y) => y.totalJpy);
    const yen = (n: number) => f.money(n, 'JPY');
    return {
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: yen },
        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', axisLabel: { formatter: short } },
        series: [
          {
            type: 'bar',
            name: t('expenses:totals.company'),
            data: values,
            barMaxWidth: 64,
            label: { show: true, position: 'top', formatter: (p: { value: number }) => short(p.value) },
          },
        ],
      } satisfies EChartsCoreOption,
      table: {
        columns: [t('expenses:field.fiscalYear'), t('expenses:totals.company')],
        rows: categories.map((c, i) => [c, yen(values[i])]),
      },
    };
  }, [data, t, f, short]);
  const title = t('expenses:totals.trend');
  return (
    <Section title={title}>
      <Chart option={option} label={title} table={table} height={280} />
    </Section>
  );
}
