import { Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { CheckCard } from './check-card';
import { KindBadges } from './kind-badges';
import { POSTING_KINDS, type PostingSummary, usePostings } from './finance.api';
import { amountText, campaignTitle, partnerName } from './finance-format';
import type { LedgerSearch } from './finance-search';
import { PartnerSelect } from './partner-select';
import { PostingDrawer } from './posting-drawer';

/** The ledger for finance: the last check, and every posting by kind, organisation and date. */
export function LedgerPage() {
  const { t } = useTranslation();
  const [search, update] = useSearchState<LedgerSearch>();
  const { kind, partnerId, from, to, posting, page = 1, size = 50 } = search;
  const postings = usePostings({ kind, partnerId, from, to, page, size });
  const filtered = !!(kind || partnerId || from || to);
  return (
    <>
      <PageHeader title={t('finance:ledger.title')} description={t('finance:ledger.description')} />
      <CheckCard />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <Select
            label={t('finance:filters.kind')}
            placeholder={t('common.all')}
            clearable
            data={POSTING_KINDS.map((k) => ({ value: k, label: t(`finance:kind.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => update({ kind: (v ?? undefined) as LedgerSearch['kind'] })}
            w={200}
          />
          <PartnerSelect value={partnerId} onChange={(v) => update({ partnerId: v })} />
          <TextInput
            type="date"
            label={t('finance:filters.from')}
            value={from ?? ''}
            max={to}
            onChange={(e) => update({ from: e.currentTarget.value || undefined })}
            w={170}
          />
          <TextInput
            type="date"
            label={t('finance:filters.to')}
            value={to ?? ''}
            min={from}
            onChange={(e) => update({ to: e.currentTarget.value || undefined })}
            w={170}
          />
        </Group>
        <QueryState
          query={postings}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t(filtered ? 'finance:ledger.emptyFiltered' : 'finance:ledger.empty')}
              description={filtered ? undefined : t('finance:ledger.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={980} label={t('finance:ledger.postings')}>
                <Table striped verticalSpacing="xs" style={{ opacity: postings.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('finance:ledger.effectiveOn')}</Table.Th>
                      <Table.Th>{t('finance:filters.kind')}</Table.Th>
                      <Table.Th>{t('finance:ledger.linked')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('finance:ledger.amount')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('finance:ledger.valueJpy')}</Table.Th>
                      <Table.Th>{t('finance:ledger.memo')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((p) => (
                      <PostingRow key={p.id} posting={p} onOpen={() => update({ posting: p.id, page })} />
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
      {posting && (
        <PostingDrawer
          id={posting}
          onOpen={(id) => update({ posting: id, page })}
          onClose={() => update({ posting: undefined, page })}
        />
      )}
    </>
  );
}

function PostingRow({ posting: p, onOpen }: { posting: PostingSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const linked = [
    p.employee ? `${f.name(p.employee)} (${p.employee.employeeNumber})` : null,
    p.partner ? partnerName(p.partner, f) : null,
    p.campaign ? campaignTitle(p.campaign, f) : null,
  ].filter(Boolean);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <div>{f.date(p.effectiveOn)}</div>
        <Text size="xs" c="dimmed">
          {f.dateTime(p.postedAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <KindBadges posting={p} />
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {linked.length === 0
            ? '—'
            : linked.map((l) => (
                <Text size="sm" key={l}>
                  {l}
                </Text>
              ))}
        </Stack>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {p.amounts.map((a) => (
          <div key={a.unit}>{amountText(a.amount, a.unit, f, t)}</div>
        ))}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{f.money(p.valueJpy, 'JPY')}</Table.Td>
      <Table.Td maw={240}>
        <Text size="sm" lineClamp={2}>
          {p.memo ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="subtle"
          onClick={onOpen}
          aria-label={t('finance:ledger.openNamed', {
            kind: t(`finance:kind.${p.kind}`),
            date: f.date(p.effectiveOn),
          })}
        >
          {t('common.view')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
