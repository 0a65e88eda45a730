import {
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../api/client';
import { useCan } from '../../api/session';
import { FormError } from '../../components/feedback';
import { currencyDigits, useFormat } from '../../i18n';
import type { Campaign } from '../campaigns/campaigns.api';
import { useMyBalance } from '../points/points.api';
import { DonateThanks } from './donate-thanks';
import { type DonationResult, recipientOf, useDonate } from './donations.api';

/** Currencies a pledge may be made in; others than yen need finance's rate for the year. */
const CURRENCIES = ['JPY', 'USD', 'EUR', 'GBP', 'AUD', 'CNY', 'THB', 'INR'];

type Way = 'points' | 'money';

/**
 * Donating to a campaign: points (paid at once from this fiscal year's points) or a money pledge
 * (paid by payroll or the payment provider), to the campaign's first beneficiary or another one.
 * One idempotency key per form: a retry after a lost answer cannot give twice; after a refusal the
 * server stored nothing, so the corrected request gets a fresh key.
 */
export function DonateForm({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const can = useCan();
  const [done, setDone] = useState<DonationResult | null>(null);
  const [round, setRound] = useState(0);
  if (!can('giving.join')) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="donate-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconHeartHandshake size={20} aria-hidden />
          <Title order={2} size="h4" id="donate-title">
            {t('donations:form.title')}
          </Title>
        </Group>
        {done ? (
          <DonateThanks
            result={done}
            onAgain={() => {
              setDone(null);
              setRound((r) => r + 1);
            }}
          />
        ) : (
          <Fields key={round} campaign={campaign} onDone={setDone} />
        )}
      </Stack>
    </Paper>
  );
}

function Fields({ campaign, onDone }: { campaign: Campaign; onDone: (r: DonationResult) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const balance = useMyBalance();
  const donate = useDonate();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const ways: Way[] = [
    ...(campaign.acceptsPoints ? ['points' as const] : []),
    ...(campaign.acceptsMoney ? ['money' as const] : []),
  ];
  const [way, setWay] = useState<Way>(ways[0] ?? 'points');
  const [points, setPoints] = useState<number | string>('');
  const [amount, setAmount] = useState<number | string>('');
  const [currency, setCurrency] = useState('JPY');
  const [method, setMethod] = useState<'payroll' | 'provider'>('payroll');
  const recipients = campaign.beneficiaries.filter((b) => b.eligible && b.status === 'active');
  const [partnerId, setPartnerId] = useState<string | null>(recipients[0]?.partnerId ?? null);
  const year = balance.data?.items.find((y) => y.fiscalYear === balance.data?.currentFiscalYear);
  const available = year?.balance ?? 0;
  const pointValue = balance.data?.pointValueJpy ?? 0;
  const errors = fieldErrors(donate.error);
  const digits = currencyDigits(currency);

  const submit = () => {
    const target = {
      campaignId: campaign.id,
      ...(partnerId && partnerId !== recipients[0]?.partnerId ? { organisationId: partnerId } : {}),
      idempotencyKey: key,
    };
    const body =
      way === 'points'
        ? { ...target, points: Number(points) }
        : { ...target, amountMinor: Math.round(Number(amount) * 10 ** digits), currency, method };
    donate.mutate(body, {
      onSuccess: onDone,
      onError: (error) => {
        // Refused (4xx): nothing was stored, the next attempt is a new request. Otherwise the first
        // one may have been kept: the same key makes a retry answer it instead of giving twice.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500)
          setKey(crypto.randomUUID());
      },
    });
  };
  const ready =
    !!partnerId &&
    (way === 'points' ? Number(points) >= 1 && Number(points) <= available : Number(amount) > 0);

  if (ways.length === 0 || recipients.length === 0)
    return <Text c="dimmed">{t('donations:form.unavailable')}</Text>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !donate.isPending) submit();
      }}
    >
      <Stack gap="sm">
        {ways.length > 1 && (
          <SegmentedControl
            aria-label={t('donations:form.way')}
            value={way}
            onChange={(v) => setWay(v as Way)}
            data={ways.map((w) => ({ value: w, label: t(`donations:kind.${w}`) }))}
            fullWidth
          />
        )}
        {recipients.length > 1 && (
          <Select
            label={t('donations:form.recipient')}
            description={t('donations:form.recipientHelp')}
            data={recipients.map((b) => ({
              value: b.partnerId,
              label: recipientOf(f.locale, { campaign: null, partner: b }).organisation,
            }))}
            value={partnerId}
            onChange={setPartnerId}
            allowDeselect={false}
            error={errors.organisationId}
          />
        )}
        {way === 'points' ? (
          <>
            {balance.isError ? (
              <FormError error={balance.error} />
            ) : (
              <Text size="sm" aria-live="polite">
                {year
                  ? t('donations:form.balance', {
                      points: f.number(available),
                      year: year.label,
                      date: f.date(year.expiresOn),
                    })
                  : t('common.loading')}
              </Text>
            )}
            <NumberInput
              label={t('donations:form.points')}
              value={points}
              onChange={setPoints}
              min={1}
              max={available || undefined}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              error={
                errors.points ??
                (Number(points) > available && year ? t('donations:form.overBalance') : undefined)
              }
              description={
                Number(points) > 0 && pointValue
                  ? t('donations:form.worth', { yen: f.money(Number(points) * pointValue, 'JPY') })
                  : undefined
              }
            />
          </>
        ) : (
          <>
            <Group grow align="flex-start">
              <NumberInput
                label={t('donations:form.amount')}
                value={amount}
                onChange={setAmount}
                min={0}
                decimalScale={digits}
                allowNegative={false}
                thousandSeparator=","
                error={errors.amountMinor}
              />
              <Select
                label={t('donations:form.currency')}
                data={CURRENCIES.map((c) => ({ value: c, label: `${c} · ${f.currency(c)}` }))}
                value={currency}
                onChange={(v) => v && setCurrency(v)}
                allowDeselect={false}
                error={errors.currency}
              />
            </Group>
            <Radio.Group
              label={t('donations:form.method')}
              value={method}
              onChange={(v) => setMethod(v as 'payroll' | 'provider')}
            >
              <Stack gap={6} mt={6}>
                <Radio value="payroll" label={t('donations:method.payroll')} />
                <Radio value="provider" label={t('donations:method.provider')} />
              </Stack>
            </Radio.Group>
            <Text size="xs" c="dimmed">
              {t('donations:form.pledgeHelp')}
            </Text>
          </>
        )}
        {campaign.matchRatioPercent && (
          <Text size="xs" c="dimmed">
            {t('donations:form.match', { ratio: f.number(campaign.matchRatioPercent) })}
          </Text>
        )}
        {donate.error && !Object.keys(errors).length ? <FormError error={donate.error} /> : null}
        <Button type="submit" loading={donate.isPending} disabled={!ready}>
          {way === 'points' ? t('donations:form.submitPoints') : t('donations:form.submitMoney')}
        </Button>
      </Stack>
    </form>
  );
}
