import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { useYearLabel } from '../finance/finance-format';
import { inLocale } from '../programs/programs.api';
import { type Restatement, useRestatements, useYears } from './accounting.api';
import { RestatementForm } from './restatement-form';

/** /accounting/years/$fiscalYear/restatements: a closed year's corrections, and a new one. */
export function RestatementsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const yearLabel = useYearLabel();
  const canManage = useCan()('years.close');
  const { fiscalYear: param } = useParams({ strict: false }) as { fiscalYear: string };
  const fiscalYear = Number(param);
  const years = useYears();
  const year = years.data?.find((y) => y.fiscalYear === fiscalYear);
  const list = useRestatements(Number.isInteger(fiscalYear) ? fiscalYear : undefined);
  const [creating, setCreating] = useState(false);
  const label = year ? (f.locale === 'ja' ? year.labelJa : year.labelEn) : yearLabel(fiscalYear);
  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link to="/accounting/years" {...props} />}>
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('expenses:restatements.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('expenses:restatements.title', { year: label })}
        description={t('expenses:restatements.description')}
        actions={
          canManage &&
          year?.closed && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('expenses:restatements.create')}
            </Button>
          )
        }
      />
      {year && !year.closed && (
        <Text c="dimmed" mb="md">
          {t('expenses:restatements.notClosed')}
        </Text>
      )}
      <QueryState
        query={list}
        isEmpty={(items) => items.length === 0}
        empty={
          <Paper withBorder p="md">
            <Empty
              title={t('expenses:restatements.empty')}
              description={t('expenses:restatements.emptyHelp')}
            />
          </Paper>
        }
      >
        {(items) => (
          <Stack>
            {[...items]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((r) => (
                <RestatementCard key={r.id} restatement={r} />
              ))}
          </Stack>
        )}
      </QueryState>
      {creating && year && (
        <RestatementForm fiscalYear={fiscalYear} lastDay={year.end} onClose={() => setCreating(false)} />
      )}
    </>
  );
}

function RestatementCard({ restatement: r }: { restatement: Restatement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const change = r.totalJpyAfter - r.totalJpyBefore;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {t('expenses:restatements.of', { at: f.dateTime(r.createdAt) })}
          </Title>
          <Text size="xs" c="dimmed">
            {r.automatic
              ? t('expenses:restatements.automatic')
              : t('expenses:restatements.by', { name: r.createdBy ?? '—' })}
          </Text>
        </Stack>
        <Badge variant="light" color={change < 0 ? 'red' : 'teal'} c="dark.7" size="lg">
          {t('expenses:restatements.totals', {
            before: f.money(r.totalJpyBefore, 'JPY'),
            after: f.money(r.totalJpyAfter, 'JPY'),
          })}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('expenses:restatements.reasonJa')}
          </Text>
          <Text size="sm" lang="ja">
            {r.reasonJa ?? '—'}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('expenses:restatements.reasonEn')}
          </Text>
          <Text size="sm" lang="en">
            {r.reasonEn ?? '—'}
          </Text>
        </Stack>
      </SimpleGrid>
      <ScrollTable minWidth={640} label={t('expenses:restatements.lines')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('expenses:field.spentOn')}</Table.Th>
              <Table.Th>{t('expenses:field.company')}</Table.Th>
              <Table.Th>{t('expenses:field.description')}</Table.Th>
              <Table.Th>{t('expenses:field.type')}</Table.Th>
              <Table.Th ta="right">{t('expenses:field.amount')}</Table.Th>
              <Table.Th ta="right">{t('expenses:field.amountJpy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{f.date(l.spentOn)}</Table.Td>
                <Table.Td ff="monospace">{l.companyCode}</Table.Td>
                <Table.Td>
                  {inLocale(f.locale, l.descriptionJa, l.descriptionEn)}
                  {l.adjustsExpenseId && (
                    <Badge ml="xs" variant="light" color="orange" c="dark.7">
                      {t('expenses:restatements.adjustment')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`expenses:type.${l.type}`)}</Table.Td>
                <Table.Td ta="right">{f.money(l.amountMinor, l.currency)}</Table.Td>
                <Table.Td ta="right" c={l.amountJpy < 0 ? 'red.8' : undefined}>
                  {f.money(l.amountJpy, 'JPY')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
