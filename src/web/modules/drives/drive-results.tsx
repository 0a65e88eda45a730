import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { ScrollTable } from '../../components/data-table';
import { type Formatters, useFormat } from '../../i18n';
import { type DriveResults, type ItemResult, nameOf } from './drives.api';

type Change = {
  valueJpy: number | null;
  previousValueJpy: number | null;
  changeJpy: number | null;
  changePercent: number | null;
};

/** "+12.5%" / "−3.0%" / "—". */
function percent(f: Formatters, p: number | null): string {
  if (p === null) return '—';
  return `${p > 0 ? '+' : ''}${f.number(p)}%`;
}

function signedYen(f: Formatters, n: number | null): string {
  if (n === null) return '—';
  return `${n > 0 ? '+' : ''}${f.money(n, 'JPY')}`;
}

/** The drive's headline figures: its yen value, last year's, the change, and how many sites reported. */
export function DriveStats({ r }: { r: DriveResults }) {
  const { t } = useTranslation();
  const f = useFormat();
  const cards = [
    { key: 'total', value: f.money(r.totals.valueJpy, 'JPY') },
    {
      key: 'previous',
      value: r.totals.previousValueJpy === null ? '—' : f.money(r.totals.previousValueJpy, 'JPY'),
    },
    {
      key: 'change',
      value:
        r.totals.changeJpy === null
          ? '—'
          : `${signedYen(f, r.totals.changeJpy)} (${percent(f, r.totals.changePercent)})`,
    },
    {
      key: 'sitesReported',
      value: t('drives:stats.sitesOf', { n: f.number(r.totals.sitesReported), of: f.number(r.totals.sites) }),
    },
  ];
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 4 }}
      component="ul"
      aria-label={t('drives:stats.label')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {cards.map((c) => (
        <Paper withBorder p="md" component="li" key={c.key}>
          <Text size="sm" c="dimmed">
            {t(`drives:stats.${c.key}`)}
          </Text>
          <Text size="xl" fw={700} data-figure={c.key}>
            {c.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

const quantityOf = (
  f: Formatters,
  t: (k: string) => string,
  i: Pick<ItemResult, 'unit'>,
  q: number | null,
) => (q === null ? '—' : `${f.number(q)} ${t(`drives:unitShort.${i.unit}`)}`);

/** One item, this fiscal year against last, in the item's own unit. */
function ItemChart({ r, i }: { r: DriveResults; i: ItemResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = nameOf(f.locale, i);
  const before = r.previous?.fiscalYearLabel ?? t('drives:chart.lastYear');
  const label = t('drives:chart.itemLabel', { item: name });
  const { option, table } = useMemo(() => {
    const unit = t(`drives:unitShort.${i.unit}`);
    const option: EChartsCoreOption = {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v)} ${unit}` },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      title: { text: `${name} (${unit})`, textStyle: { fontSize: 13, fontWeight: 600 }, left: 0, top: 0 },
      xAxis: { type: 'category', data: [before, r.fiscalYearLabel] },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v) } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          data: [{ value: i.previousQuantity ?? 0, itemStyle: { opacity: 0.55 } }, { value: i.quantity }],
          label: { show: true, position: 'top', formatter: (p: { value: number }) => f.number(p.value) },
        },
      ],
    };
    const table = {
      columns: [t('drives:columns.item'), before, r.fiscalYearLabel],
      rows: [[name, quantityOf(f, t, i, i.previousQuantity), quantityOf(f, t, i, i.quantity)]],
    };
    return { option, table };
  }, [r, i, f, t, name, before]);
  return <Chart option={option} label={label} table={table} height={200} />;
}

/** Per item, this fiscal year against last: one small bar chart per item (units differ). */
export function DriveChart({ r }: { r: DriveResults }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="drive-chart">
      <Title order={2} size="h4" id="drive-chart" mb="sm">
        {t('drives:chart.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {r.items.map((i) => (
          <ItemChart key={i.itemId} r={r} i={i} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function ChangeCells({ c }: { c: Change }) {
  const f = useFormat();
  return (
    <>
      <Table.Td ta="right">{c.valueJpy === null ? '—' : f.money(c.valueJpy, 'JPY')}</Table.Td>
      <Table.Td ta="right">{c.previousValueJpy === null ? '—' : f.money(c.previousValueJpy, 'JPY')}</Table.Td>
      <Table.Td ta="right">{percent(f, c.changePercent)}</Table.Td>
    </>
  );
}

function Section({
  id,
  title,
  minWidth,
  head,
  children,
}: {
  id: string;
  title: string;
  minWidth: number;
  head: string[];
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <ScrollTable minWidth={minWidth} label={title}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {head.map((h, n) => (
                <Table.Th key={h} ta={n === 0 ? undefined : 'right'}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}

/** The results tables: per item (quantity and value), per site, per company and per recipient. */
export function DriveTables({ r }: { r: DriveResults }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = [t('drives:columns.valueJpy'), t('drives:columns.previousJpy'), t('drives:columns.change')];
  return (
    <Stack gap="lg">
      <Section
        id="drive-items"
        title={t('drives:tables.items')}
        minWidth={900}
        head={[
          t('drives:columns.item'),
          t('drives:columns.quantity'),
          t('drives:columns.previousQuantity'),
          t('drives:columns.quantityChange'),
          t('drives:columns.driveRate'),
          ...money,
        ]}
      >
        {r.items.map((i) => (
          <Table.Tr key={i.itemId}>
            <Table.Td>
              {nameOf(f.locale, i)}
              <Text size="xs" c="dimmed">
                {i.recipient ? nameOf(f.locale, i.recipient) : t('drives:detail.noRecipient')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{quantityOf(f, t, i, i.quantity)}</Table.Td>
            <Table.Td ta="right">{quantityOf(f, t, i, i.previousQuantity)}</Table.Td>
            <Table.Td ta="right">{percent(f, i.quantityChangePercent)}</Table.Td>
            <Table.Td ta="right">
              {i.yenPerUnit === null ? t('drives:detail.noRate') : `¥${f.number(Number(i.yenPerUnit))}`}
            </Table.Td>
            <ChangeCells c={i} />
          </Table.Tr>
        ))}
      </Section>
      <Section
        id="drive-sites"
        title={t('drives:tables.sites')}
        minWidth={640}
        head={[t('drives:columns.site'), t('drives:columns.itemsReported'), ...money]}
      >
        {r.sites.map((s) => (
          <Table.Tr key={s.siteId}>
            <Table.Td>{`${s.code} ${nameOf(f.locale, s)}`}</Table.Td>
            <Table.Td ta="right">{f.number(s.itemsReported)}</Table.Td>
            <ChangeCells c={s} />
          </Table.Tr>
        ))}
      </Section>
      <Section
        id="drive-companies"
        title={t('drives:tables.companies')}
        minWidth={640}
        head={[t('drives:columns.company'), t('drives:columns.sitesReported'), ...money]}
      >
        {r.companies.map((c) => (
          <Table.Tr key={c.companyId}>
            <Table.Td>{`${c.code} ${nameOf(f.locale, c)}`}</Table.Td>
            <Table.Td ta="right">{f.number(c.sitesReported)}</Table.Td>
            <ChangeCells c={c} />
          </Table.Tr>
        ))}
      </Section>
      <Section
        id="drive-recipients"
        title={t('drives:tables.recipients')}
        minWidth={640}
        head={[t('drives:columns.recipient'), t('drives:columns.items'), ...money]}
      >
        {r.recipients.map((p) => (
          <Table.Tr key={p.partnerId ?? 'none'}>
            <Table.Td>{p.partnerId ? nameOf(f.locale, p) : t('drives:detail.noRecipient')}</Table.Td>
            <Table.Td ta="right">{f.number(p.items)}</Table.Td>
            <ChangeCells c={p} />
          </Table.Tr>
        ))}
      </Section>
    </Stack>
  );
}
