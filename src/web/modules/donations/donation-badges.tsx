import { Badge } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import type { DonationStatus } from './donations.api';

// Pale backgrounds with dark text keep every badge above the WCAG AA contrast ratio.
const COLORS: Record<DonationStatus, string> = {
  pledged: 'yellow',
  paid: 'teal',
  failed: 'red',
  refunded: 'gray',
};

export function DonationStatusBadge({ status }: { status: DonationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} c="dark.7" style={{ textTransform: 'none' }}>
      {t(`donations:status.${status}`)}
    </Badge>
  );
}

/** A donation's amount as given: "50 points" / "50 ポイント", or the money in its currency. */
export function useDonationAmount() {
  const { t } = useTranslation();
  const f = useFormat();
  return useCallback(
    (d: { points: number | null; amountMinor: number | null; currency: string | null }) =>
      d.points !== null
        ? t('donations:points', { count: d.points, points: f.number(d.points) })
        : f.money(d.amountMinor ?? 0, d.currency ?? 'JPY'),
    [t, f],
  );
}
