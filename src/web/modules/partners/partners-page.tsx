import { Anchor, Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable, SortTh } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { PartnerForm } from './partner-form';
import { PARTNER_KINDS, PARTNER_STATUSES, type Partner, usePartners } from './partners.api';
import type { PartnersSearch } from './partners-search';

const nameOf = (locale: 'ja' | 'en', p: Partner) =>
  (locale === 'ja' ? p.nameJa : p.nameEn) ?? p.nameJa ?? p.nameEn ?? '';

/**
 * The organisations the group gives to (NPOs, NGOs, municipalities, schools): who is eligible to
 * receive donations, who is closed, and where payouts go. Editing needs partners.manage.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('partners.manage');
  const [search, update] = useSearchState<PartnersSearch>();
  const { q, kind, status, eligible, page = 1, size = 50, sort = 'code' } = search;
  const list = usePartners({
    q,
    kind,
    status,
    eligible: eligible === undefined ? undefined : eligible === 'true',
    page,
    size,
    sort,
  });
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const filtered = !!(q || kind || status || eligible);
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={(s) => update({ sort: s })}>
      {label}
    </SortTh>
  );
  return (
    <>
      <PageHeader
        title={t('campaigns:partners.title')}
        description={t('campaigns:partners.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('campaigns:partners.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('campaigns:partners.searchPlaceholder')}
          />
          <Select
            label={t('campaigns:partners.kind')}
            placeholder={t('common.all')}
            clearable
            data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`campaigns:partnerKind.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => update({ kind: (v as PartnersSearch['kind']) ?? undefined })}
            w={200}
          />
          <Select
            label={t('campaigns:partners.eligible')}
            placeholder={t('common.all')}
            clearable
            data={[
              { value: 'true', label: t('campaigns:partners.eligibleYes') },
              { value: 'false', label: t('campaigns:partners.eligibleNo') },
            ]}
            value={eligible ?? null}
            onChange={(v) => update({ eligible: (v as PartnersSearch['eligible']) ?? undefined })}
            w={180}
          />
          <Select
            label={t('campaigns:partners.status')}
            placeholder={t('common.all')}
            clearable
            data={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`campaigns:partnerStatus.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v as PartnersSearch['status']) ?? undefined })}
            w={160}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('campaigns:partners.empty')}
              description={filtered ? t('common.emptyFiltered') : t('campaigns:partners.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={900} label={t('campaigns:partners.title')}>
                <Table striped highlightOnHover style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      {th('code', t('campaigns:partners.code'))}
                      {th(f.locale === 'ja' ? 'nameJa' : 'nameEn', t('campaigns:partners.name'))}
                      <Table.Th>{t('campaigns:partners.kind')}</Table.Th>
                      <Table.Th>{t('campaigns:partners.eligible')}</Table.Th>
                      <Table.Th>{t('campaigns:partners.status')}</Table.Th>
                      <Table.Th ta="right">{t('campaigns:partners.campaigns')}</Table.Th>
                      <Table.Th>{t('campaigns:partners.bank')}</Table.Th>
                      {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td ff="monospace">{p.code}</Table.Td>
                        <Table.Td>
                          {p.website ? (
                            <Anchor href={p.website} target="_blank" rel="noreferrer" size="sm">
                              {nameOf(f.locale, p)}
                            </Anchor>
                          ) : (
                            nameOf(f.locale, p)
                          )}
                          {p.corporateNumber && (
                            <Text size="xs" c="dimmed" ff="monospace">
                              {t('campaigns:partners.corporateNumberShort', { number: p.corporateNumber })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{t(`campaigns:partnerKind.${p.kind}`)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={p.eligible ? 'teal' : 'yellow'} c="dark.7">
                            {p.eligible
                              ? t('campaigns:partners.eligibleYes')
                              : t('campaigns:partners.eligibleNo')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={p.status === 'active' ? 'gray' : 'red'} c="dark.7">
                            {t(`campaigns:partnerStatus.${p.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right">{f.number(p.campaignCount)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {p.bank
                              ? [p.bank.bankName, p.bank.bankBranch].filter(Boolean).join(' ')
                              : t('campaigns:partners.noBank')}
                          </Text>
                        </Table.Td>
                        {canManage && (
                          <Table.Td>
                            <RowActions name={p.code} onEdit={() => setEditing(p)} />
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
        <PartnerForm partner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
