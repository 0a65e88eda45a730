import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel } from '../../../shared/fiscal-year';
import { Chart } from '../../components/chart';
import { Empty, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';
import { inLocale, type Program, type ProgramFigures, useProgramFigures } from './programs.api';

type Year = ProgramFigures['years'][number];
const COLUMNS = [
  'sessions',
  'participantsTotal',
  'employees',
  'employeeHours',
  'graduates',
  'graduatesCumulative',
  'supportedVentures',
  'projects',
  'outcomesQuantity',
  'classRequestsCompleted',
  'testimonials',
] as const;
const KINDS = ['students', 'guardians', 'teachers', 'employees', 'public', 'other'] as const;

/** The program's figures per fiscal year (the last ten): a table, a chart and the survey indicators. */
export function ProgramFiguresSection({ program }: { program: Program }) {
  const { t } = useTranslation();
  const figures = useProgramFigures(program.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="program-figures">
      <Title order={2} size="h4" id="program-figures" mb="sm">
        {t('programs:figures.title')}
      </Title>
      <QueryState query={figures}>{(data) => <FiguresBody data={data} />}</QueryState>
    </Paper>
  );
}

function useYearLabel() {
  const f = useFormat();
  const org = useOrganisation();
  return (y: number) =>
    org.data
      ? fiscalYearLabel(y, f.locale, {
          startMonth: org.data.fiscalYearStartMonth,
          labelJa: org.data.fyLabelJa,
          labelEn: org.data.fyLabelEn,
        })
      : String(y);
}

function FiguresBody({ data }: { data: ProgramFigures }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useYearLabel();
  const years = data.years.filter((y) => COLUMNS.some((c) => y[c] > 0) || y.surveyIndicators.length > 0);
  const columns = COLUMNS.filter((c) => data.years.some((y) => y[c] > 0));
  return (
    <Stack gap="md">
      <Group gap="xs">
        {data.certifiedNow > 0 && (
          <Badge variant="light" color="indigo" c="dark.7">
            {t('programs:figures.certifiedNow', { n: f.number(data.certifiedNow) })}
          </Badge>
        )}
        {data.latestReview && (
          <Badge variant="light" color="gray" c="dark.7">
            {t('programs:figures.latestReview', {
              decision: data.latestReview.decision
                ? t(`programs:decision.${data.latestReview.decision}`, {
                    defaultValue: data.latestReview.decision,
                  })
                : '—',
              date: f.date(data.latestReview.reviewedOn),
            })}
          </Badge>
        )}
      </Group>
      {years.length === 0 ? (
        <Empty title={t('programs:figures.empty')} description={t('programs:figures.emptyHelp')} />
      ) : (
        <>
          <FiguresChart years={data.years} label={label} />
          <ScrollTable minWidth={720} label={t('programs:figures.title')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programs:figures.year')}</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c} ta="right">
                      {t(`programs:figures.${c}`)}
                    </Table.Th>
                  ))}
                  <Table.Th>{t('programs:figures.indicators')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...years].reverse().map((y) => (
                  <Table.Tr key={y.fiscalYear}>
                    <Table.Th scope="row">{label(y.fiscalYear)}</Table.Th>
                    {columns.map((c) => (
                      <Table.Td key={c} ta="right">
                        {f.number(y[c])}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {y.surveyIndicators.map((i) => (
                        <Text key={`${i.surveyId}-${i.code}`} size="xs">
                          {t('programs:figures.indicator', {
                            label: inLocale(f.locale, i.labelJa, i.labelEn) || i.code,
                            value: i.value === null ? '—' : `${Math.round(i.value * 1000) / 10}%`,
                            n: f.number(i.n),
                          })}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}

type Series = { type: 'bar' | 'line'; name: string; data: number[]; stack?: string; yAxisIndex?: number };

/**
 * What the program's years are best drawn as: participants by kind (stacked bars) with the sessions as a
 * line, for programs that hold sessions; else graduates of the year with the cumulative total (a school);
 * else projects with their outcomes (pro bono). Null when the years hold none of these.
 */
function chartSeries(years: Year[], t: (key: string) => string): { series: Series[]; axes: string[] } | null {
  if (years.some((y) => y.sessions > 0)) {
    const kinds = KINDS.filter((k) => years.some((y) => y.participants[k] > 0));
    return {
      axes: [t('programs:figures.participantsTotal'), t('programs:figures.sessions')],
      series: [
        ...kinds.map((k) => ({
          type: 'bar' as const,
          stack: 'participants',
          name: t(`programs:participants.${k}`),
          data: years.map((y) => y.participants[k]),
        })),
        {
          type: 'line',
          yAxisIndex: 1,
          name: t('programs:figures.sessions'),
          data: years.map((y) => y.sessions),
        },
      ],
    };
  }
  const pair = (bar: 'graduates' | 'projects', line: 'graduatesCumulative' | 'outcomesQuantity') =>
    years.some((y) => y[bar] > 0 || y[line] > 0)
      ? {
          axes: [t(`programs:figures.${bar}`), t(`programs:figures.${line}`)],
          series: [
            { type: 'bar' as const, name: t(`programs:figures.${bar}`), data: years.map((y) => y[bar]) },
            {
              type: 'line' as const,
              yAxisIndex: 1,
              name: t(`programs:figures.${line}`),
              data: years.map((y) => y[line]),
            },
          ],
        }
      : null;
  return pair('graduates', 'graduatesCumulative') ?? pair('projects', 'outcomesQuantity');
}

/** The chart of the program's years (chartSeries), with its data as a table for screen readers. */
function FiguresChart({ years, label }: { years: Year[]; label: (y: number) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const drawn = useMemo(() => {
    const chosen = chartSeries(years, t);
    if (!chosen) return null;
    const { series, axes } = chosen;
    const categories = years.map((y) => label(y.fiscalYear));
    const option = {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => f.number(v) },
      legend: { top: 0 },
      grid: { left: 24, right: 24, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories },
      yAxis: [
        { type: 'value', name: axes[0], nameTextStyle: { align: 'left' } },
        { type: 'value', name: axes[1], splitLine: { show: false }, nameTextStyle: { align: 'right' } },
      ],
      series,
    } satisfies EChartsCoreOption;
    return {
      option,
      table: {
        columns: [t('programs:figures.year'), ...series.map((s) => s.name)],
        rows: categories.map((c, i) => [c, ...series.map((s) => f.number(s.data[i]))]),
      },
    };
  }, [years, label, t, f]);
  if (!drawn) return null;
  return <Chart option={drawn.option} label={t('programs:figures.chart')} table={drawn.table} />;
}
