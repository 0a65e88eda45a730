import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryStatus } from './participation.api';

const COLORS: Record<HistoryStatus, string> = {
  confirmed: 'blue',
  waitlisted: 'yellow',
  attended: 'teal',
  absent: 'gray',
  pending: 'orange',
  approved: 'teal',
  rejected: 'red',
};

/** The state of a sign-up or a logged activity, in words and colour. */
export function ParticipationBadge({
  status,
  position,
}: {
  status: HistoryStatus;
  position?: number | null;
}) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} c="dark.7" variant="light" style={{ textTransform: 'none' }}>
      {status === 'waitlisted' && position
        ? t('participation:status.waitlistedAt', { position })
        : t(`participation:status.${status}`)}
    </Badge>
  );
}

/** The title of an opportunity in the UI language, falling back to the other one. */
export function titleIn(locale: 'ja' | 'en', r: { titleJa: string | null; titleEn: string | null }): string {
  return (locale === 'ja' ? (r.titleJa ?? r.titleEn) : (r.titleEn ?? r.titleJa)) ?? '';
}
