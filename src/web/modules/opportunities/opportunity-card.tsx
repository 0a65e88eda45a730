import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconMapPin, IconUsers, IconWorld } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { FieldBadge, ModeBadge, OpportunityStatusBadge, datesOf, placeOf } from './opportunity-badges';
import { type OpportunitySummary, titleOf } from './opportunities.api';
import { formatDayInZone } from './zoned-time';

/** One opportunity in a result list: title, field, when, where, seats left and why it is recommended. */
export function OpportunityCard({ o }: { o: OpportunitySummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = titleOf(f.locale, o);
  const place = placeOf(o, f.locale);
  const upcoming = o.status === 'published' && !!o.lastEndsAt && new Date(o.lastEndsAt) > new Date();
  return (
    <Card withBorder padding="md" component="article" aria-label={title}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor
            fw={700}
            renderRoot={(props) => <Link to="/opportunities/$id" params={{ id: o.id }} {...props} />}
          >
            {title}
          </Anchor>
          {o.status !== 'published' && <OpportunityStatusBadge status={o.status} />}
        </Group>
        <Group gap={6}>
          <FieldBadge field={o.field} />
          <ModeBadge mode={o.mode} />
          {o.sdgs.slice(0, 3).map((n) => (
            <Badge key={n} variant="outline" color="gray.7" c="dark.7">
              SDG {n}
            </Badge>
          ))}
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconCalendarEvent size={16} aria-hidden />
          <Text size="sm">{datesOf(o, f.locale)}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          {o.mode === 'online' ? <IconWorld size={16} aria-hidden /> : <IconMapPin size={16} aria-hidden />}
          <Text size="sm">
            {o.mode === 'online'
              ? t('opportunities:mode.online')
              : [place, o.companyCode].filter(Boolean).join(' · ')}
          </Text>
        </Group>
        {upcoming && (
          <Group gap={6} wrap="nowrap">
            <IconUsers size={16} aria-hidden />
            <Text size="sm" fw={600}>
              {o.seatsLeft > 0
                ? t('opportunities:list.seatsLeft', { count: o.seatsLeft })
                : t('opportunities:list.full')}
            </Text>
            {o.shiftCount > 1 && (
              <Text size="sm" c="dimmed">
                {t('opportunities:list.shifts', { count: o.shiftCount })}
              </Text>
            )}
          </Group>
        )}
        {upcoming && o.signupDeadline && (
          <Text size="xs" c="dimmed">
            {t('opportunities:list.signUpBy', {
              date: formatDayInZone(o.signupDeadline, o.timeZone, f.locale),
            })}
          </Text>
        )}
        {o.reasons && o.reasons.length > 0 && (
          <Group gap={4} mt="auto">
            <Text size="xs" c="dimmed">
              {t('opportunities:list.whyRecommended')}:
            </Text>
            {o.reasons.map((r) => (
              <Badge key={r} size="sm" variant="light" color="grape" c="dark.7">
                {t(`opportunities:reason.${r}`)}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
