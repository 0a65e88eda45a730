import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { inLocale } from '../programs/programs.api';
import type { Evidence } from './evaluation.api';
import { useLocale } from './evaluation.format';

const FIGURES = [
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

/** The program's figures for the reviewed year: stored with a final review, read live for a draft. */
export function EvidencePanel({
  evidence,
  stored,
  yearLabel,
  finalisedAt,
}: {
  evidence: Evidence;
  stored: boolean;
  yearLabel: string;
  finalisedAt: string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const locale = useLocale();
  const y = evidence.figures;
  const kinds = Object.entries(y.participants ?? {}).filter(([, n]) => n > 0);
  const value = (k: (typeof FIGURES)[number]) => y[k] ?? 0;
  const pct = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { style: 'percent' });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-evidence">
      <Title order={3} size="h5" id="review-evidence">
        {t('evaluation:evidence.title', { year: yearLabel })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {stored
          ? t('evaluation:evidence.stored', { date: f.dateTime(finalisedAt) })
          : t('evaluation:evidence.live')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
        {FIGURES.filter((k) => k === 'sessions' || k === 'participantsTotal' || value(k) > 0).map((k) => (
          <Figure key={k} label={t(`evaluation:evidence.${k}`)} value={f.number(value(k))} />
        ))}
        {evidence.certifiedNow > 0 && (
          <Figure label={t('evaluation:evidence.certifiedNow')} value={f.number(evidence.certifiedNow)} />
        )}
        <Figure
          label={t('evaluation:evidence.expenses')}
          value={t('evaluation:evidence.expensesPending')}
          small
        />
      </SimpleGrid>
      {kinds.length > 0 && (
        <Stack gap={4} mt="md">
          <Text fw={600} size="sm">
            {t('evaluation:evidence.byKind')}
          </Text>
          <Group gap="lg">
            {kinds.map(([kind, n]) => (
              <Text size="sm" key={kind}>
                {t(`evaluation:evidence.kind.${kind}`)}: <strong>{f.number(n)}</strong>
              </Text>
            ))}
          </Group>
        </Stack>
      )}
      {!!y.surveyIndicators?.length && (
        <Table mt="md" withTableBorder>
          <Table.Caption>{t('evaluation:evidence.indicators')}</Table.Caption>
          <Table.Tbody>
            {y.surveyIndicators.map((i) => (
              <Table.Tr key={`${i.surveyId}-${i.code}`}>
                <Table.Th scope="row">{inLocale(locale, i.labelJa, i.labelEn)}</Table.Th>
                <Table.Td>
                  {i.value === null
                    ? t('evaluation:evidence.noIndicator')
                    : t('evaluation:evidence.indicator', { value: pct.format(i.value), n: f.number(i.n) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Figure({ label, value, small }: { label: string; value: string; small?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size={small ? 'sm' : 'xl'}>
        {value}
      </Text>
    </Stack>
  );
}
