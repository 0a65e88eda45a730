import { Button, Group, Paper, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList, useRemove } from '../../api/resources';
import { useCan } from '../../api/session';
import type { Department } from '../../api/types';
import { Empty, Pager, SortTh, ScrollTable } from '../../components/data-table';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { RowActions } from '../../components/row-actions';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { useFormat } from '../../i18n';
import type { ByCompanySearch } from '../../search-params';
import { DepartmentForm } from './department-form';
import { QueryState } from '../../components/feedback';

/** Departments of the group companies, with their parent department. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('org.manage');
  const [search, update] = useSearchState<ByCompanySearch>();
  const { q, companyId, page = 1, size = 50, sort = 'code' } = search;
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const list = useList<Department>('departments', { q, companyId, page, size, sort });
  // Parents are named from the same company's departments (one page of 200 covers a company).
  const parents = useList<Department>(
    'departments',
    { companyId, size: 200, sort: 'code' },
    { enabled: !!companyId },
  );
  const remove = useRemove('departments');
  const parentOf = (d: Department) => {
    if (!d.parentId) return '';
    const p =
      parents.data?.items.find((x) => x.id === d.parentId) ??
      list.data?.items.find((x) => x.id === d.parentId);
    return p ? `${p.code} ${f.name(p)}` : '';
  };
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={(s) => update({ sort: s })}>
      {label}
    </SortTh>
  );

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        description={t('departments.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('departments.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('departments.searchPlaceholder')}
          />
          <CompanySelect
            label={t('fields.company')}
            placeholder={t('common.all')}
            clearable
            value={companyId ?? null}
            onChange={(v) => update({ companyId: v ?? undefined })}
            w={280}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('departments.empty')}
              description={q || companyId ? t('common.emptyFiltered') : undefined}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={700} label={t('departments.title')}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      {th('code', t('fields.code'))}
                      {th(f.locale === 'ja' ? 'nameJa' : 'nameEn', t('fields.name'))}
                      <Table.Th>{t('fields.company')}</Table.Th>
                      <Table.Th>{t('fields.parentDepartment')}</Table.Th>
                      {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td ff="monospace">{d.code}</Table.Td>
                        <Table.Td>{f.name(d)}</Table.Td>
                        <Table.Td ff="monospace">{d.companyCode}</Table.Td>
                        <Table.Td>{parentOf(d)}</Table.Td>
                        {canManage && (
                          <Table.Td>
                            <RowActions
                              name={d.code}
                              onEdit={() => setEditing(d)}
                              onDelete={() => remove.mutateAsync(d.id)}
                              deleting={remove.isPending}
                              deleteTitle={t('departments.deleteTitle')}
                              deleteMessage={t('departments.deleteMessage', {
                                name: `${d.code} ${f.name(d)}`,
                              })}
                            />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager
                page={page}
                size={size}
                total={data.total}
                onPage={(p) => update({ page: p })}
                onSize={(n) => update({ size: n })}
              />
            </>
          )}
        </QueryState>
      </Paper>
      {editing && (
        <DepartmentForm
          department={editing === 'new' ? null : editing}
          companyId={companyId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
