import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type FyLabelConvention,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
} from '../../../shared/fiscal-year';
import { useFormat } from '../../i18n';

/** Today's local calendar date as YYYY-MM-DD. */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The current fiscal year as the settings being edited would name it, in both languages. */
export function FiscalYearPreview({
  startMonth,
  labelJa,
  labelEn,
}: {
  startMonth: number;
  labelJa: FyLabelConvention;
  labelEn: FyLabelConvention;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const settings = { startMonth, labelJa, labelEn };
  const startYear = fiscalYearOf(todayIso(), startMonth);
  const range = fiscalYearRange(startYear, startMonth);
  return (
    <Alert
      mt="md"
      variant="light"
      color="indigo"
      icon={<IconCalendar aria-hidden />}
      title={t('settings.preview')}
      aria-live="polite"
    >
      <Stack gap={4}>
        <Group gap="xs">
          <Text size="sm" fw={700} w={90}>
            {t('language.ja')}
          </Text>
          <Text size="sm" lang="ja" data-testid="fy-label-ja">
            {fiscalYearLabel(startYear, 'ja', settings)}
          </Text>
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={700} w={90}>
            {t('language.en')}
          </Text>
          <Text size="sm" lang="en" data-testid="fy-label-en">
            {fiscalYearLabel(startYear, 'en', settings)}
          </Text>
        </Group>
        <Text size="sm">{t('settings.period', { start: f.date(range.start), end: f.date(range.end) })}</Text>
      </Stack>
    </Alert>
  );
}
