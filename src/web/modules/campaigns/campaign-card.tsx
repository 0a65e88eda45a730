import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconHeartHandshake } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { CampaignStatusBadge, FundTypeBadge, GoalProgress } from './campaign-badges';
import { type Campaign, campaignTitle, partnerName, textIn } from './campaigns.api';

/** One campaign in the list: title, fund type, dates, beneficiaries and the progress towards its goal. */
export function CampaignCard({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = campaignTitle(f.locale, c);
  const story = textIn(f.locale, c.storyJa, c.storyEn).text;
  return (
    <Card withBorder padding="md" component="article" aria-label={title}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor
            fw={700}
            renderRoot={(props) => <Link to="/giving/campaigns/$id" params={{ id: c.id }} {...props} />}
          >
            {title}
          </Anchor>
          {c.status !== 'open' && <CampaignStatusBadge status={c.status} />}
        </Group>
        <Group gap={6}>
          <FundTypeBadge fundType={c.fundType} />
          <Badge variant="outline" color="gray.7" c="dark.7">
            {t(`campaigns:kind.${c.kind}`)}
          </Badge>
          {c.matchRatioPercent && (
            <Badge variant="light" color="grape" c="dark.7">
              {t('campaigns:card.matched', { percent: f.number(c.matchRatioPercent) })}
            </Badge>
          )}
        </Group>
        {story && (
          <Text size="sm" lineClamp={3}>
            {story}
          </Text>
        )}
        <Group gap={6} wrap="nowrap">
          <IconCalendarEvent size={16} aria-hidden />
          <Text size="sm">{t('campaigns:dates', { from: f.date(c.startsOn), to: f.date(c.endsOn) })}</Text>
        </Group>
        {c.beneficiaries.length > 0 && (
          <Group gap={6} wrap="nowrap">
            <IconHeartHandshake size={16} aria-hidden />
            <Text size="sm">{c.beneficiaries.map((b) => partnerName(f.locale, b)).join('、')}</Text>
          </Group>
        )}
        <Stack mt="auto" gap={4}>
          <GoalProgress totals={c.totals} size="sm" />
        </Stack>
      </Stack>
    </Card>
  );
}
