import { Anchor, Box, Button, Group, Paper, Select, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable, SortTh } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { OpportunityStatusBadge, datesOf } from './opportunity-badges';
import { OpportunityActions } from './opportunity-actions';
import { OPPORTUNITY_STATUSES, titleOf, useOpportunities } from './opportunities.api';
import type { ManageSearch } from './opportunities-search';

/**
 * The organiser's desk: every opportunity their scope runs, drafts included, newest first by
 * default, with edit, publish, complete and cancel on each row.
 */
export function ManageOpportunitiesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<ManageSearch>();
  const { q, status, companyId, page = 1, size = 50, sort = '-createdAt' } = search;
  const list = useOpportunities({ mine: true, q, status, companyId, page, size, sort });
  const filtered = !!(q || status || companyId);
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={(s) => update({ sort: s })}>
      {label}
    </SortTh>
  );
  return (
    <>
      <PageHeader
        title={t('opportunities:manage.title')}
        description={t('opportunities:manage.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            renderRoot={(props) => <Link to="/opportunities/new" {...props} />}
          >
            {t('opportunities:manage.create')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('opportunities:manage.searchPlaceholder')}
          />
          <Select
            label={t('opportunities:manage.status')}
            placeholder={t('common.all')}
            clearable
            data={OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`opportunities:status.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v as ManageSearch['status']) ?? undefined })}
            w={160}
          />
          <CompanySelect
            label={t('opportunities:manage.company')}
            placeholder={t('common.all')}
            clearable
            value={companyId ?? null}
            onChange={(v) => update({ companyId: v ?? undefined })}
            w={240}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('opportunities:manage.empty')}
              description={filtered ? t('common.emptyFiltered') : t('opportunities:manage.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={960} label={t('opportunities:manage.title')}>
                <Table striped style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('opportunities:manage.titleColumn')}</Table.Th>
                      <Table.Th>{t('opportunities:manage.company')}</Table.Th>
                      {th('firstStartsAt', t('opportunities:manage.dates'))}
                      <Table.Th>{t('opportunities:manage.seats')}</Table.Th>
                      <Table.Th>{t('opportunities:manage.status')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>
                          <Anchor
                            size="sm"
                            fw={600}
                            renderRoot={(props) => (
                              <Link to="/opportunities/$id" params={{ id: o.id }} {...props} />
                            )}
                          >
                            {titleOf(f.locale, o)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ff="monospace">{o.companyCode}</Table.Td>
                        <Table.Td>{datesOf(o, f.locale)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {f.number(o.seatsLeft)} / {f.number(o.capacity)}
                        </Table.Td>
                        <Table.Td>
                          <Box w="max-content">
                            <OpportunityStatusBadge status={o.status} />
                          </Box>
                        </Table.Td>
                        <Table.Td>
                          <OpportunityActions o={o} compact />
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
                onSize={(n) => update({ size: n })}
              />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
