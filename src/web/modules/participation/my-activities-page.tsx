import { Button, Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconClockPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { Empty } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { CalendarFeedCard } from '../opportunities/calendar-feed-card';
import { HistoryTable } from './history-table';
import { HourLogModal } from './hour-log-modal';
import { type History, useMyHistory } from './participation.api';

/**
 * The employee's own volunteering: counted hours per fiscal year, every sign-up and logged activity
 * with its state, a form to log hours done outside the system, the certificate and the calendar feed.
 */
export function MyActivitiesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(undefined);
  const [logging, setLogging] = useState(false);
  const history = useMyHistory(fiscalYear);
  const certificateYear = fiscalYear ?? history.data?.totals[0]?.fiscalYear;
  return (
    <>
      <PageHeader
        title={t('participation:activities.title')}
        description={t('participation:activities.description')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconCertificate size={16} aria-hidden />}
              renderRoot={(props) => (
                <Link to="/volunteering/certificate" search={{ fiscalYear: certificateYear }} {...props} />
              )}
            >
              {t('participation:activities.certificate')}
            </Button>
            <Button leftSection={<IconClockPlus size={16} aria-hidden />} onClick={() => setLogging(true)}>
              {t('participation:logHours.open')}
            </Button>
          </>
        }
      />
      <QueryState query={history}>
        {(data) => (
          <Stack gap="lg">
            <Totals totals={data.totals} />
            <Paper withBorder p="md" component="section" aria-labelledby="activities-history">
              <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
                <Title order={2} size="h4" id="activities-history">
                  {t('participation:activities.historyTitle')}
                </Title>
                <Select
                  label={t('participation:fiscalYear')}
                  data={[
                    { value: 'all', label: t('participation:activities.allYears') },
                    ...data.totals.map((y) => ({ value: String(y.fiscalYear), label: label(y, f.locale) })),
                  ]}
                  value={fiscalYear === undefined ? 'all' : String(fiscalYear)}
                  onChange={(v) => setFiscalYear(!v || v === 'all' ? undefined : Number(v))}
                  allowDeselect={false}
                  w={200}
                />
              </Group>
              {data.items.length === 0 ? (
                <Empty
                  title={t('participation:activities.empty')}
                  description={t('participation:activities.emptyHelp')}
                />
              ) : (
                <HistoryTable items={data.items} />
              )}
            </Paper>
            <CalendarFeedCard />
          </Stack>
        )}
      </QueryState>
      {logging && <HourLogModal onClose={() => setLogging(false)} />}
    </>
  );
}

type Total = History['totals'][number];

/** A fiscal year's label in the UI language ("2023年度" or "fiscal 2024", by the organisation's settings). */
const label = (y: Total, locale: 'ja' | 'en') => (locale === 'ja' ? y.labelJa : y.labelEn);

/** This fiscal year's figures and, when there are several years, a bar chart of hours per year. */
function Totals({ totals }: { totals: Total[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const current = totals[0];
  const years = useMemo(() => [...totals].reverse(), [totals]);
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: years.map((y) => label(y, f.locale)) },
      yAxis: { type: 'value', name: t('participation:history.hours') },
      series: [{ type: 'bar', data: years.map((y) => y.hours), barMaxWidth: 48 }],
    }),
    [years, t, f.locale],
  );
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md" h="100%" component="section" aria-labelledby="activities-current">
          <Title order={2} size="h4" id="activities-current" mb="sm">
            {t('participation:activities.thisYear', { label: current ? label(current, f.locale) : '' })}
          </Title>
          <Group gap="xl">
            <Stat label={t('participation:activities.hours')} value={f.number(current?.hours ?? 0)} />
            <Stat
              label={t('participation:activities.participations')}
              value={f.number(current?.participations ?? 0)}
            />
          </Group>
          <Text size="xs" c="dimmed" mt="sm">
            {t('participation:activities.countsHelp')}
          </Text>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="activities-years">
          <Title order={2} size="h4" id="activities-years" mb="sm">
            {t('participation:activities.perYear')}
          </Title>
          <Chart
            option={option}
            height={200}
            label={t('participation:activities.perYear')}
            table={{
              columns: [
                t('participation:fiscalYear'),
                t('participation:activities.hours'),
                t('participation:activities.participations'),
              ],
              rows: years.map((y) => [label(y, f.locale), y.hours, y.participations]),
            }}
          />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}
