import { Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { useFormat } from '../../i18n';
import classes from '../../components/printable-page.module.css';
import { type Certificate, useCertificate, useMyHistory } from './participation.api';
import { titleIn } from './participation-badges';
import type { FiscalYearSearch } from './participation-search';

/**
 * The participation certificate of one fiscal year, as a page to print: the app's frame and these
 * controls disappear on paper (components/printable-page.module.css). It reads in the UI language.
 */
export function CertificatePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<FiscalYearSearch>();
  const certificate = useCertificate(search.fiscalYear);
  const years = useMyHistory().data?.totals ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" className={classes.noPrint} wrap="wrap">
        <Anchor component={Link} to="/volunteering/activities" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t('participation:certificate.back')}
          </Group>
        </Anchor>
        <Group align="flex-end">
          <Select
            label={t('participation:fiscalYear')}
            data={years.map((y) => ({
              value: String(y.fiscalYear),
              label: f.locale === 'ja' ? y.labelJa : y.labelEn,
            }))}
            value={certificate.data ? String(certificate.data.fiscalYear) : null}
            onChange={(v) => v && update({ fiscalYear: Number(v) })}
            allowDeselect={false}
            w={200}
          />
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('participation:certificate.print')}
          </Button>
        </Group>
      </Group>
      <QueryState query={certificate}>{(data) => <Sheet data={data} />}</QueryState>
    </Stack>
  );
}

function Sheet({ data }: { data: Certificate }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = f.locale === 'ja' ? data.labelJa : data.labelEn;
  const organisation = f.name(data.organisation);
  return (
    <article className={classes.sheet} aria-labelledby="certificate-title">
      <Stack gap="xl">
        <Title order={1} id="certificate-title" className={classes.title}>
          {t('participation:certificate.heading')}
        </Title>
        <Stack gap={2}>
          <Text fz="xl" fw={700}>
            {t('participation:certificate.recipient', { name: f.name(data.employee) })}
          </Text>
          <Text size="sm" c="dimmed">
            {f.name(data.company)} · {t('participation:certificate.employeeNumber')}{' '}
            {data.employee.employeeNumber}
          </Text>
        </Stack>
        <Text>
          {t('participation:certificate.statement', {
            period,
            start: f.date(data.periodStart),
            end: f.date(data.periodEnd),
          })}
        </Text>
        <Group gap={48}>
          <div>
            <Text size="sm" c="dimmed">
              {t('participation:certificate.totalHours')}
            </Text>
            <div className={classes.total}>
              {t('participation:certificate.hoursValue', { hours: f.number(data.hours) })}
            </div>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('participation:certificate.participations')}
            </Text>
            <div className={classes.total}>{f.number(data.participations)}</div>
          </div>
        </Group>
        {data.activities.length === 0 ? (
          <Text c="dimmed">{t('participation:certificate.none')}</Text>
        ) : (
          <table className={classes.table} style={{ width: '100%', borderCollapse: 'collapse' }}>
            <caption style={{ textAlign: 'left', fontWeight: 700, paddingBottom: 8 }}>
              {t('participation:certificate.activities')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('participation:history.date')}</th>
                <th scope="col">{t('participation:history.activity')}</th>
                <th scope="col">{t('participation:field')}</th>
                <th scope="col" className={classes.number}>
                  {t('participation:history.hours')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.activities.map((a) => (
                <tr key={a.id}>
                  <td style={{ whiteSpace: 'nowrap' }}>{f.date(a.date)}</td>
                  <td>{a.kind === 'signup' ? titleIn(f.locale, a) : a.organisationName}</td>
                  <td>{t(`field.${a.field}`)}</td>
                  <td className={classes.number}>{f.number(a.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Stack gap={2} align="flex-end">
          <Text>{t('participation:certificate.issuedOn', { date: f.date(data.issuedOn) })}</Text>
          <Text fw={700}>{t('participation:certificate.issuer', { organisation })}</Text>
        </Stack>
      </Stack>
    </article>
  );
}
