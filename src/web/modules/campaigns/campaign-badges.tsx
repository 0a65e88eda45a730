import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { type CampaignStatus, type CampaignTotals, type FundType, progressOf } from './campaigns.api';

// Pale backgrounds with dark text keep every badge above the WCAG AA contrast ratio.
const FUND_COLORS: Record<FundType, string> = { victim_relief: 'red', relief_work: 'blue', general: 'gray' };
const STATUS_COLORS: Record<CampaignStatus, string> = { draft: 'gray', open: 'teal', closed: 'indigo' };

/** 義援金 (for victims) or 支援金 (for the NGOs), with what it means in the tooltip text. */
export function FundTypeBadge({ fundType }: { fundType: FundType }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={FUND_COLORS[fundType]}
      c="dark.7"
      title={t(`campaigns:fundTypeHelp.${fundType}`)}
    >
      {t(`campaigns:fundType.${fundType}`)}
    </Badge>
  );
}

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} c="dark.7">
      {t(`campaigns:status.${status}`)}
    </Badge>
  );
}

/** Yen as people read it (¥1,234,567). */
export function useYen() {
  const f = useFormat();
  return useCallback((n: number) => f.money(n, 'JPY'), [f]);
}

/** What has been raised, towards the goal when there is one: a bar and the words. */
export function GoalProgress({ totals, size = 'lg' }: { totals: CampaignTotals; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  const f = useFormat();
  const yen = useYen();
  const percent = progressOf(totals);
  const label =
    percent === null
      ? t('campaigns:progress.raisedNoGoal', { raised: yen(totals.totalJpy) })
      : t('campaigns:progress.raised', {
          raised: yen(totals.totalJpy),
          goal: yen(totals.goalJpy ?? 0),
          percent: f.number(Math.floor(percent)),
        });
  return (
    <Stack gap={4}>
      {percent !== null && (
        <Progress value={percent} size={size} color="teal.8" aria-label={label} radius="xl" />
      )}
      <Group justify="space-between" gap="xs">
        <Text size={size === 'lg' ? 'md' : 'sm'} fw={600}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {t('campaigns:progress.donors', { n: f.number(totals.donors) })}
        </Text>
      </Group>
    </Stack>
  );
}
