import { Anchor, Button, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { formatters, i18n, useFormat } from '../../i18n';
import { type DonationReceipt, recipientOf, useMyDonations, useReceipt } from './donations.api';
import type { ReceiptSearch } from './donations-search';
import classes from '../../components/printable-page.module.css';

/**
 * The donor's receipt of one fiscal year, as a page to print: the app's frame and these controls
 * disappear on paper. The sheet reads in Japanese or English, whichever the donor picks for it.
 */
export function ReceiptPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<ReceiptSearch>();
  const receipt = useReceipt(search.fiscalYear);
  const years = useMyDonations({ page: 1, size: 1 }).data?.years ?? [];
  const [lang, setLang] = useState<Locale>(f.locale);
  const current = receipt.data && {
    value: String(receipt.data.fiscalYear),
    label: f.locale === 'ja' ? receipt.data.labelJa : receipt.data.labelEn,
  };
  const options = [...years.map((y) => ({ value: String(y.fiscalYear), label: y.label }))];
  if (current && !options.some((o) => o.value === current.value)) options.unshift(current);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" className={classes.noPrint} wrap="wrap">
        <Anchor component={Link} to="/giving/donations" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t('donations:receipt.back')}
          </Group>
        </Anchor>
        <Group align="flex-end">
          <Select
            label={t('donations:fiscalYear')}
            data={options}
            value={current?.value ?? null}
            onChange={(v) => v && update({ fiscalYear: Number(v) })}
            allowDeselect={false}
            w={200}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="receipt-language">
              {t('donations:receipt.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="receipt-language"
              value={lang}
              onChange={(v) => setLang(v as Locale)}
              data={[
                { value: 'ja', label: '日本語' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Stack>
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('donations:receipt.print')}
          </Button>
        </Group>
      </Group>
      <QueryState query={receipt}>{(data) => <Sheet data={data} lang={lang} />}</QueryState>
    </Stack>
  );
}

function Sheet({ data, lang }: { data: DonationReceipt; lang: Locale }) {
  const t = i18n.getFixedT(lang);
  const f = formatters(lang);
  const yen = (n: number) => f.money(n, 'JPY');
  const name = (r: { nameJa: string; nameEn: string }) => f.name(r);
  const foreign = data.totals.byCurrency.filter((c) => c.currency !== 'JPY');
  return (
    <article className={classes.sheet} lang={lang} aria-labelledby="receipt-title">
      <Stack gap="xl">
        <Title order={1} id="receipt-title" className={classes.title}>
          {t('donations:receipt.heading')}
        </Title>
        <Stack gap={2}>
          <Text fz="xl" fw={700}>
            {t('donations:receipt.recipient', { name: name(data.employee) })}
          </Text>
          <Text size="sm" c="dimmed">
            {name(data.company)} · {t('donations:receipt.employeeNumber')} {data.employee.employeeNumber}
          </Text>
        </Stack>
        <Text>
          {t('donations:receipt.statement', {
            period: lang === 'ja' ? data.labelJa : data.labelEn,
            start: f.date(data.periodStart),
            end: f.date(data.periodEnd),
          })}
        </Text>
        <Group gap={48} align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              {t('donations:receipt.total')}
            </Text>
            <div className={classes.total}>{yen(data.totals.totalJpy)}</div>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('donations:receipt.points')}
            </Text>
            <div className={classes.total}>{f.number(data.totals.points)}</div>
            <Text size="sm">{yen(data.totals.pointsJpy)}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('donations:receipt.money')}
            </Text>
            <div className={classes.total}>{yen(data.totals.moneyJpy)}</div>
            {foreign.map((c) => (
              <Text size="sm" key={c.currency}>
                {f.money(c.amountMinor, c.currency)}
              </Text>
            ))}
          </div>
        </Group>
        {data.items.length === 0 ? (
          <Text c="dimmed">{t('donations:receipt.none')}</Text>
        ) : (
          <table className={classes.table} style={{ width: '100%', borderCollapse: 'collapse' }}>
            <caption style={{ textAlign: 'left', fontWeight: 700, paddingBottom: 8 }}>
              {t('donations:receipt.items')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('donations:receipt.paidOn')}</th>
                <th scope="col">{t('donations:column.recipient')}</th>
                <th scope="col">{t('donations:receipt.way')}</th>
                <th scope="col" className={classes.number}>
                  {t('donations:column.amount')}
                </th>
                <th scope="col" className={classes.number}>
                  {t('donations:column.value')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => {
                const to = recipientOf(lang, d);
                return (
                  <tr key={d.id}>
                    <td style={{ whiteSpace: 'nowrap' }}>{f.date(d.paidOn)}</td>
                    <td>
                      {to.title}
                      {d.campaign && <div style={{ fontSize: 12 }}>{to.organisation}</div>}
                    </td>
                    <td>{t(`donations:method.${d.method}`)}</td>
                    <td className={classes.number}>
                      {d.points !== null
                        ? t('donations:points', { count: d.points, points: f.number(d.points) })
                        : f.money(d.amountMinor ?? 0, d.currency ?? 'JPY')}
                    </td>
                    <td className={classes.number}>{yen(d.valueJpy)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <Text size="xs" c="dimmed">
          {t('donations:receipt.valuation')}
        </Text>
        <Stack gap={2} align="flex-end">
          <Text>{t('donations:receipt.issuedOn', { date: f.date(data.issuedOn) })}</Text>
          <Text fw={700}>{t('donations:receipt.issuer', { organisation: name(data.organisation) })}</Text>
        </Stack>
      </Stack>
    </article>
  );
}
