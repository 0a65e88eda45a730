import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { useMyBalance } from '../points/points.api';
import { useDonationAmount } from './donation-badges';
import { type DonationResult, recipientOf } from './donations.api';

/** What the donor sees once a donation went through: what was given, the match, the points left. */
export function DonateThanks({ result, onAgain }: { result: DonationResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const amountOf = useDonationAmount();
  const balance = useMyBalance();
  const d = result.donation;
  const year = balance.data?.items.find((y) => y.fiscalYear === d.fiscalYear);
  const to = recipientOf(f.locale, d).organisation;
  return (
    <Stack gap="sm">
      <Alert color="teal" title={t('donations:form.thanks')} role="status">
        <Stack gap={4}>
          <Text size="sm">
            {d.kind === 'points'
              ? t('donations:form.givenPoints', { amount: amountOf(d), organisation: to })
              : t('donations:form.pledged', { amount: amountOf(d), organisation: to })}
          </Text>
          {d.matchJpy > 0 && (
            <Text size="sm">{t('donations:form.matched', { yen: f.money(d.matchJpy, 'JPY') })}</Text>
          )}
          {d.kind === 'points' && year && (
            <Text size="sm" fw={700}>
              {t('donations:form.newBalance', { points: f.number(year.balance) })}
            </Text>
          )}
        </Stack>
      </Alert>
      <Group justify="space-between">
        <Anchor component={Link} to="/giving/donations" size="sm">
          {t('donations:form.history')}
        </Anchor>
        <Button variant="light" onClick={onAgain}>
          {t('donations:form.again')}
        </Button>
      </Group>
    </Stack>
  );
}
