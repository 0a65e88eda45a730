import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { useDue } from './screening.api';
import { pick } from './screening-text';

/** The home page's card for screeners: partners whose re-screening is overdue or due within 60 days. */
export function ScreeningDueCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const due = useDue(60);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="home-screening-due">
      <Group gap="xs" mb="sm">
        <IconClipboardCheck size={24} aria-hidden color="var(--mantine-color-indigo-8)" />
        <Title order={2} size="h4" id="home-screening-due">
          {t('screening:due.title')}
        </Title>
      </Group>
      <QueryState
        query={due}
        isEmpty={(d) => d.items.length === 0}
        empty={<Text c="dimmed">{t('screening:due.none')}</Text>}
      >
        {(d) => (
          <Stack gap="xs">
            <Text size="sm">{t('screening:due.summary', { overdue: d.overdue, soon: d.dueSoon })}</Text>
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {d.items.map((i) => (
                <Group key={i.partnerId} component="li" justify="space-between" wrap="nowrap">
                  <Anchor
                    renderRoot={(props) => (
                      <Link to="/partners/$id/screening" params={{ id: i.partnerId }} {...props} />
                    )}
                  >
                    {pick(f.locale, i.partnerNameJa, i.partnerNameEn)}
                  </Anchor>
                  <Group gap={6} wrap="nowrap">
                    {i.draftId && (
                      <Badge variant="outline" color="gray.8">
                        {t('screening:due.inProgress')}
                      </Badge>
                    )}
                    <Badge variant="light" color={i.state === 'overdue' ? 'red' : 'yellow'} c="dark.7">
                      {i.state === 'overdue'
                        ? t('screening:due.overdueSince', { date: f.date(i.nextDueOn) })
                        : t('screening:due.dueOn', { date: f.date(i.nextDueOn) })}
                    </Badge>
                  </Group>
                </Group>
              ))}
            </Stack>
            {d.total > d.items.length && (
              <Text size="sm" c="dimmed">
                {t('screening:due.more', { count: d.total - d.items.length })}
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
