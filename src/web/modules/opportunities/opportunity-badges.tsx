import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { prefectureName } from '../../../shared/prefectures';
import type { Field } from '../../../shared/fields';
import type { OpportunityMode, OpportunityStatus } from '../../../shared/volunteering';
import { formatDayInZone } from './zoned-time';

// Pale backgrounds with dark text keep every badge above the WCAG AA contrast ratio.
const FIELD_COLORS: Record<Field, string> = {
  education_culture_sports: 'blue',
  welfare_diversity: 'pink',
  environment: 'teal',
  regional: 'orange',
};
const STATUS_COLORS: Record<OpportunityStatus, string> = {
  draft: 'gray',
  published: 'teal',
  cancelled: 'red',
  completed: 'indigo',
};

export function FieldBadge({ field }: { field: Field }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={FIELD_COLORS[field]} c="dark.7">
      {t(`field.${field}`)}
    </Badge>
  );
}

export function ModeBadge({ mode }: { mode: OpportunityMode }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray.7" c="dark.7">
      {t(`opportunities:mode.${mode}`)}
    </Badge>
  );
}

export function OpportunityStatusBadge({ status }: { status: OpportunityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} c="dark.7">
      {t(`opportunities:status.${status}`)}
    </Badge>
  );
}

/** Where an opportunity happens, for people: the prefecture's name or the region. */
export function placeOf(
  o: { prefecture: string | null; region: string | null },
  locale: 'ja' | 'en',
): string {
  return (o.prefecture ? prefectureName(o.prefecture, locale) : undefined) ?? o.region ?? '';
}

/** The days an opportunity spans, in its own time zone: one day, or "first – last". */
export function datesOf(
  o: { firstStartsAt: string | null; lastEndsAt: string | null; timeZone: string },
  locale: 'ja' | 'en',
): string {
  if (!o.firstStartsAt || !o.lastEndsAt) return '';
  const first = formatDayInZone(o.firstStartsAt, o.timeZone, locale);
  const last = formatDayInZone(o.lastEndsAt, o.timeZone, locale);
  return first === last ? first : `${first} – ${last}`;
}
