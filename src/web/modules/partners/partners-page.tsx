import { Anchor, Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FIELDS } from '../../../shared/fields';
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

export const nameOf = (locale: 'ja' | 'en', p: { nameJa: string | null; nameEn: string | null }) =>
  (locale === 'ja' ? p.nameJa : p.nameEn) ?? p.nameJa ?? p.nameEn ?? '';

/** Eligible through a date, not screened, or expired: what screening left on the partner. */
export function EligibilityBadge({ p }: { p: Partner }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = p.eligible
    ? t('campaigns:partners.eligibleYes')
    : p.eligibleUntil
      ? t('partners:list.expired', { date: f.date(p.eligibleUntil) })
      : t('partners:list.notScreened');
  return (
    <Badge variant="light" color={p.eligible ? 'teal' : 'yellow'} c="dark.7">
      {label}
    </Badge>
  );
}

/**
 * The organisations the group gives to and works with: who is eligible (screened and current), who
 * is closed, their identifiers, fields and where payouts go. Editing needs partners.manage.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('partners.manage');
  const [search, update] = useSearchState<PartnersSearch>();
  const { q, kind, field, status, eligible, page = 1, size = 50, sort = 'code' } = search;
  const list = usePartners({
    q,
    kind,
    field,
    status,
    eligible: eligible === undefined ? undefined : eligible === 'true',
    page,
    size,
    sort,
  });
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const filtered = !!(q || kind || field || status || eligible);
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={(s) => update({ sort: s })}>
      {label}
    </SortTh>
  );
  return (
    <>
      <PageHeader
        title={t('campaigns:partners.title')}
        description={t('partners:list.description')}
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
            placeholder={t('partners:list.searchPlaceholder')}
          />
          <Select
            label={t('campaigns:partners.kind')}
            placeholder={t('common.all')}
            clearable
            data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners:kind.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => update({ kind: (v as PartnersSearch['kind']) ?? undefined })}
            w={200}
          />
          <Select
            label={t('partners:list.field')}
            placeholder={t('common.all')}
            clearable
            data={FIELDS.map((x) => ({ value: x, label: t(`field.${x}`) }))}
            value={field ?? null}
            onChange={(v) => update({ field: (v as PartnersSearch['field']) ?? undefined })}
            w={220}
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
              description={filtered ? t('common.emptyFiltered') : t('partners:list.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={1100} label={t('campaigns:partners.title')}>
                <Table striped highlightOnHover style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      {th('code', t('campaigns:partners.code'))}
                      {th(f.locale === 'ja' ? 'nameJa' : 'nameEn', t('campaigns:partners.name'))}
                      <Table.Th>{t('campaigns:partners.kind')}</Table.Th>
                      <Table.Th>{t('partners:list.field')}</Table.Th>
                      <Table.Th>{t('campaigns:partners.eligible')}</Table.Th>
                      {th('eligibleUntil', t('partners:list.eligibleUntil'))}
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
                          <Anchor
                            size="sm"
                            renderRoot={(props) => (
                              <Link to="/partners/$id" params={{ id: p.id }} {...props} />
                            )}
                          >
                            {nameOf(f.locale, p)}
                          </Anchor>
                          {(p.corporateNumber || p.localGovCode) && (
                            <Text size="xs" c="dimmed" ff="monospace">
                              {p.corporateNumber
                                ? t('campaigns:partners.corporateNumberShort', { number: p.corporateNumber })
                                : `${t('partners:form.localGovCode')} ${p.localGovCode}`}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{t(`partners:kind.${p.kind}`)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {p.fields.map((x) => t(`field.${x}`)).join(f.locale === 'ja' ? '、' : ', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <EligibilityBadge p={p} />
                        </Table.Td>
                        <Table.Td>{p.eligibleUntil ? f.date(p.eligibleUntil) : '—'}</Table.Td>
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
