import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError, notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { inLocale } from '../programs/programs.api';
import {
  DECISIONS,
  type ReviewDecision,
  type ReviewDetail,
  type ReviewUpdate,
  useDeleteReview,
  useFinaliseReview,
  useUpdateReview,
} from './evaluation.api';
import { useLocale } from './evaluation.format';

type Score = { score: string; comment: string };
const EMPTY: Score = { score: '', comment: '' };
type Text4 = 'summaryJa' | 'summaryEn' | 'actionsJa' | 'actionsEn';

/** A draft review: a score and comment per criterion, summary, decision, actions, dates; save, finalise or discard. */
export function ReviewForm({ review, onClosed }: { review: ReviewDetail; onClosed: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const locale = useLocale();
  const update = useUpdateReview();
  const finalise = useFinaliseReview();
  const discard = useDeleteReview();
  const [scores, setScores] = useState<Record<string, Score>>(() =>
    Object.fromEntries(
      review.scores.map((s) => [s.criterionId, { score: String(s.score), comment: s.comment ?? '' }]),
    ),
  );
  const [text, setText] = useState<Record<Text4, string>>({
    summaryJa: review.summaryJa ?? '',
    summaryEn: review.summaryEn ?? '',
    actionsJa: review.actionsJa ?? '',
    actionsEn: review.actionsEn ?? '',
  });
  const [decision, setDecision] = useState<ReviewDecision | null>(review.decision);
  const [reviewedOn, setReviewedOn] = useState(review.reviewedOn ?? '');
  const [nextReviewOn, setNextReviewOn] = useState(review.nextReviewOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = update.isPending || finalise.isPending;

  const body = (): ReviewUpdate => ({
    scores: review.criteria
      .filter((c) => scores[c.id]?.score)
      .map((c) => ({
        criterionId: c.id,
        score: Number(scores[c.id].score),
        comment: scores[c.id].comment.trim() || null,
      })),
    ...Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v.trim() || null])),
    decision,
    reviewedOn: reviewedOn || null,
    nextReviewOn: nextReviewOn || null,
  });
  const showErrors = (error: unknown) => {
    const fields = fieldErrors(error);
    for (const [path, message] of Object.entries(fields)) {
      const index = /^scores\.(\d+)\./.exec(path);
      if (index) fields[`scores.${body().scores?.[Number(index[1])]?.criterionId}`] = message;
    }
    setErrors(fields);
  };
  const save = async () => {
    setErrors({});
    try {
      await update.mutateAsync({ id: review.id, body: body() });
      notifySuccess(t('evaluation:reviews.saved'));
    } catch (error) {
      showErrors(error);
    }
  };
  const finish = async () => {
    setErrors({});
    try {
      await update.mutateAsync({ id: review.id, body: body() });
      await finalise.mutateAsync(review.id);
      notifySuccess(t('evaluation:reviews.finalised'));
    } catch (error) {
      showErrors(error);
    }
  };
  const clearError = (path: string) =>
    setErrors((e) => (path in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== path)) : e));
  const setScore = (id: string, patch: Partial<Score>) => {
    setScores((s) => ({ ...s, [id]: { ...EMPTY, ...s[id], ...patch } }));
    if (patch.score) clearError(`scores.${id}`);
  };

  return (
    <Stack component="section" aria-labelledby="review-form-title">
      <Title order={3} size="h4" id="review-form-title">
        {t('evaluation:form.title', { year: review.fiscalYearLabel })}
      </Title>
      <FormError error={update.error ?? finalise.error} />
      {review.criteria.length === 0 && <Alert color="orange">{t('evaluation:reviews.criteriaNeeded')}</Alert>}
      <Paper withBorder p="md">
        <Title order={4} size="h5" mb="xs">
          {t('evaluation:form.scores')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('evaluation:form.scoreHint')}
        </Text>
        <Stack gap="lg">
          {review.criteria.map((c) => {
            const name = inLocale(locale, c.nameJa, c.nameEn);
            return (
              <SimpleGrid key={c.id} cols={{ base: 1, md: 2 }}>
                <Radio.Group
                  label={t('evaluation:form.score', { name })}
                  description={inLocale(locale, c.descriptionJa, c.descriptionEn)}
                  value={scores[c.id]?.score ?? ''}
                  onChange={(v) => setScore(c.id, { score: v })}
                  error={errors[`scores.${c.id}`]}
                  withAsterisk={c.active}
                >
                  <Group mt={6} gap="md">
                    {['1', '2', '3', '4', '5'].map((v) => (
                      <Radio key={v} value={v} label={v} />
                    ))}
                  </Group>
                </Radio.Group>
                <Textarea
                  label={t('evaluation:form.comment', { name })}
                  autosize
                  minRows={1}
                  value={scores[c.id]?.comment ?? ''}
                  onChange={(e) => setScore(c.id, { comment: e.currentTarget.value })}
                />
              </SimpleGrid>
            );
          })}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(['summaryJa', 'summaryEn', 'actionsJa', 'actionsEn'] as const).map((k) => (
          <Textarea
            key={k}
            label={t(`evaluation:form.${k}`)}
            lang={k.endsWith('Ja') ? 'ja' : 'en'}
            autosize
            minRows={2}
            value={text[k]}
            error={errors[k]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setText((s) => ({ ...s, [k]: value }));
            }}
          />
        ))}
        <Select
          label={t('evaluation:form.decision')}
          withAsterisk
          data={DECISIONS.map((d) => ({ value: d, label: t(`evaluation:decision.${d}`) }))}
          value={decision}
          onChange={(v) => {
            setDecision(v as ReviewDecision | null);
            clearError('decision');
          }}
          error={errors.decision}
        />
        <TextInput
          type="date"
          label={t('evaluation:form.reviewedOn')}
          description={t('evaluation:form.reviewedOnHint')}
          value={reviewedOn}
          onChange={(e) => setReviewedOn(e.currentTarget.value)}
          error={errors.reviewedOn}
        />
        <TextInput
          type="date"
          label={t('evaluation:form.nextReviewOn')}
          description={t('evaluation:form.nextReviewHint', {
            date: f.date(review.suggestedNextReviewOn),
            months: review.program.reviewCycleMonths,
          })}
          value={nextReviewOn}
          onChange={(e) => setNextReviewOn(e.currentTarget.value)}
          error={errors.nextReviewOn}
        />
      </SimpleGrid>
      <Group justify="space-between">
        <ConfirmButton
          label={t('evaluation:form.discard')}
          title={t('evaluation:form.discardTitle')}
          message={t('evaluation:form.discardText')}
          confirmLabel={t('evaluation:form.discard')}
          loading={discard.isPending}
          onConfirm={() =>
            discard.mutateAsync(review.id).then(() => {
              notifySuccess(t('evaluation:reviews.discarded'));
              onClosed();
            }, notifyError)
          }
        />
        <Group>
          <Button
            variant="default"
            onClick={save}
            loading={update.isPending && !finalise.isPending}
            disabled={busy}
          >
            {t('evaluation:form.saveDraft')}
          </Button>
          <ConfirmButton
            variant="filled"
            color="indigo"
            label={t('evaluation:form.finalise')}
            title={t('evaluation:form.finaliseTitle')}
            message={t('evaluation:form.finaliseText')}
            confirmLabel={t('evaluation:form.finalise')}
            loading={finalise.isPending}
            disabled={busy}
            onConfirm={finish}
          />
        </Group>
      </Group>
    </Stack>
  );
}
