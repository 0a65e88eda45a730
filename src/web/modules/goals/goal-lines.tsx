import { Badge, Group, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/data-table';
import { useFormat } from '../../i18n';
import { type GoalLine, type Overview, STATUS_COLORS } from './goals.api';

/** A text of the UI language, falling back to the other one. */
export const textOf = (ja: string | null, en: string | null, locale: 'ja' | 'en') =>
  (locale === 'ja' ? ja || en : en || ja) ?? '';

export function StatusBadge({ status }: { status: GoalLine['status'] }) {
  const { t } = useTranslation();
  return (
    // Light orange is too pale for its own text colour (axe color-contrast): dark text on it.
    <Badge color={STATUS_COLORS[status]} variant="light" c={status === 'behind' ? 'dark.7' : undefined}>
      {t(`goals:status.${status}`)}
    </Badge>
  );
}

function useValue() {
  const f = useFormat();
  return (line: GoalLine, n: number | null) => {
    if (n === null) return '—';
    const unit = line.metric ? textOf(line.metric.unitJa, line.metric.unitEn, f.locale) : '';
    return `${f.number(n)}${unit ? (f.locale === 'ja' ? unit : ` ${unit}`) : ''}`;
  };
}

/** A medium- to long-term target: title, M badge, status, period, metric, progress bar and the year's texts. */
export function TargetCard({
  line,
  progress,
  actions,
}: {
  line: GoalLine;
  progress?: Overview['progress'][number];
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const value = useValue();
  const share = line.target && line.actual !== null ? Math.min(100, (line.actual / line.target) * 100) : null;
  const texts = (['progress', 'achievements', 'issues'] as const)
    .map((k) => [k, progress ? textOf(progress[`${k}Ja`], progress[`${k}En`], f.locale) : ''] as const)
    .filter(([, v]) => v);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            {line.materiality && (
              <Tooltip label={t('goals:targets.materialityHelp')}>
                <Badge color="grape" aria-label={t('goals:targets.materialityHelp')}>
                  {t('goals:targets.materialityBadge')}
                </Badge>
              </Tooltip>
            )}
            <Title order={4}>{textOf(line.textJa, line.textEn, f.locale)}</Title>
            <StatusBadge status={line.status} />
          </Group>
          {actions}
        </Group>
        <Text size="sm" c="dimmed">
          {t('goals:targets.period', { start: f.date(line.periodStart), end: f.date(line.periodEnd) })}
          {line.metric &&
            ` · ${textOf(line.metric.nameJa, line.metric.nameEn, f.locale)} (${t(`goals:metrics.${line.metric.bound ? 'bound' : 'manual'}`)})`}
        </Text>
        {line.target === null ? (
          <Text size="sm">{t('goals:targets.noMeasure')}</Text>
        ) : (
          <>
            <Progress
              value={share ?? 0}
              color={STATUS_COLORS[line.status]}
              aria-label={t('goals:targets.progressLabel')}
            />
            <Text size="sm">
              {t('goals:targets.actualOfTarget', {
                actual: value(line, line.actual),
                target: f.number(line.target),
                unit: line.metric ? textOf(line.metric.unitJa, line.metric.unitEn, f.locale) : '',
              })}
            </Text>
          </>
        )}
        {texts.map(([k, v]) => (
          <div key={k}>
            <Text size="sm" fw={700}>
              {t(`goals:progress.${k}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {v}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/** Yearly goals: text, metric, goal, actual, the year before and status. */
export function GoalsTable({
  lines,
  label,
  actions,
}: {
  lines: GoalLine[];
  label: string;
  actions?: (line: GoalLine) => ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const value = useValue();
  const goalText = (l: GoalLine) =>
    l.comparison === 'none'
      ? t('goals:comparison.none')
      : l.comparison === 'increase'
        ? t('goals:comparison.increase')
        : `${t(`goals:comparison.${l.comparison}`)} ${value(l, l.target)}`;
  return (
    <ScrollTable minWidth={720} label={label}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('goals:yearly.goal')}</Table.Th>
            <Table.Th>{t('goals:yearly.metric')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('goals:yearly.actual')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('goals:yearly.previous')}</Table.Th>
            <Table.Th>{t('goals:yearly.status')}</Table.Th>
            {actions && <Table.Th aria-hidden />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Group gap={4}>
                  {l.materiality && (
                    <Badge color="grape" size="xs">
                      {t('goals:targets.materialityBadge')}
                    </Badge>
                  )}
                  <Text size="sm">{textOf(l.textJa, l.textEn, f.locale)}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{l.metric ? textOf(l.metric.nameJa, l.metric.nameEn, f.locale) : '—'}</Text>
                <Text size="xs" c="dimmed">
                  {goalText(l)}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{value(l, l.actual)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{value(l, l.previous)}</Table.Td>
              <Table.Td>
                <StatusBadge status={l.status} />
              </Table.Td>
              {actions && <Table.Td>{actions(l)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
