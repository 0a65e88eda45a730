import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Text, Title, Typography } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { FieldBadge, ModeBadge, OpportunityStatusBadge } from './opportunity-badges';
import { OpportunityActions } from './opportunity-actions';
import { OpportunityFacts } from './opportunity-facts';
import { type Opportunity, textIn, titleOf, useOpportunity } from './opportunities.api';
import { type Overlap, ShiftsTable } from './shifts-table';

/**
 * One opportunity: its description in the UI language (or the other one, said so), the facts, and its
 * shifts in the opportunity's time zone with seats left, the caller's sign-up and a one-click sign-up.
 */
export function OpportunityPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const item = useOpportunity(id);
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link to="/opportunities" {...props} />}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('opportunities:detail.back')}
        </Group>
      </Anchor>
      {item.isError ? (
        <>
          <PageHeader title={t('opportunities:detail.notFound')} />
          <LoadError error={item.error} onRetry={() => item.refetch()} />
        </>
      ) : (
        <QueryState query={item}>{(o) => <OpportunityBody o={o} />}</QueryState>
      )}
    </>
  );
}

function OpportunityBody({ o }: { o: Opportunity }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [overlaps, setOverlaps] = useState<Overlap[]>([]);
  const description = textIn(f.locale, o.descriptionJa, o.descriptionEn);
  const titleFallback = textIn(f.locale, o.titleJa, o.titleEn).fallback;
  const other = t(`opportunities:language.${f.locale === 'ja' ? 'en' : 'ja'}`);
  const notice =
    o.status === 'draft'
      ? t('opportunities:detail.draft')
      : o.status === 'cancelled'
        ? t('opportunities:detail.cancelledNotice')
        : o.status === 'completed'
          ? t('opportunities:detail.completedNotice')
          : null;
  return (
    <>
      <PageHeader
        title={titleOf(f.locale, o)}
        description={o.organiser}
        actions={o.canManage && <OpportunityActions o={o} />}
      />
      <Stack gap="lg">
        <Group gap={6}>
          <OpportunityStatusBadge status={o.status} />
          <FieldBadge field={o.field} />
          <ModeBadge mode={o.mode} />
          {o.sdgs.map((n) => (
            <Badge key={n} variant="outline" color="gray.7" c="dark.7">
              SDG {n}
            </Badge>
          ))}
        </Group>
        {notice && (
          <Alert color={o.status === 'cancelled' ? 'red' : 'blue'} icon={<IconInfoCircle aria-hidden />}>
            {notice}
          </Alert>
        )}
        {overlaps.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {t('opportunities:detail.overlap', {
              titles: overlaps.map((x) => `${titleOf(f.locale, x)} (${f.dateTime(x.startsAt)})`).join(', '),
            })}
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Paper withBorder p="md" component="section" aria-labelledby="opportunity-about">
                <Title order={2} size="h4" id="opportunity-about" mb="sm">
                  {t('opportunities:detail.about')}
                </Title>
                {(description.fallback || titleFallback) && description.text && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('opportunities:detail.fallback', { language: other })}
                  </Text>
                )}
                <Typography>
                  <Text
                    style={{ whiteSpace: 'pre-wrap' }}
                    lang={description.fallback ? (f.locale === 'ja' ? 'en' : 'ja') : undefined}
                  >
                    {description.text || t('opportunities:detail.noDescription')}
                  </Text>
                </Typography>
              </Paper>
              <ShiftsTable o={o} onOverlaps={setOverlaps} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <OpportunityFacts o={o} />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
