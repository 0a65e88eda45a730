import { Button, Group, Paper, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList, useRemove } from '../../api/resources';
import { useCan } from '../../api/session';
import type { Company } from '../../api/types';
import { Empty, Pager, SortTh, ScrollTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { RowActions } from '../../components/row-actions';
import { SearchBox } from '../../components/list-filters';
import { useFormat } from '../../i18n';
import { CompanyForm } from './company-form';
import { QueryState } from '../../components/feedback';

/** Group companies: search, sort, page; create, edit and delete with org.manage. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('org.manage');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<string | undefined>('code');
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const list = useList<Company>('companies', { q, page, size: 50, sort });
  const remove = useRemove('companies');

  const onSort = (s: string) => {
    setSort(s);
    setPage(1);
  };
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={onSort}>
      {label}
    </SortTh>
  );

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        description={t('companies.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('companies.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md">
          <SearchBox
            value={q}
            onSearch={(v) => {
              setQ(v ?? '');
              setPage(1);
            }}
            placeholder={t('companies.searchPlaceholder')}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty title={t('companies.empty')} description={q ? t('common.emptyFiltered') : undefined} />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={800} label={t('companies.title')}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      {th('code', t('fields.code'))}
                      {th(f.locale === 'ja' ? 'nameJa' : 'nameEn', t('fields.name'))}
                      {th('country', t('fields.country'))}
                      <Table.Th>{t('fields.currency')}</Table.Th>
                      <Table.Th>{t('fields.timeZone')}</Table.Th>
                      <Table.Th ta="right">{t('companies.sites')}</Table.Th>
                      <Table.Th ta="right">{t('companies.employees')}</Table.Th>
                      {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td ff="monospace">{c.code}</Table.Td>
                        <Table.Td>{f.name(c)}</Table.Td>
                        <Table.Td>{f.country(c.country)}</Table.Td>
                        <Table.Td>{c.currency}</Table.Td>
                        <Table.Td>{c.timeZone}</Table.Td>
                        <Table.Td ta="right">{f.number(c.siteCount)}</Table.Td>
                        <Table.Td ta="right">{f.number(c.employeeCount)}</Table.Td>
                        {canManage && (
                          <Table.Td>
                            <RowActions
                              name={c.code}
                              onEdit={() => setEditing(c)}
                              onDelete={() => remove.mutateAsync(c.id)}
                              deleting={remove.isPending}
                              deleteTitle={t('companies.deleteTitle')}
                              deleteMessage={t('companies.deleteMessage', { name: `${c.code} ${f.name(c)}` })}
                            />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager page={page} size={50} total={data.total} onPage={setPage} />
            </>
          )}
        </QueryState>
      </Paper>
      {editing && (
        <CompanyForm company={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
