import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import type { VolunteeringKpis } from './kpi.api';

export const FIGURES = [
  'newRegistrants',
  'registrantsSince',
  'registeredTotal',
  'participants',
  'participations',
  'hours',
] as const;
export type Figure = (typeof FIGURES)[number];

/** Number formats beyond useFormat's: hours with up to two decimals, signed changes and percentages. */
export function useKpiFormat() {
  const f = useFormat();
  const tag = f.locale === 'ja' ? 'ja-JP' : 'en-GB';
  const decimals = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  return { ...f, decimals: (n: number) => decimals.format(n), percent: (n: number) => percent.format(n) };
}

/** How a figure changed from the year before: an arrow and the words (the arrow is decoration). */
function Change({
  current,
  previous,
  label,
  hours,
}: {
  current: number;
  previous: number;
  label: string;
  hours: boolean;
}) {
  const { t } = useTranslation();
  const f = useKpiFormat();
  const delta = Math.round((current - previous) * 100) / 100;
  const amount = (n: number) => (hours ? t('kpi:hoursValue', { value: f.decimals(n) }) : f.number(n));
  const [Icon, color, text] =
    delta === 0
      ? [IconArrowRight, 'dimmed', t('kpi:change.same', { label })]
      : previous === 0
        ? [IconArrowUpRight, 'teal.9', t('kpi:change.fromZero', { label, delta: amount(delta) })]
        : [
            delta > 0 ? IconArrowUpRight : IconArrowDownRight,
            delta > 0 ? 'teal.9' : 'red.8',
            t(delta > 0 ? 'kpi:change.up' : 'kpi:change.down', {
              label,
              delta: amount(Math.abs(delta)),
              percent: f.percent(Math.abs(delta) / previous),
            }),
          ];
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap" c={color}>
        <Icon size={16} aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" c={color}>
          {text}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('kpi:change.previous', { label, value: amount(previous) })}
      </Text>
    </Stack>
  );
}

/** The six figures of the year, each with its change from the year before. */
export function KpiStatCards({ data }: { data: VolunteeringKpis }) {
  const { t } = useTranslation();
  const f = useKpiFormat();
  const previousLabel = f.locale === 'ja' ? data.previous.labelJa : data.previous.labelEn;
  const title = (figure: Figure) =>
    figure === 'registrantsSince'
      ? t('kpi:figure.registrantsSince', { date: f.date(data.since) })
      : t(`kpi:figure.${figure}`);
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="md"
      component="ul"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {FIGURES.map((figure) => (
        <Paper withBorder p="md" key={figure} component="li">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {title(figure)}
            </Text>
            <Text fz={32} fw={700} lh={1.1}>
              {figure === 'hours'
                ? t('kpi:hoursValue', { value: f.decimals(data.hours) })
                : f.number(data[figure])}
            </Text>
            <Change
              current={data[figure]}
              previous={data.previous[figure]}
              label={previousLabel}
              hours={figure === 'hours'}
            />
            <Text size="xs" c="dimmed">
              {t(`kpi:help.${figure}`)}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
