import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { useYen } from './campaign-badges';
import { type Campaign, partnerName } from './campaigns.api';

/** Who receives the money, how people can give, and the company's matching rule. */
export function CampaignFacts({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const f = useFormat();
  const yen = useYen();
  const ways = [
    c.acceptsPoints && t('campaigns:facts.points'),
    c.acceptsMoney && t('campaigns:facts.money'),
  ].filter(Boolean);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="campaign-beneficiaries">
        <Title order={2} size="h4" id="campaign-beneficiaries" mb="sm">
          {t('campaigns:facts.beneficiaries')}
        </Title>
        {c.beneficiaries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('campaigns:facts.noBeneficiaries')}
          </Text>
        ) : (
          <List spacing="xs" listStyleType="none" ml={0}>
            {c.beneficiaries.map((b) => (
              <List.Item key={b.partnerId}>
                <Stack gap={2}>
                  <Group gap={6}>
                    {b.website ? (
                      <Anchor href={b.website} target="_blank" rel="noreferrer" fw={600} size="sm">
                        {partnerName(f.locale, b)}
                      </Anchor>
                    ) : (
                      <Text fw={600} size="sm">
                        {partnerName(f.locale, b)}
                      </Text>
                    )}
                    {b.position === 1 && c.beneficiaries.length > 1 && (
                      <Badge size="xs" variant="light" color="gray" c="dark.7">
                        {t('campaigns:facts.primary')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t(`campaigns:partnerKind.${b.kind}`)}
                    {(!b.eligible || b.status === 'closed') && ` · ${t('campaigns:facts.notReceiving')}`}
                  </Text>
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="campaign-facts">
        <Title order={2} size="h4" id="campaign-facts" mb="sm">
          {t('campaigns:facts.title')}
        </Title>
        <Stack gap="xs">
          <Fact label={t('campaigns:facts.dates')}>
            {t('campaigns:dates', { from: f.date(c.startsOn), to: f.date(c.endsOn) })}
          </Fact>
          <Fact label={t('campaigns:facts.goal')}>
            {c.goalJpy ? yen(c.goalJpy) : t('campaigns:facts.noGoal')}
          </Fact>
          <Fact label={t('campaigns:facts.ways')}>{ways.join(t('campaigns:facts.and'))}</Fact>
          <Fact label={t('campaigns:facts.matching')}>
            {c.matchRatioPercent
              ? [
                  t('campaigns:facts.matchRatio', { percent: f.number(c.matchRatioPercent) }),
                  c.matchCapPerEmployeeJpy &&
                    t('campaigns:facts.matchCapEmployee', { amount: yen(c.matchCapPerEmployeeJpy) }),
                  c.matchCapPerCampaignJpy &&
                    t('campaigns:facts.matchCapCampaign', { amount: yen(c.matchCapPerCampaignJpy) }),
                ]
                  .filter(Boolean)
                  .join(' ')
              : t('campaigns:facts.noMatching')}
          </Fact>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
