import { Button, Group, Paper, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList, useRemove } from '../../api/resources';
import { useCan } from '../../api/session';
import type { Site } from '../../api/types';
import { Empty, Pager, SortTh, ScrollTable } from '../../components/data-table';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { RowActions } from '../../components/row-actions';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { useFormat } from '../../i18n';
import type { ByCompanySearch } from '../../search-params';
import { usePrefectures } from './organisations.api';
import { SiteForm } from './site-form';
import { QueryState } from '../../components/feedback';

/** Sites (offices, factories, labs), filtered by company; prefecture in Japan, region elsewhere. */
export function SitesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('org.manage');
  const [search, update] = useSearchState<ByCompanySearch>();
  const { q, companyId, page = 1, size = 50, sort = 'code' } = search;
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const list = useList<Site>('sites', { q, companyId, page, size, sort });
  const prefectures = usePrefectures();
  const remove = useRemove('sites');
  const location = (s: Site) => {
    const p = s.prefecture && prefectures.data?.find((x) => x.code === s.prefecture);
    return p ? f.name(p) : (s.region ?? '');
  };
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={(s) => update({ sort: s })}>
      {label}
    </SortTh>
  );

  return (
    <>
      <PageHeader
        title={t('sites.title')}
        description={t('sites.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('sites.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('sites.searchPlaceholder')}
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
              title={t('sites.empty')}
              description={q || companyId ? t('common.emptyFiltered') : undefined}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={800} label={t('sites.title')}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      {th('code', t('fields.code'))}
                      {th(f.locale === 'ja' ? 'nameJa' : 'nameEn', t('fields.name'))}
                      <Table.Th>{t('fields.company')}</Table.Th>
                      <Table.Th>{t('fields.siteKind')}</Table.Th>
                      <Table.Th>{t('sites.location')}</Table.Th>
                      <Table.Th>{t('fields.timeZone')}</Table.Th>
                      {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td ff="monospace">{s.code}</Table.Td>
                        <Table.Td>{f.name(s)}</Table.Td>
                        <Table.Td ff="monospace">{s.companyCode}</Table.Td>
                        <Table.Td>{t(`siteKind.${s.kind}`)}</Table.Td>
                        <Table.Td>{location(s)}</Table.Td>
                        <Table.Td>{s.timeZone}</Table.Td>
                        {canManage && (
                          <Table.Td>
                            <RowActions
                              name={s.code}
                              onEdit={() => setEditing(s)}
                              onDelete={() => remove.mutateAsync(s.id)}
                              deleting={remove.isPending}
                              deleteTitle={t('sites.deleteTitle')}
                              deleteMessage={t('sites.deleteMessage', { name: `${s.code} ${f.name(s)}` })}
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
        <SiteForm
          site={editing === 'new' ? null : editing}
          companyId={companyId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
