import { Badge, Button, Grid, Group, Paper, Select, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconClipboardCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty } from '../../components/data-table';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { DECISION_COLOURS, type Review, useCreateReview, useReview, useReviews } from './evaluation.api';
import { useFiscalYears } from './evaluation.format';
import { EvidencePanel } from './evidence-panel';
import { ReviewForm } from './review-form';
import { ReviewSummary } from './review-summary';

/** A program's reviews: the timeline (newest first), a way to start one, and the open review beside it. */
export function ReviewsTab({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const reviews = useReviews(programId);
  const years = useFiscalYears();
  const [openId, setOpenId] = useState<string | null>(null);
  const [fiscalYear, setFiscalYear] = useState(String(years.current - 1));
  const create = useCreateReview();
  const draft = reviews.data?.items.find((r) => r.status === 'draft');
  const start = () =>
    create.mutate(
      { programId, fiscalYear: Number(fiscalYear) },
      {
        onSuccess: (r) => {
          notifySuccess(t('evaluation:reviews.started'));
          if (r) setOpenId(r.id);
        },
        onError: notifyError,
      },
    );
  const yearOptions = Array.from({ length: 6 }, (_, i) => years.current - i).map((fy) => ({
    value: String(fy),
    label: years.label(fy),
  }));
  return (
    <Stack>
      {can('programs.review') && !draft && reviews.isSuccess && (
        <Group align="flex-end">
          <Select
            label={t('evaluation:reviews.fiscalYear')}
            data={yearOptions}
            value={fiscalYear}
            allowDeselect={false}
            onChange={(v) => v && setFiscalYear(v)}
            w={200}
          />
          <Button
            leftSection={<IconClipboardCheck size={16} aria-hidden />}
            onClick={start}
            loading={create.isPending}
          >
            {t('evaluation:reviews.start')}
          </Button>
        </Group>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: openId ? 4 : 12 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="review-timeline">
            <Title order={2} size="h4" id="review-timeline" mb="md">
              {t('evaluation:reviews.timeline')}
            </Title>
            <QueryState
              query={reviews}
              isEmpty={(page) => page.items.length === 0}
              empty={
                <Empty
                  title={t('evaluation:reviews.empty')}
                  description={t('evaluation:reviews.emptyText')}
                />
              }
            >
              {(page) => <ReviewTimeline items={page.items} openId={openId} onOpen={setOpenId} />}
            </QueryState>
          </Paper>
        </Grid.Col>
        {openId && (
          <Grid.Col span={{ base: 12, md: 8 }}>
            <OpenReview id={openId} onClose={() => setOpenId(null)} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

function ReviewTimeline({
  items,
  openId,
  onOpen,
}: {
  items: Review[];
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const active = items.findIndex((r) => r.id === openId);
  return (
    <Timeline active={active} bulletSize={22} lineWidth={2} aria-label={t('evaluation:reviews.timeline')}>
      {items.map((r) => (
        <Timeline.Item
          key={r.id}
          bullet={r.status === 'draft' ? <IconPencil size={12} aria-hidden /> : undefined}
          title={
            <Group gap="xs">
              <Text fw={700}>{r.fiscalYearLabel}</Text>
              {r.decision && r.status === 'final' ? (
                <Badge color={DECISION_COLOURS[r.decision]}>{t(`evaluation:decision.${r.decision}`)}</Badge>
              ) : (
                <Badge variant="outline" color="gray.8">
                  {t(`evaluation:status.${r.status}`)}
                </Badge>
              )}
            </Group>
          }
        >
          <Text size="sm" c="dimmed">
            {r.reviewedOn ? f.date(r.reviewedOn) : t('evaluation:reviews.draftOpen')}
            {r.averageScore !== null && ` · ${t('evaluation:reviews.average', { score: r.averageScore })}`}
          </Text>
          {r.status === 'final' && (
            <Text size="sm">
              {t('evaluation:reviews.nextReviewOn')}:{' '}
              {r.nextReviewOn ? f.date(r.nextReviewOn) : t('evaluation:reviews.noNext')}
            </Text>
          )}
          <Button variant="subtle" size="compact-sm" px={0} onClick={() => onOpen(r.id)}>
            {r.status === 'draft'
              ? t('evaluation:reviews.continueDraft', { year: r.fiscalYearLabel })
              : t('evaluation:reviews.open', { year: r.fiscalYearLabel })}
          </Button>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function OpenReview({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const review = useReview(id);
  return (
    <QueryState query={review}>
      {(r) => (
        <Stack>
          <Group justify="flex-end">
            <Button variant="default" size="xs" onClick={onClose}>
              {t('evaluation:reviews.close')}
            </Button>
          </Group>
          <EvidencePanel
            evidence={r.evidence}
            stored={r.evidenceStored}
            yearLabel={r.fiscalYearLabel}
            finalisedAt={r.finalisedAt}
          />
          {r.status === 'draft' && can('programs.review') ? (
            <ReviewForm key={r.id} review={r} onClosed={onClose} />
          ) : (
            <ReviewSummary
              review={r}
              note={r.status === 'final' ? t('evaluation:form.readOnly') : t('evaluation:form.cannotReview')}
            />
          )}
        </Stack>
      )}
    </QueryState>
  );
}
