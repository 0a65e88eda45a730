import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { IconFileImport, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager } from '../../components/data-table';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { useLedgerSync, useYears } from '../accounting/accounting.api';
import { useYearLabel } from '../finance/finance-format';
import { useOrganisation } from '../organisations/organisations.api';
import { programName, usePrograms } from '../programs/programs.api';
import { useTerms } from './expense-format';
import { ExpenseFormModal } from './expense-form';
import { ExpenseImportModal } from './expense-import-modal';
import { EXPENSE_SOURCES, EXPENSE_TYPES, type Expense, useExpenses } from './expenses.api';
import type { ExpensesSearch } from './expenses-search';
import { ExpensesTable } from './expenses-table';

/**
 * The community-investment expenses: filter by year, company, type, field and source, with the sum
 * of what matches; finance enters, corrects and imports them, and posts the ledger's company donations.
 */
export function ExpensesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('expenses.manage');
  const [search, update] = useSearchState<ExpensesSearch>();
  const { page = 1, size = 50 } = search;
  const list = useExpenses({ ...search, page, size });
  const [editing, setEditing] = useState<Expense | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const filtered = Object.entries(search).some(([k, v]) => v !== undefined && k !== 'page' && k !== 'size');
  return (
    <>
      <PageHeader
        title={t('expenses:list.title')}
        description={t('expenses:list.description')}
        actions={
          canManage && <ManageActions onNew={() => setEditing('new')} onImport={() => setImporting(true)} />
        }
      />
      <Paper withBorder p="md">
        <Filters search={search} update={update} />
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('expenses:list.empty')}
              description={filtered ? t('common.emptyFiltered') : t('expenses:list.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <Group justify="space-between" mb="sm" wrap="wrap">
                <Text size="sm" aria-live="polite" data-testid="expenses-sum">
                  {t(filtered ? 'expenses:list.sumFiltered' : 'expenses:list.sum', {
                    count: data.total,
                    total: f.number(data.total),
                    sum: f.money(data.sumJpy, 'JPY'),
                  })}
                </Text>
              </Group>
              <ExpensesTable
                items={data.items}
                dimmed={list.isPlaceholderData}
                onEdit={canManage ? (e) => setEditing(e) : undefined}
              />
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
      {editing && (
        <ExpenseFormModal expense={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {importing && <ExpenseImportModal onClose={() => setImporting(false)} />}
    </>
  );
}

function ManageActions({ onNew, onImport }: { onNew: () => void; onImport: () => void }) {
  const { t } = useTranslation();
  const sync = useLedgerSync();
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconRefresh size={16} aria-hidden />}
        loading={sync.isPending}
        onClick={() =>
          sync.mutate(undefined, {
            onSuccess: (r) => notifySuccess(t('expenses:list.synced', { count: r.created })),
            onError: notifyError,
          })
        }
      >
        {t('expenses:list.sync')}
      </Button>
      <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
        {t('expenses:import.open')}
      </Button>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onNew}>
        {t('expenses:action.create')}
      </Button>
    </>
  );
}

function Filters({
  search,
  update,
}: {
  search: ExpensesSearch;
  update: (patch: Partial<ExpensesSearch>) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const terms = useTerms(f);
  const yearLabel = useYearLabel();
  const years = useYears();
  const org = useOrganisation();
  const current = org.data?.currentFiscalYear.startYear;
  const programs = usePrograms({ size: 200, sort: 'code' });
  // The years with expenses, and the current one (nothing may be entered yet).
  const yearList = [
    ...new Set([...(current ? [current] : []), ...(years.data ?? []).map((y) => y.fiscalYear)]),
  ].sort((a, b) => b - a);
  return (
    <Group mb="md" align="flex-end" wrap="wrap">
      <SearchBox
        value={search.q}
        onSearch={(q) => update({ q })}
        placeholder={t('expenses:list.search')}
        w={260}
      />
      <Select
        label={t('expenses:field.fiscalYear')}
        placeholder={t('common.all')}
        clearable
        data={yearList.map((y) => ({ value: String(y), label: yearLabel(y) }))}
        value={search.fiscalYear ? String(search.fiscalYear) : null}
        onChange={(v) => update({ fiscalYear: v ? Number(v) : undefined })}
        w={150}
      />
      <CompanySelect
        label={t('expenses:field.company')}
        placeholder={t('common.all')}
        clearable
        value={search.companyId ?? null}
        onChange={(v) => update({ companyId: v ?? undefined })}
        w={200}
      />
      <Select
        label={t('expenses:field.type')}
        placeholder={t('common.all')}
        clearable
        data={EXPENSE_TYPES.map((k) => ({ value: k, label: t(`expenses:type.${k}`) }))}
        value={search.type ?? null}
        onChange={(v) => update({ type: (v as ExpensesSearch['type']) ?? undefined })}
        w={180}
      />
      <Select
        label={t('expenses:scheme.keidanren_field')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={terms.options('keidanren_field', search.keidanrenField)}
        value={search.keidanrenField ?? null}
        onChange={(v) => update({ keidanrenField: v ?? undefined })}
        w={200}
      />
      <Select
        label={t('expenses:scheme.company_field')}
        placeholder={t('common.all')}
        clearable
        data={terms.options('company_field', search.companyField)}
        value={search.companyField ?? null}
        onChange={(v) => update({ companyField: v ?? undefined })}
        w={200}
      />
      <Select
        label={t('expenses:field.program')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={(programs.data?.items ?? []).map((p) => ({
          value: p.id,
          label: `${p.code} ${programName(f.locale, p)}`,
        }))}
        value={search.programId ?? null}
        onChange={(v) => update({ programId: v ?? undefined })}
        w={200}
      />
      <Select
        label={t('expenses:field.source')}
        placeholder={t('common.all')}
        clearable
        data={EXPENSE_SOURCES.map((k) => ({ value: k, label: t(`expenses:source.${k}`) }))}
        value={search.source ?? null}
        onChange={(v) => update({ source: (v as ExpensesSearch['source']) ?? undefined })}
        w={150}
      />
    </Group>
  );
}
