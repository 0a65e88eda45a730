import { Anchor, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/data-table';
import { useFormat } from '../../i18n';
import { labelOf, type ReportDocument } from './reports.api';

type Line = { label: string; value: string; ref: string | null };

/** A figure's value that opens the records behind it. */
export function FigureLink({ fy, figure, children }: { fy: number; figure: string; children: string }) {
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => (
        <Link to="/reports/$fy/records" params={{ fy: String(fy) }} search={{ figure }} {...props} />
      )}
    >
      {children}
    </Anchor>
  );
}

function FigureTable({ fy, title, lines }: { fy: number; title: string; lines: Line[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports:figures.none')}
        </Text>
      ) : (
        <ScrollTable minWidth={320} label={title}>
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={`${l.ref}:${l.label}`}>
                  <Table.Td>{l.label}</Table.Td>
                  <Table.Td ta="right">
                    {l.ref ? (
                      <FigureLink fy={fy} figure={l.ref}>
                        {l.value}
                      </FigureLink>
                    ) : (
                      l.value
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </div>
  );
}

/**
 * The year's main figures as the report will show them, each opening the records that make it up:
 * the total, by type and by field (the company's method), the trend, and the volunteering figures.
 */
export function ReportFiguresPanel({ fy, doc }: { fy: number; doc: ReportDocument }) {
  const { t } = useTranslation();
  const f = useFormat();
  const yen = (n: number) => f.money(n, 'JPY');
  const e = doc.expenses;
  const v = doc.volunteering;
  const expenses: Line[] = [
    { label: t('reports:figures.total'), value: yen(e.totalJpy), ref: e.totalRef },
    ...e.byType.map((l) => ({ label: labelOf(f.locale, l), value: yen(l.amountJpy), ref: l.ref })),
  ];
  const byField: Line[] = e.byField.map((l) => ({
    label: labelOf(f.locale, l),
    value: yen(l.amountJpy),
    ref: l.ref,
  }));
  const trend: Line[] = e.trend.map((y) => ({
    label: labelOf(f.locale, y),
    value: yen(y.totalJpy),
    ref: y.ref,
  }));
  const volunteering: Line[] = (
    [
      ['newRegistrants', v.newRegistrants],
      ['registrantsSincePlanStart', v.registrantsSincePlanStart],
      ['participants', v.participants],
      ['participantsChange', v.participantsChange],
      ['hours', v.hours],
    ] as const
  ).map(([key, n]) => ({
    label: t(`reports:figures.volunteering.${key}`),
    value: f.number(n),
    ref: v.refs[key] ?? null,
  }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-figures">
      <Title order={2} size="h4" id="report-figures">
        {t('reports:figures.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {doc.closedAt
          ? t('reports:figures.closedHelp', { at: f.dateTime(doc.closedAt) })
          : t('reports:figures.liveHelp', { at: f.dateTime(doc.computedAt) })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="lg">
        <FigureTable fy={fy} title={t('reports:figures.expenses')} lines={expenses} />
        <FigureTable fy={fy} title={t('reports:figures.byField')} lines={byField} />
        <FigureTable fy={fy} title={t('reports:figures.trend')} lines={trend} />
        <FigureTable fy={fy} title={t('reports:figures.volunteering.title')} lines={volunteering} />
      </SimpleGrid>
    </Paper>
  );
}
