import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import type { YearSearch } from '../expenses/expenses-search';
import { useYearLabel } from '../finance/finance-format';
import { useOrganisation } from '../organisations/organisations.api';
import { type ExpenseFigures, b4siCsvUrl, useTotals, useYears } from './accounting.api';
import { FieldChart, TrendChart } from './totals-charts';

type Line = { code: string; labelJa: string; labelEn: string; amountJpy: number };

/**
 * A fiscal year's expenses totalled three ways from the same records: the company's method,
 * Keidanren's and B4SI's (with leverage beside it, never inside), the fields as bars, the trend,
 * and the B4SI export.
 */
export function TotalsPage() {
  const { t } = useTranslation();
  const yearLabel = useYearLabel();
  const org = useOrganisation();
  const years = useYears();
  const [search, update] = useSearchState<YearSearch>();
  const current = org.data?.currentFiscalYear.startYear;
  const fiscalYear = search.fiscalYear ?? current;
  const totals = useTotals(fiscalYear);
  const yearList = [
    ...new Set([...(current ? [current] : []), ...(years.data ?? []).map((y) => y.fiscalYear)]),
  ].sort((a, b) => b - a);
  const closed = years.data?.find((y) => y.fiscalYear === fiscalYear)?.closed;
  return (
    <>
      <PageHeader
        title={t('expenses:totals.title')}
        description={t('expenses:totals.description')}
        actions={
          fiscalYear !== undefined && (
            <Button
              component="a"
              href={b4siCsvUrl(fiscalYear)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('expenses:totals.b4siCsv')}
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end">
        <Select
          label={t('expenses:field.fiscalYear')}
          allowDeselect={false}
          data={yearList.map((y) => ({ value: String(y), label: yearLabel(y) }))}
          value={fiscalYear !== undefined ? String(fiscalYear) : null}
          onChange={(v) => v && update({ fiscalYear: Number(v) })}
          w={200}
        />
        {closed !== undefined && (
          <Text size="sm" c="dimmed" pb={8}>
            {t(closed ? 'expenses:totals.closedNote' : 'expenses:totals.openNote')}
          </Text>
        )}
      </Group>
      <QueryState query={totals}>{(data) => <Totals data={data} />}</QueryState>
    </>
  );
}

function Totals({ data }: { data: ExpenseFigures }) {
  const { t } = useTranslation();
  const f = useFormat();
  const yen = (n: number) => f.money(n, 'JPY');
  const k = data.keidanren;
  const b = data.b4si;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Method
          title={t('expenses:totals.company')}
          help={t('expenses:totals.companyHelp')}
          total={data.totalJpy}
        >
          <Lines lines={data.byType} />
        </Method>
        <Method
          title={t('expenses:totals.keidanren')}
          help={t('expenses:totals.keidanrenHelp')}
          total={k.totalJpy}
        >
          <Figures
            rows={[
              [t('expenses:totals.gifts'), yen(k.giftsJpy)],
              [t('expenses:totals.ownPrograms'), yen(k.ownProgramsJpy)],
              [t('expenses:totals.disasterRelief'), yen(k.disasterReliefJpy)],
            ]}
          />
        </Method>
        <Method title={t('expenses:totals.b4si')} help={t('expenses:totals.b4siHelp')} total={b.totalJpy}>
          <Figures
            rows={[
              [t('expenses:totals.cash'), yen(b.cashJpy)],
              [t('expenses:totals.time'), yen(b.timeJpy)],
              [t('expenses:totals.inKind'), yen(b.inKindJpy)],
              [t('expenses:totals.management'), yen(b.managementJpy)],
            ]}
          />
          {b.marketValued.count > 0 && (
            <Text size="xs" c="orange.9" mt="xs">
              {t('expenses:totals.marketValued', {
                count: b.marketValued.count,
                countText: f.number(b.marketValued.count),
                amount: yen(b.marketValued.amountJpy),
              })}
            </Text>
          )}
          <Paper bg="gray.0" p="sm" mt="sm" aria-label={t('expenses:totals.leverage')} component="section">
            <Text size="sm" fw={600}>
              {t('expenses:totals.leverage')}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('expenses:totals.leverageHelp')}
            </Text>
            <Figures
              rows={[
                [t('expenses:totals.employeeDonations'), yen(b.leverage.employeeDonationsJpy)],
                [t('expenses:totals.pointDonations'), yen(b.leverage.pointDonationsJpy)],
                [
                  t('expenses:totals.ownTimeHours'),
                  t('expenses:totals.hours', { hours: f.number(b.leverage.ownTimeHours) }),
                ],
              ]}
            />
          </Paper>
        </Method>
      </SimpleGrid>
      <FieldChart data={data} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Breakdown title={t('expenses:totals.byCompanyField')} lines={data.byCompanyField} />
        <Breakdown
          title={t('expenses:totals.byExpenseType')}
          lines={data.byExpenseType.map((l) => ({
            code: l.type,
            labelJa: t(`expenses:type.${l.type}`),
            labelEn: t(`expenses:type.${l.type}`),
            amountJpy: l.amountJpy,
          }))}
        />
        <Breakdown title={t('expenses:totals.byCause')} lines={b.byCause} />
        <Breakdown title={t('expenses:totals.byMotivation')} lines={b.byMotivation} />
        <Breakdown title={t('expenses:totals.byRegion')} lines={b.byRegion} />
      </SimpleGrid>
      {data.trend.length > 0 && <TrendChart data={data} />}
    </Stack>
  );
}

function Method({
  title,
  help,
  total,
  children,
}: {
  title: string;
  help: string;
  total: number;
  children: React.ReactNode;
}) {
  const f = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {help}
      </Text>
      <Text fz={28} fw={700} mb="sm">
        {f.money(total, 'JPY')}
      </Text>
      {children}
    </Paper>
  );
}

function Figures({ rows }: { rows: [string, string][] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={2}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th fw={400}>{label}</Table.Th>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Lines({ lines }: { lines: Line[] }) {
  const f = useFormat();
  return (
    <Figures
      rows={lines.map((l) => [f.locale === 'ja' ? l.labelJa : l.labelEn, f.money(l.amountJpy, 'JPY')])}
    />
  );
}

function Breakdown({ title, lines }: { title: string; lines: Line[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('expenses:totals.none')}
        </Text>
      ) : (
        <Lines lines={lines} />
      )}
    </Paper>
  );
}
