import { Anchor, Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable, SortTh } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { PROGRAM_FRAMEWORKS, PROGRAM_STATUSES, programName, usePrograms } from './programs.api';
import type { ProgramsSearch } from './programs-search';

/**
 * The programs of the group (the Social Entrepreneurship School, the Pro Bono Initiative, e-Net
 * Caravan…): filter by status, framework and owning company, open one for its records and figures.
 */
export function ProgramsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('programs.manage');
  const [search, update] = useSearchState<ProgramsSearch>();
  const { q, status, framework, companyId, page = 1, size = 50, sort = 'code' } = search;
  const list = usePrograms({ q, status, framework, companyId, page, size, sort });
  const filtered = !!(q || status || framework || companyId);
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={(s) => update({ sort: s })}>
      {label}
    </SortTh>
  );
  return (
    <>
      <PageHeader
        title={t('programs:list.title')}
        description={t('programs:list.description')}
        actions={
          canManage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/programs/new" {...props} />}
            >
              {t('programs:action.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SearchBox value={q} onSearch={(v) => update({ q: v })} placeholder={t('programs:list.search')} />
          <Select
            label={t('programs:field.status')}
            placeholder={t('common.all')}
            clearable
            data={PROGRAM_STATUSES.map((s) => ({ value: s, label: t(`programs:status.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v as ProgramsSearch['status']) ?? undefined })}
            w={160}
          />
          <Select
            label={t('programs:field.framework')}
            placeholder={t('common.all')}
            clearable
            data={PROGRAM_FRAMEWORKS.map((s) => ({ value: s, label: t(`programs:framework.${s}`) }))}
            value={framework ?? null}
            onChange={(v) => update({ framework: (v as ProgramsSearch['framework']) ?? undefined })}
            w={200}
          />
          <CompanySelect
            label={t('programs:field.company')}
            value={companyId ?? null}
            onChange={(v) => update({ companyId: v ?? undefined })}
            w={220}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('programs:list.empty')}
              description={filtered ? t('common.emptyFiltered') : t('programs:list.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={860} label={t('programs:list.title')}>
                <Table striped highlightOnHover style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      {th('code', t('programs:field.code'))}
                      {th(f.locale === 'ja' ? 'nameJa' : 'nameEn', t('programs:field.name'))}
                      <Table.Th>{t('programs:field.framework')}</Table.Th>
                      <Table.Th>{t('programs:field.company')}</Table.Th>
                      {th('startYear', t('programs:field.startYear'))}
                      <Table.Th ta="right">{t('programs:list.partners')}</Table.Th>
                      <Table.Th>{t('programs:field.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td ff="monospace">{p.code}</Table.Td>
                        <Table.Td>
                          <Anchor
                            size="sm"
                            renderRoot={(props) => (
                              <Link to="/programs/$id" params={{ id: p.id }} {...props} />
                            )}
                          >
                            {programName(f.locale, p)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{t(`programs:framework.${p.framework}`)}</Table.Td>
                        <Table.Td>{f.locale === 'ja' ? p.companyNameJa : p.companyNameEn}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {p.endYear
                              ? `${p.startYear}–${p.endYear}`
                              : t('programs:list.since', { year: p.startYear })}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{f.number(p.partnerCount)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={p.status === 'active' ? 'teal' : 'gray'} c="dark.7">
                            {t(`programs:status.${p.status}`)}
                          </Badge>
                        </Table.Td>
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
                onSize={(s) => update({ size: s, page: 1 })}
              />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
