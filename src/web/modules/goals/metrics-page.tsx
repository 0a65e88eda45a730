import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { textOf } from './goal-lines';
import { type Metric, useBindings, useMetrics } from './goals.api';
import { MetricForm } from './metric-form';
import { MetricValues } from './metric-values';

/** The metrics targets and goals are measured by: computed figures and manual values with evidence. */
export function MetricsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('goals.manage');
  const metrics = useMetrics();
  const bindings = useBindings();
  const [editing, setEditing] = useState<Metric | 'new' | null>(null);
  const [values, setValues] = useState<string | null>(null);
  const bindingLabel = (key: string | null) => {
    const b = bindings.data?.find((x) => x.key === key);
    return b ? (f.locale === 'ja' ? b.labelJa : b.labelEn) : (key ?? '');
  };
  const shown = metrics.data?.items.find((m) => m.id === values);
  return (
    <>
      <PageHeader
        title={t('goals:metrics.title')}
        description={t('goals:metrics.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('goals:metrics.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <QueryState
          query={metrics}
          isEmpty={(d) => d.items.length === 0}
          empty={<Empty title={t('goals:metrics.empty')} description={t('goals:metrics.emptyHelp')} />}
        >
          {(data) => (
            <ScrollTable minWidth={760} label={t('goals:metrics.title')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('goals:metrics.code')}</Table.Th>
                    <Table.Th>{t('goals:metrics.name')}</Table.Th>
                    <Table.Th>{t('goals:metrics.kind')}</Table.Th>
                    <Table.Th>{t('goals:metrics.unit')}</Table.Th>
                    <Table.Th aria-hidden />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.code}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{textOf(m.nameJa, m.nameEn, f.locale)}</Text>
                        {m.binding && (
                          <Text size="xs" c="dimmed">
                            {bindingLabel(m.binding)}
                            {Object.entries(m.params).map(
                              ([k, v]) => ` · ${t(`goals:metrics.params.${k}`)}: ${String(v)}`,
                            )}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={m.kind === 'bound' ? 'blue' : 'gray'}>
                          {t(`goals:metrics.${m.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{textOf(m.unitJa, m.unitEn, f.locale)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap" justify="flex-end">
                          {m.kind === 'manual' && (
                            <Button size="xs" variant="light" onClick={() => setValues(m.id)}>
                              {t('goals:metrics.values')}
                            </Button>
                          )}
                          {canManage && <RowActions name={m.code} onEdit={() => setEditing(m)} />}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Paper>
      {editing && <MetricForm metric={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {shown && <MetricValues metric={shown} canManage={canManage} onClose={() => setValues(null)} />}
    </>
  );
}
