import { Paper, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { LoadError, PageLoader } from '../../components/feedback';
import type { VolunteeringKpis } from './kpi.api';
import { useKpiFormat } from './kpi-stat-cards';

type Series = { key: string; name: string; values: number[] };

/** A bar chart (vertical, or horizontal for long category lists) and its table for screen readers. */
function bars(categories: string[], series: Series[], format: (n: number) => string, horizontal: boolean) {
  // Long names (fields, companies) wrap instead of running into each other.
  const axisLabel = { interval: 0, width: horizontal ? 160 : 100, overflow: 'break' };
  const category = { type: 'category', data: categories, axisLabel, inverse: horizontal };
  const value = { type: 'value', axisLabel: { formatter: format } };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
  } satisfies EChartsCoreOption;
}

function table(heading: string, categories: string[], series: Series[], format: (n: number) => string) {
  return {
    columns: [heading, ...series.map((s) => s.name)],
    rows: categories.map((c, i) => [c, ...series.map((s) => format(s.values[i]))]),
  };
}

function Section({ title, note, children }: { title: string; note?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
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

/** Registrants and participation by field, as bars. */
export function ByFieldChart({ data, label }: { data: VolunteeringKpis; label: string }) {
  const { t } = useTranslation();
  const f = useKpiFormat();
  const { option, figures } = useMemo(() => {
    const categories = data.byField.map((r) => t(`field.${r.field}`));
    const series: Series[] = (['newRegistrants', 'participants', 'participations'] as const).map((key) => ({
      key,
      name: t(`kpi:figure.${key}`),
      values: data.byField.map((r) => r[key]),
    }));
    return {
      option: bars(categories, series, f.number, false),
      figures: table(t('kpi:chart.field'), categories, series, f.number),
    };
  }, [data, t, f.number]);
  const title = t('kpi:chart.byField', { label });
  return (
    <Section title={title} note={t('kpi:fieldNote')}>
      <Chart option={option} label={title} table={figures} />
    </Section>
  );
}

/** Participants and new registrants of each group company with any figure, most participants first. */
export function ByCompanyChart({ data, label }: { data: VolunteeringKpis; label: string }) {
  const { t } = useTranslation();
  const f = useKpiFormat();
  const rows = useMemo(
    () =>
      data.byCompany
        .filter((c) => c.participants || c.newRegistrants || c.registeredTotal)
        .sort((a, b) => b.participants - a.participants || a.companyCode.localeCompare(b.companyCode)),
    [data],
  );
  const { option, figures } = useMemo(() => {
    const categories = rows.map((c) => `${c.companyCode} ${f.name(c)}`);
    const series: Series[] = (['newRegistrants', 'participants'] as const).map((key) => ({
      key,
      name: t(`kpi:figure.${key}`),
      values: rows.map((c) => c[key]),
    }));
    return {
      option: bars(categories, series, f.number, true),
      figures: table(t('kpi:chart.company'), categories, series, f.number),
    };
  }, [rows, t, f]);
  if (rows.length === 0) return null;
  const title = t('kpi:chart.byCompany', { label });
  return (
    <Section title={title}>
      <Chart option={option} label={title} table={figures} height={Math.max(200, 80 + rows.length * 44)} />
    </Section>
  );
}

export type TrendPoint = {
  fiscalYear: number;
  labelJa: string;
  labelEn: string;
  participants: number;
  newRegistrants: number;
};

/** Participants and new registrants over several fiscal years, as lines. */
export function TrendChart({
  points,
  pending,
  error,
}: {
  points: TrendPoint[];
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const f = useKpiFormat();
  const { option, figures, categories } = useMemo(() => {
    const categories = points.map((p) => (f.locale === 'ja' ? p.labelJa : p.labelEn));
    const series: Series[] = (['newRegistrants', 'participants'] as const).map((key) => ({
      key,
      name: t(`kpi:figure.${key}`),
      values: points.map((p) => p[key]),
    }));
    const option: EChartsCoreOption = {
      tooltip: { trigger: 'axis', valueFormatter: f.number },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories, boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: f.number } },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, symbolSize: 8 })),
    };
    return { option, figures: table(t('kpi:chart.year'), categories, series, f.number), categories };
  }, [points, t, f]);
  const title = t('kpi:chart.trend', { from: categories[0] ?? '', to: categories.at(-1) ?? '' });
  return (
    <Section title={title}>
      {error ? (
        <LoadError error={error} />
      ) : pending ? (
        <PageLoader />
      ) : (
        <Chart option={option} label={title} table={figures} />
      )}
    </Section>
  );
}
