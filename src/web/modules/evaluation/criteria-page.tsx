import { Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { RowActions } from '../../components/row-actions';
import { inLocale } from '../programs/programs.api';
import { CriterionForm } from './criterion-form';
import { type Criterion, useCriteria } from './evaluation.api';

/** The organisation's evaluation criteria, in review order, with their status; add and edit. */
export function CriteriaPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const can = useCan();
  const criteria = useCriteria('all');
  const [editing, setEditing] = useState<Criterion | 'new' | null>(null);
  const manage = can('evaluations.manage');
  return (
    <>
      <PageHeader
        title={t('evaluation:criteria.title')}
        description={t('evaluation:criteria.intro')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('evaluation:criteria.add')}
            </Button>
          )
        }
      />
      <Paper withBorder>
        <QueryState
          query={criteria}
          isEmpty={(items) => items.length === 0}
          empty={
            <Empty title={t('evaluation:criteria.empty')} description={t('evaluation:criteria.emptyText')} />
          }
        >
          {(items) => (
            <ScrollTable minWidth={640} label={t('evaluation:criteria.listLabel')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('evaluation:criteria.position')}</Table.Th>
                    <Table.Th>{t('evaluation:criteria.code')}</Table.Th>
                    <Table.Th>{t('evaluation:criteria.nameJa')}</Table.Th>
                    <Table.Th>{t('evaluation:criteria.status')}</Table.Th>
                    {manage && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => {
                    const name = inLocale(locale, c.nameJa, c.nameEn);
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Td>{c.position}</Table.Td>
                        <Table.Td>
                          <Text ff="monospace" size="sm">
                            {c.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={0}>
                            <Text fw={600}>{name}</Text>
                            <Text size="sm" c="dimmed">
                              {inLocale(locale, c.descriptionJa, c.descriptionEn)}
                            </Text>
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={c.active ? 'teal' : 'gray'} c="dark.7" variant="light">
                            {c.active
                              ? t('evaluation:criteria.activeBadge')
                              : t('evaluation:criteria.retiredBadge')}
                          </Badge>
                        </Table.Td>
                        {manage && (
                          <Table.Td>
                            <RowActions name={name} onEdit={() => setEditing(c)} />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Paper>
      {editing && (
        <CriterionForm criterion={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
