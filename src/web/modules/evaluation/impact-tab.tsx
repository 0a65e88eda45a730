import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { type Impact, useImpacts } from './evaluation.api';
import { useLocale } from './evaluation.format';
import { ImpactForm } from './impact-form';

const DEPTHS = ['connect', 'improve', 'transform'] as const;
const TYPES = ['behaviourChange', 'skillsChange', 'qualityOfLifeChange'] as const;

/** A program's B4SI impact per fiscal year: people assessed, depth reached, types of change. */
export function ImpactTab({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const locale = useLocale();
  const can = useCan();
  const impacts = useImpacts(programId);
  const [editing, setEditing] = useState<Impact | 'new' | null>(null);
  const pct = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { style: 'percent' });
  const share = (count: number, of: number) =>
    t('evaluation:impact.share', { n: f.number(count), pct: of ? pct.format(count / of) : '—' });
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('evaluation:impact.intro')}
        </Text>
        {can('programs.review') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('evaluation:impact.record')}
          </Button>
        )}
      </Group>
      <Paper withBorder>
        <QueryState
          query={impacts}
          isEmpty={(items) => items.length === 0}
          empty={
            <Empty title={t('evaluation:impact.empty')} description={t('evaluation:impact.emptyText')} />
          }
        >
          {(items) => (
            <ScrollTable minWidth={900} label={t('evaluation:impact.tableLabel')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('evaluation:impact.fiscalYear')}</Table.Th>
                    <Table.Th ta="right">{t('evaluation:impact.assessed')}</Table.Th>
                    {[...DEPTHS, ...TYPES].map((k) => (
                      <Table.Th key={k} ta="right">
                        {t(`evaluation:impact.${k}`)}
                      </Table.Th>
                    ))}
                    <Table.Th>{t('evaluation:impact.method')}</Table.Th>
                    {can('programs.review') && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>{i.fiscalYearLabel}</Table.Td>
                      <Table.Td ta="right">{f.number(i.assessed)}</Table.Td>
                      {[...DEPTHS, ...TYPES].map((k) => (
                        <Table.Td key={k} ta="right">
                          {share(i[k], i.assessed)}
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <Text size="sm">{i.method}</Text>
                      </Table.Td>
                      {can('programs.review') && (
                        <Table.Td>
                          <RowActions name={i.fiscalYearLabel} onEdit={() => setEditing(i)} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Paper>
      {editing && (
        <ImpactForm
          programId={programId}
          impact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
