import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { inLocale } from '../programs/programs.api';
import { DECISION_COLOURS, type ReviewDetail } from './evaluation.api';
import { useLocale } from './evaluation.format';

/** A review read-only: decision, dates, scores with comments, summary and actions. */
export function ReviewSummary({ review, note }: { review: ReviewDetail; note: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const locale = useLocale();
  return (
    <Stack component="section" aria-labelledby="review-summary-title">
      <Group justify="space-between">
        <Title order={3} size="h4" id="review-summary-title">
          {t('evaluation:form.title', { year: review.fiscalYearLabel })}
        </Title>
        {review.decision && (
          <Badge size="lg" color={DECISION_COLOURS[review.decision]}>
            {t(`evaluation:decision.${review.decision}`)}
          </Badge>
        )}
      </Group>
      <Alert icon={<IconLock aria-hidden />} color="gray">
        {note}
      </Alert>
      <Group gap="xl">
        <Text size="sm">
          {t('evaluation:reviews.reviewedOn')}: <strong>{f.date(review.reviewedOn) || '—'}</strong>
        </Text>
        <Text size="sm">
          {t('evaluation:reviews.nextReviewOn')}:{' '}
          <strong>
            {review.nextReviewOn ? f.date(review.nextReviewOn) : t('evaluation:reviews.noNext')}
          </strong>
        </Text>
        <Text size="sm">
          {t('evaluation:reviews.reviewer')}: <strong>{review.reviewer.name}</strong>
        </Text>
      </Group>
      <Paper withBorder>
        <Table>
          <Table.Caption>{t('evaluation:form.scores')}</Table.Caption>
          <Table.Tbody>
            {review.criteria.map((c) => {
              const s = review.scores.find((x) => x.criterionId === c.id);
              return (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">{inLocale(locale, c.nameJa, c.nameEn)}</Table.Th>
                  <Table.Td>{s ? `${s.score} / 5` : t('evaluation:form.notScored')}</Table.Td>
                  <Table.Td>{s?.comment}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      {(review.summaryJa || review.summaryEn) && (
        <Stack gap={2}>
          <Text fw={600}>
            {t(locale === 'ja' ? 'evaluation:form.summaryJa' : 'evaluation:form.summaryEn')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            {inLocale(locale, review.summaryJa, review.summaryEn)}
          </Text>
        </Stack>
      )}
      {(review.actionsJa || review.actionsEn) && (
        <Stack gap={2}>
          <Text fw={600}>
            {t(locale === 'ja' ? 'evaluation:form.actionsJa' : 'evaluation:form.actionsEn')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            {inLocale(locale, review.actionsJa, review.actionsEn)}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
