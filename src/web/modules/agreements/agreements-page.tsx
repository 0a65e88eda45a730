import { Button, Group, Paper, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { AgreementForm } from './agreement-form';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type Agreement, useAgreements } from './agreements.api';
import type { AgreementsSearch } from './agreements-search';
import { AgreementsTable } from './agreements-table';

/**
 * Agreements with partners (comprehensive partnerships with prefectures and cities, memoranda,
 * sponsorships, pro bono): filter by text, kind and status; managers add and edit them.
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  const canManage = useCan()('partners.manage');
  const [search, update] = useSearchState<AgreementsSearch>();
  const { q, kind, status, page = 1, size = 50, sort = '-startsOn' } = search;
  const list = useAgreements({ q, kind, status, page, size, sort });
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const filtered = !!(q || kind || status);
  return (
    <>
      <PageHeader
        title={t('partners:agreements.title')}
        description={t('partners:agreements.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('partners:agreements.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('partners:agreements.searchPlaceholder')}
          />
          <Select
            label={t('partners:agreements.kind')}
            placeholder={t('common.all')}
            clearable
            data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`partners:agreements.kinds.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => update({ kind: (v as AgreementsSearch['kind']) ?? undefined })}
            w={220}
          />
          <Select
            label={t('partners:agreements.status')}
            placeholder={t('common.all')}
            clearable
            data={AGREEMENT_STATUSES.map((s) => ({
              value: s,
              label: t(`partners:agreements.statuses.${s}`),
            }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v as AgreementsSearch['status']) ?? undefined })}
            w={180}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('partners:agreements.empty')}
              description={filtered ? t('common.emptyFiltered') : t('partners:agreements.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <AgreementsTable
                items={data.items}
                sort={sort}
                onSort={(s) => update({ sort: s })}
                onEdit={canManage ? setEditing : undefined}
                dimmed={list.isPlaceholderData}
              />
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
        <AgreementForm agreement={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
