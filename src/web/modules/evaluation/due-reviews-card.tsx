import { Anchor, Badge, Card, Group, List, Text, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback';
import { programName } from '../programs/programs.api';
import { type DueReview, useDueReviews } from './evaluation.api';
import { useLocale } from './evaluation.format';

const SHOWN = 6;

/** The home page's card for reviewers: programs never reviewed or past their next review date. */
export function DueReviewsCard() {
  const { t } = useTranslation();
  const due = useDueReviews();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="due-reviews-title">
      <Group gap="xs" mb="sm">
        <IconClipboardCheck size={22} aria-hidden color="var(--mantine-color-indigo-8)" />
        <Title order={2} size="h4" id="due-reviews-title">
          {t('evaluation:due.title')}
        </Title>
      </Group>
      <QueryState
        query={due}
        isEmpty={(d) => d.items.length === 0}
        empty={<Text size="sm">{t('evaluation:due.empty')}</Text>}
      >
        {(d) => (
          <>
            <List spacing="xs" listStyleType="none" aria-label={t('evaluation:due.label')}>
              {d.items.slice(0, SHOWN).map((item) => (
                <DueItem key={item.programId} item={item} />
              ))}
            </List>
            {d.total > SHOWN && (
              <Text size="sm" c="dimmed" mt="xs">
                {t('evaluation:due.more', { count: d.total - SHOWN })}
              </Text>
            )}
          </>
        )}
      </QueryState>
    </Card>
  );
}

function DueItem({ item }: { item: DueReview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const days = item.daysOverdue;
  const status =
    days === null
      ? t('evaluation:due.never')
      : days > 0
        ? t('evaluation:due.overdue', { days })
        : days === 0
          ? t('evaluation:due.dueToday')
          : t('evaluation:due.dueIn', { days: -days });
  return (
    <List.Item>
      <Group gap="xs" wrap="nowrap">
        <Anchor
          renderRoot={(props) => <Link to="/programs/$id" params={{ id: item.programId }} {...props} />}
        >
          {programName(locale, item)}
        </Anchor>
        <Badge
          variant="light"
          color={days === null || days > 0 ? 'red' : 'orange'}
          c={days === null || days > 0 ? 'red.9' : 'orange.9'}
        >
          {status}
        </Badge>
        {item.hasDraft && (
          <Badge variant="outline" color="gray.8">
            {t('evaluation:due.draft')}
          </Badge>
        )}
      </Group>
    </List.Item>
  );
}
