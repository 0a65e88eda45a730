import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCan } from '../../api/session';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError, notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { AnswerEditor } from './answer-editor';
import { type Screening, useDecide, useDiscardScreening, useScreening } from './screening.api';
import { pick, STATUS_COLOR } from './screening-text';

/** One screening: its criteria with answers and evidence, and (while a draft) the decision. */
export function ScreeningDetail({
  screeningId,
  onDiscarded,
}: {
  screeningId: string;
  onDiscarded: () => void;
}) {
  const query = useScreening(screeningId);
  return <QueryState query={query}>{(s) => <ScreeningBody s={s} onDiscarded={onDiscarded} />}</QueryState>;
}

function ScreeningBody({ s, onDiscarded }: { s: Screening; onDiscarded: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canScreen = useCan()('partners.screen');
  const editable = s.status === 'draft' && canScreen;
  const decide = useDecide(s.id);
  const discard = useDiscardScreening(s.id);
  const [notes, setNotes] = useState('');
  const problems =
    decide.error instanceof ApiError
      ? Object.fromEntries(decide.error.fields.map((p) => [p.path.replace(/^answers\./, ''), p.message]))
      : {};
  const run = (result: 'passed' | 'failed') =>
    decide.mutate(
      { result, notes: notes.trim() || null },
      { onSuccess: () => notifySuccess(t(`screening:decide.done.${result}`)) },
    );
  const answered = s.items.filter((i) => i.answer).length;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('screening:detail.title', {
              version: s.guidelineVersion,
              title: pick(f.locale, s.guidelineTitleJa, s.guidelineTitleEn),
            })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('screening:detail.started', { date: f.dateTime(s.createdAt), name: s.startedBy?.name ?? '—' })}
          </Text>
          {s.decidedAt && (
            <Text size="sm">
              {t('screening:detail.decided', {
                date: f.dateTime(s.decidedAt),
                name: s.decidedBy?.name ?? '—',
              })}
            </Text>
          )}
          {s.nextDueOn && (
            <Text size="sm">{t('screening:detail.nextDue', { date: f.date(s.nextDueOn) })}</Text>
          )}
        </Stack>
        <Badge size="lg" color={STATUS_COLOR[s.status]} variant="light" c="dark.7">
          {t(`screening:status.${s.status}`)}
        </Badge>
      </Group>
      {s.notes && (
        <Alert color={s.status === 'failed' ? 'red' : 'gray'} title={t('screening:decide.notes')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</Text>
        </Alert>
      )}
      {s.status === 'draft' && (
        <Stack gap={4}>
          <Text size="sm">{t('screening:detail.progress', { answered, total: s.items.length })}</Text>
          <Progress
            value={s.items.length ? (answered / s.items.length) * 100 : 0}
            aria-label={t('screening:detail.progressLabel')}
          />
        </Stack>
      )}
      {s.items.map((item, i) => (
        <AnswerEditor
          key={`${item.criterion.id}:${item.answer?.updatedAt ?? ''}`}
          screeningId={s.id}
          item={item}
          n={i + 1}
          editable={editable}
          problem={problems[item.criterion.code]}
        />
      ))}
      {editable && (
        <Paper withBorder p="md" component="section" aria-labelledby="screening-decide">
          <Title order={3} size="h5" id="screening-decide" mb="xs">
            {t('screening:decide.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {s.canPass
              ? t('screening:decide.ready', { months: s.validityMonths })
              : t('screening:decide.notReady')}
          </Text>
          <Stack>
            <FormError error={decide.error} />
            <Textarea
              label={t('screening:decide.notes')}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="space-between">
              <ConfirmButton
                variant="default"
                label={t('screening:decide.discard')}
                title={t('screening:decide.discard')}
                message={t('screening:decide.discardConfirm')}
                confirmLabel={t('screening:decide.discard')}
                loading={discard.isPending}
                onConfirm={() => discard.mutateAsync().then(onDiscarded, notifyError)}
              />
              <Group>
                <Button
                  color="red.9"
                  variant="outline"
                  onClick={() => run('failed')}
                  loading={decide.isPending}
                >
                  {t('screening:decide.fail')}
                </Button>
                <Button color="teal.9" onClick={() => run('passed')} loading={decide.isPending}>
                  {t('screening:decide.pass')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
