import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Typography,
} from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconSettings } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { DonateForm } from '../donations/donate-form';
import { CampaignStatusBadge, FundTypeBadge } from './campaign-badges';
import { CampaignFacts } from './campaign-facts';
import { CampaignChart, CampaignStats } from './campaign-progress';
import { type Campaign, campaignTitle, textIn, useCampaign } from './campaigns.api';
import { CompanyDonationsTable } from './company-donations-table';

/**
 * One campaign: its story in the reader's language (or the other one, said so), beneficiaries, the
 * live progress read from the ledger (refreshed every 10 seconds) and the donation form.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const item = useCampaign(id, true);
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link to="/giving/campaigns" {...props} />}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('campaigns:detail.back')}
        </Group>
      </Anchor>
      {item.isError && !item.data ? (
        <>
          <PageHeader title={t('campaigns:detail.notFound')} />
          <LoadError error={item.error} onRetry={() => item.refetch()} />
        </>
      ) : (
        <QueryState query={item}>{(c) => <CampaignBody c={c} />}</QueryState>
      )}
    </>
  );
}

function CampaignBody({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const f = useFormat();
  const story = textIn(f.locale, c.storyJa, c.storyEn);
  const other = t(`campaigns:language.${f.locale === 'ja' ? 'en' : 'ja'}`);
  const notice =
    c.status === 'draft'
      ? t('campaigns:detail.draft')
      : c.status === 'closed'
        ? t('campaigns:detail.closed')
        : null;
  return (
    <>
      <PageHeader
        title={campaignTitle(f.locale, c)}
        description={t('campaigns:detail.runBy', {
          company: f.locale === 'ja' ? c.companyNameJa : c.companyNameEn,
          from: f.date(c.startsOn),
          to: f.date(c.endsOn),
        })}
        actions={
          c.canManage && (
            <Button
              variant="default"
              leftSection={<IconSettings size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/giving/campaigns/manage" {...props} />}
            >
              {t('campaigns:nav.manage')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Group gap={6}>
          <CampaignStatusBadge status={c.status} />
          <FundTypeBadge fundType={c.fundType} />
          <Badge variant="outline" color="gray.7" c="dark.7">
            {t(`campaigns:kind.${c.kind}`)}
          </Badge>
        </Group>
        {notice && (
          <Alert color={c.status === 'closed' ? 'indigo' : 'blue'} icon={<IconInfoCircle aria-hidden />}>
            {notice}
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Paper withBorder p="md" component="section" aria-labelledby="campaign-story">
                <Title order={2} size="h4" id="campaign-story" mb="sm">
                  {t('campaigns:detail.story')}
                </Title>
                {story.fallback && story.text && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('campaigns:detail.fallback', { language: other })}
                  </Text>
                )}
                <Typography>
                  <Text
                    style={{ whiteSpace: 'pre-wrap' }}
                    lang={story.fallback ? (f.locale === 'ja' ? 'en' : 'ja') : undefined}
                  >
                    {story.text || t('campaigns:detail.noStory')}
                  </Text>
                </Typography>
                <Text size="xs" c="dimmed" mt="sm">
                  {t(`campaigns:fundTypeHelp.${c.fundType}`)}
                </Text>
              </Paper>
              <CampaignStats totals={c.totals} />
              <CampaignChart totals={c.totals} />
              {c.canManage && <CompanyDonationsTable campaign={c} />}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              {c.status === 'open' && <DonateForm campaign={c} />}
              <CampaignFacts c={c} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
