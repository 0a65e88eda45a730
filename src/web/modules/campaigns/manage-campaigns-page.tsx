import { Anchor, Box, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable, SortTh } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { CampaignActions } from './campaign-actions';
import { CampaignStatusBadge, FundTypeBadge, useYen } from './campaign-badges';
import { CampaignForm } from './campaign-form';
import { CAMPAIGN_STATUSES, type Campaign, campaignTitle, useCampaigns } from './campaigns.api';
import type { ManageCampaignsSearch } from './campaigns-search';
import { CompanyDonationModal } from './company-donation-modal';

/**
 * The campaign desk: every campaign of the companies the user runs (drafts and closed ones too),
 * with create and edit, open and close, and recording the company's own donation.
 */
export function ManageCampaignsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const yen = useYen();
  const [search, update] = useSearchState<ManageCampaignsSearch>();
  const { q, status, companyId, page = 1, size = 50, sort = '-startsOn' } = search;
  const list = useCampaigns({ manage: true, q, status, companyId, page, size, sort });
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [recording, setRecording] = useState<Campaign | null>(null);
  const filtered = !!(q || status || companyId);
  const th = (field: string, label: string) => (
    <SortTh field={field} sort={sort} onSort={(s) => update({ sort: s })}>
      {label}
    </SortTh>
  );
  return (
    <>
      <PageHeader
        title={t('campaigns:manage.title')}
        description={t('campaigns:manage.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('campaigns:manage.create')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('campaigns:list.searchPlaceholder')}
          />
          <Select
            label={t('campaigns:manage.status')}
            placeholder={t('common.all')}
            clearable
            data={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns:status.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v as ManageCampaignsSearch['status']) ?? undefined })}
            w={160}
          />
          <CompanySelect
            label={t('campaigns:manage.company')}
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
              title={t('campaigns:manage.empty')}
              description={filtered ? t('common.emptyFiltered') : t('campaigns:manage.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={1000} label={t('campaigns:manage.title')}>
                <Table striped style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      {th('code', t('campaigns:manage.titleColumn'))}
                      <Table.Th>{t('campaigns:manage.company')}</Table.Th>
                      <Table.Th>{t('campaigns:form.fundType')}</Table.Th>
                      {th('startsOn', t('campaigns:manage.dates'))}
                      <Table.Th ta="right">{t('campaigns:manage.raised')}</Table.Th>
                      <Table.Th>{t('campaigns:manage.status')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor
                            size="sm"
                            fw={600}
                            renderRoot={(props) => (
                              <Link to="/giving/campaigns/$id" params={{ id: c.id }} {...props} />
                            )}
                          >
                            {campaignTitle(f.locale, c)}
                          </Anchor>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {c.code}
                          </Text>
                        </Table.Td>
                        <Table.Td ff="monospace">{c.companyCode}</Table.Td>
                        <Table.Td>
                          <Box w="max-content">
                            <FundTypeBadge fundType={c.fundType} />
                          </Box>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {t('campaigns:dates', { from: f.date(c.startsOn), to: f.date(c.endsOn) })}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {yen(c.totals.totalJpy)}
                          {c.goalJpy && (
                            <Text size="xs" c="dimmed">
                              {t('campaigns:manage.ofGoal', { goal: yen(c.goalJpy) })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Box w="max-content">
                            <CampaignStatusBadge status={c.status} />
                          </Box>
                        </Table.Td>
                        <Table.Td>
                          <CampaignActions
                            c={c}
                            onEdit={() => setEditing(c)}
                            onRecord={() => setRecording(c)}
                          />
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
      {editing && (
        <CampaignForm campaign={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {recording && <CompanyDonationModal campaign={recording} onClose={() => setRecording(null)} />}
    </>
  );
}
