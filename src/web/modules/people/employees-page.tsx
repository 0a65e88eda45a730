import { Anchor, Button, Group, Paper, Select, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../../api/resources';
import { useCan } from '../../api/session';
import { EMPLOYMENT_STATUSES, type Employee, type EmploymentStatus } from '../../api/types';
import { Empty, Pager, SortTh, ScrollTable } from '../../components/data-table';
import { CompanySelect, SiteSelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { useFormat } from '../../i18n';
import type { EmployeesSearch } from '../../search-params';
import { EmployeeDrawer, StatusBadge } from './employee-drawer';
import { QueryState } from '../../components/feedback';

/**
 * Employees: searched, filtered, sorted and paged by the server (one page at a time, so it stays
 * fast with 100,000 people). The filters live in the URL.
 */
export function EmployeesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('people.manage');
  const [search, update] = useSearchState<EmployeesSearch>();
  const { q, companyId, siteId, status, page = 1, size = 50, sort = 'employeeNumber' } = search;
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const list = useList<Employee>('employees', { q, companyId, siteId, status, page, size, sort });
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={(s) => update({ sort: s })}>
      {label}
    </SortTh>
  );
  const filtered = !!(q || companyId || siteId || status);

  return (
    <>
      <PageHeader
        title={t('employees.title')}
        description={list.data ? t('employees.count', { total: f.number(list.data.total) }) : undefined}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen('new')}>
              {t('employees.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('employees.searchPlaceholder')}
            w={340}
          />
          <CompanySelect
            label={t('fields.company')}
            placeholder={t('common.all')}
            clearable
            value={companyId ?? null}
            onChange={(v) => update({ companyId: v ?? undefined, siteId: undefined })}
            w={240}
          />
          <SiteSelect
            label={t('fields.site')}
            placeholder={t('common.all')}
            clearable
            companyId={companyId}
            value={siteId ?? null}
            onChange={(v) => update({ siteId: v ?? undefined })}
            w={220}
          />
          <Select
            label={t('fields.status')}
            placeholder={t('common.all')}
            clearable
            data={EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: t(`employmentStatus.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v as EmploymentStatus) ?? undefined })}
            w={160}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('employees.empty')}
              description={filtered ? t('common.emptyFiltered') : undefined}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={900} label={t('employees.title')}>
                <Table striped highlightOnHover style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      {th('employeeNumber', t('fields.employeeNumber'))}
                      {f.locale === 'ja' ? (
                        th('nameKana', t('fields.name'))
                      ) : (
                        <Table.Th>{t('fields.name')}</Table.Th>
                      )}
                      <Table.Th>{t('fields.email')}</Table.Th>
                      <Table.Th>{t('fields.company')}</Table.Th>
                      <Table.Th>{t('fields.site')}</Table.Th>
                      <Table.Th>{t('fields.department')}</Table.Th>
                      <Table.Th>{t('fields.status')}</Table.Th>
                      {th('hireDate', t('fields.hireDate'))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((e) => (
                      <Table.Tr key={e.id} onClick={() => setOpen(e.id)} style={{ cursor: 'pointer' }}>
                        <Table.Td>
                          <Anchor
                            component="button"
                            type="button"
                            ff="monospace"
                            size="sm"
                            onClick={(ev) => {
                              ev.stopPropagation();
                              setOpen(e.id);
                            }}
                          >
                            {e.employeeNumber}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <div>{f.name(e)}</div>
                          {f.locale === 'ja' && (
                            <div style={{ fontSize: 'var(--mantine-font-size-xs)' }}>{e.nameKana}</div>
                          )}
                        </Table.Td>
                        <Table.Td>{e.email}</Table.Td>
                        <Table.Td ff="monospace">{e.companyCode}</Table.Td>
                        <Table.Td ff="monospace">{e.siteCode}</Table.Td>
                        <Table.Td ff="monospace">{e.departmentCode}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={e.employmentStatus} />
                        </Table.Td>
                        <Table.Td>{f.date(e.hireDate)}</Table.Td>
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
      {open && <EmployeeDrawer id={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </>
  );
}
