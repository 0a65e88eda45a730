import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { LoadError, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { PartnerAgreements } from '../agreements/partner-agreements';
import { PartnerScreenings } from '../screening/partner-screenings';
import { PartnerContacts } from './partner-contacts';
import { PartnerForm } from './partner-form';
import { EligibilityBadge, nameOf } from './partners-page';
import { type Partner, usePartner } from './partners.api';

/** One organisation: overview (identifiers, eligibility, address, fields), contacts and agreements. */
export function PartnerPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const item = usePartner(id);
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link to="/partners" {...props} />}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('partners:detail.back')}
        </Group>
      </Anchor>
      {item.isError && !item.data ? (
        <>
          <PageHeader title={t('partners:detail.notFound')} />
          <LoadError error={item.error} onRetry={() => item.refetch()} />
        </>
      ) : (
        <QueryState query={item}>{(p) => <PartnerBody p={p} />}</QueryState>
      )}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** A text in the reader's language, or the other one marked as such. */
function Localised({ ja, en }: { ja: string | null; en: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const own = f.locale === 'ja' ? ja : en;
  const other = f.locale === 'ja' ? en : ja;
  if (!own && !other) return <Text size="sm">{t('partners:detail.none')}</Text>;
  return (
    <Text
      size="sm"
      lang={own ? f.locale : f.locale === 'ja' ? 'en' : 'ja'}
      style={{ whiteSpace: 'pre-wrap' }}
    >
      {own ?? other}
    </Text>
  );
}

function PartnerBody({ p }: { p: Partner }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('partners.manage');
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string | null>('overview');
  const eligibility =
    p.status === 'closed'
      ? t('partners:detail.closed')
      : p.eligible && p.eligibleUntil
        ? t('partners:detail.eligibleThrough', { date: f.date(p.eligibleUntil) })
        : t('partners:detail.notEligible');
  return (
    <>
      <PageHeader
        title={nameOf(f.locale, p)}
        description={`${p.code} · ${t(`partners:kind.${p.kind}`)}`}
        actions={
          canManage && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('partners:detail.edit')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('partners:detail.overview')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('partners:detail.contacts')}</Tabs.Tab>
          <Tabs.Tab value="agreements">{t('partners:detail.agreements')}</Tabs.Tab>
          <Tabs.Tab value="screening">{t('screening:partner.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Stack>
            <Alert
              variant="light"
              color={p.eligible ? 'teal' : 'yellow'}
              icon={<IconInfoCircle size={16} aria-hidden />}
            >
              <Group gap="sm">
                <EligibilityBadge p={p} />
                <Text size="sm">{eligibility}</Text>
              </Group>
            </Alert>
            <Paper withBorder p="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
                <Fact label={t('campaigns:partners.nameJa')}>
                  <Text size="sm" lang="ja">
                    {p.nameJa ?? t('partners:detail.none')}
                  </Text>
                </Fact>
                <Fact label={t('campaigns:partners.nameEn')}>
                  <Text size="sm" lang="en">
                    {p.nameEn ?? t('partners:detail.none')}
                  </Text>
                </Fact>
                <Fact label={t('campaigns:partners.status')}>
                  <Text size="sm">{t(`campaigns:partnerStatus.${p.status}`)}</Text>
                </Fact>
                <Fact label={t('campaigns:partners.corporateNumber')}>
                  <Text size="sm" ff="monospace">
                    {p.corporateNumber ?? t('partners:detail.none')}
                  </Text>
                </Fact>
                <Fact label={t('partners:form.localGovCode')}>
                  <Text size="sm" ff="monospace">
                    {p.localGovCode ?? t('partners:detail.none')}
                  </Text>
                </Fact>
                <Fact label={t('partners:detail.website')}>
                  {p.website ? (
                    <Anchor href={p.website} target="_blank" rel="noreferrer" size="sm">
                      {p.website}
                    </Anchor>
                  ) : (
                    <Text size="sm">{t('partners:detail.none')}</Text>
                  )}
                </Fact>
                <Fact label={t('partners:detail.address')}>
                  {p.postalCode && <Text size="sm">〒{p.postalCode}</Text>}
                  <Localised ja={p.addressJa} en={p.addressEn} />
                </Fact>
                <Fact label={t('partners:form.fields')}>
                  <Text size="sm">
                    {p.fields.length
                      ? p.fields.map((x) => t(`field.${x}`)).join(f.locale === 'ja' ? '、' : ', ')
                      : t('partners:detail.none')}
                  </Text>
                </Fact>
                <Fact label={t('campaigns:partners.campaigns')}>
                  <Text size="sm">{f.number(p.campaignCount)}</Text>
                </Fact>
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="md">
              <Fact label={t('partners:detail.description')}>
                <Localised ja={p.descriptionJa} en={p.descriptionEn} />
              </Fact>
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <PartnerContacts partnerId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="agreements">
          <PartnerAgreements partnerId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="screening">
          <PartnerScreenings partnerId={p.id} />
        </Tabs.Panel>
      </Tabs>
      {editing && <PartnerForm partner={p} onClose={() => setEditing(false)} />}
    </>
  );
}
