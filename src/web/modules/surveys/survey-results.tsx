import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { Empty } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type SurveyResults as Results, useSurveyResults } from './surveys.api';

type Question = Results['questions'][number];

/** A share 0..1 as a percentage in the UI language ("90%"), or a dash when nobody answered. */
function usePercent() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const fmt = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    return (v: number | null) => (v === null ? '—' : fmt.format(v));
  }, [i18n.language]);
}

/** One scale or yes/no question's answers as bars (value → count), with the figures for screen readers. */
function DistributionChart({ q }: { q: Question }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { option, table } = useMemo(() => {
    const labels = q.distribution.map((d) =>
      q.kind === 'yes_no'
        ? t(d.value === 1 ? 'sessions:results.yes' : 'sessions:results.no')
        : String(d.value),
    );
    const option = {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => f.number(v) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('sessions:results.answers'), data: q.distribution.map((d) => d.count) },
      ],
    } satisfies EChartsCoreOption;
    return {
      option,
      table: {
        columns: [t('sessions:results.answer'), t('sessions:results.answers')],
        rows: labels.map((l, i) => [l, f.number(q.distribution[i].count)]),
      },
    };
  }, [q, t, f]);
  return (
    <Chart
      option={option}
      label={t('sessions:results.chart', { question: q.text })}
      table={table}
      height={220}
    />
  );
}

/** A survey's results: its indicators (share and n), then each question's distribution or text answers. */
export function SurveyResultsView({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const percent = usePercent();
  const results = useSurveyResults(surveyId);
  return (
    <QueryState
      query={results}
      isEmpty={(r) => r.questions.length === 0}
      empty={<Empty title={t('sessions:results.noQuestions')} />}
    >
      {(r) => (
        <Stack>
          <Text size="sm">
            {t('sessions:results.responses', { count: r.responses, n: f.number(r.responses) })}
            {r.byRespondentKind.length > 0 &&
              ` (${r.byRespondentKind.map((k) => `${t(`sessions:respondent.${k.kind ?? 'unknown'}`)} ${f.number(k.count)}`).join(' / ')})`}
          </Text>
          {r.indicators.length > 0 && (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {r.indicators.map((i) => (
                <Paper withBorder p="md" key={i.code} data-testid={`indicator-${i.code}`}>
                  <Text size="sm" c="dimmed">
                    {i.label}
                  </Text>
                  <Text fz={32} fw={700}>
                    {percent(i.value)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('sessions:results.n', { n: f.number(i.n) })}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          )}
          {r.questions.map((q) => (
            <Paper withBorder p="md" key={q.code}>
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h5">
                  {q.text}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('sessions:results.n', { n: f.number(q.n) })}
                  {q.mean !== null && ` · ${t('sessions:results.mean', { mean: q.mean.toFixed(2) })}`}
                </Text>
              </Group>
              {q.kind === 'text' ? (
                q.texts.length ? (
                  <Stack gap={4} component="ul" style={{ paddingInlineStart: 16, margin: 0 }}>
                    {q.texts.map((text, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: answers may repeat
                      <Text component="li" size="sm" key={k}>
                        {text}
                      </Text>
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('sessions:results.noAnswers')}
                  </Text>
                )
              ) : (
                <DistributionChart q={q} />
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
