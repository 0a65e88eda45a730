import { Badge, Button, Code, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconCoins } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel } from '../../../shared/fiscal-year';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';
import { GrantModal } from './grant-modal';
import { PointsSummary } from './points-summary';
import { type GrantsSearch, type PointsAccounts, useGrants, usePointsAccounts } from './points.api';

/**
 * Finance's points screen: the plan per fiscal year (with the expiry of ended years), the grants
 * (searched and filtered in the URL), a form to grant points, and how to import the benefit system's file.
 */
export function PointsAdminPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('points.manage');
  const accounts = usePointsAccounts();
  const [granting, setGranting] = useState(false);
  return (
    <>
      <PageHeader
        title={t('points:admin.title')}
        description={t('points:admin.description')}
        actions={
          canManage && (
            <Button leftSection={<IconCoins size={16} aria-hidden />} onClick={() => setGranting(true)}>
              {t('points:grant.open')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="points-summary">
          <Title order={2} size="h4" id="points-summary" mb="sm">
            {t('points:admin.summaryTitle')}
          </Title>
          <QueryState
            query={accounts}
            isEmpty={(d) => d.items.length === 0}
            empty={
              <Empty
                title={t('points:admin.summaryEmpty')}
                description={t('points:admin.summaryEmptyHelp')}
              />
            }
          >
            {(data) => <PointsSummary data={data} canManage={canManage} />}
          </QueryState>
        </Paper>
        <Grants accounts={accounts.data} />
        {canManage && <ImportHelp />}
      </Stack>
      {granting && <GrantYears onClose={() => setGranting(false)} />}
    </>
  );
}

/** The grant form, offered the current and the next fiscal year (labels by the organisation's settings). */
function GrantYears({ onClose }: { onClose: () => void }) {
  const f = useFormat();
  const org = useOrganisation();
  if (!org.data) return null;
  const settings = {
    startMonth: org.data.fiscalYearStartMonth,
    labelJa: org.data.fyLabelJa,
    labelEn: org.data.fyLabelEn,
  };
  const current = org.data.currentFiscalYear.startYear;
  const years = [current, current + 1].map((fy) => ({
    fiscalYear: fy,
    label: fiscalYearLabel(fy, f.locale, settings),
  }));
  return <GrantModal years={years} onClose={onClose} />;
}

/** The grants in the caller's scope, newest first. */
function Grants({ accounts }: { accounts: PointsAccounts | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<GrantsSearch>();
  const { q, fiscalYear, companyId, page = 1, size = 50 } = search;
  const grants = useGrants({ q, fiscalYear, companyId, page, size });
  const labels = new Map((accounts?.items ?? []).map((y) => [y.fiscalYear, y.label]));
  const filtered = !!(q || fiscalYear || companyId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="points-grants">
      <Title order={2} size="h4" id="points-grants" mb="sm">
        {t('points:admin.grantsTitle')}
      </Title>
      <Group mb="md" align="flex-end" wrap="wrap">
        <SearchBox
          value={q}
          onSearch={(v) => update({ q: v })}
          placeholder={t('points:admin.searchPlaceholder')}
        />
        <Select
          label={t('points:fiscalYear')}
          placeholder={t('common.all')}
          clearable
          data={(accounts?.items ?? []).map((y) => ({ value: String(y.fiscalYear), label: y.label }))}
          value={fiscalYear ? String(fiscalYear) : null}
          onChange={(v) => update({ fiscalYear: v ? Number(v) : undefined })}
          w={180}
        />
        <CompanySelect
          label={t('fields.company')}
          placeholder={t('common.all')}
          clearable
          value={companyId ?? null}
          onChange={(v) => update({ companyId: v ?? undefined })}
          w={220}
        />
      </Group>
      <QueryState
        query={grants}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Empty
            title={t('points:admin.grantsEmpty')}
            description={filtered ? t('common.emptyFiltered') : t('points:admin.grantsEmptyHelp')}
          />
        }
      >
        {(data) => (
          <>
            <ScrollTable minWidth={960} label={t('points:admin.grantsTitle')}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('points:admin.grantedOn')}</Table.Th>
                    <Table.Th>{t('points:grant.reference')}</Table.Th>
                    <Table.Th>{t('points:grant.employee')}</Table.Th>
                    <Table.Th>{t('points:fiscalYear')}</Table.Th>
                    <Table.Th ta="right">{t('points:grant.points')}</Table.Th>
                    <Table.Th ta="right">{t('points:history.value')}</Table.Th>
                    <Table.Th>{t('points:grant.note')}</Table.Th>
                    <Table.Th>{t('points:admin.grantedBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((g) => (
                    <Table.Tr key={g.postingId}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(g.postedAt)}</Table.Td>
                      <Table.Td>
                        <Code>{g.reference}</Code>
                        {g.reversed && (
                          <Badge ml="xs" size="sm" variant="light" color="orange" c="orange.9">
                            {t('points:admin.reversed')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{f.name(g.employee)}</Text>
                        <Text size="xs" c="dimmed">
                          {g.employee.employeeNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {labels.get(g.fiscalYear) ?? g.fiscalYear}
                      </Table.Td>
                      <Table.Td ta="right">{f.number(g.points)}</Table.Td>
                      <Table.Td ta="right">{f.money(g.valueJpy, 'JPY')}</Table.Td>
                      <Table.Td>{g.note}</Table.Td>
                      <Table.Td>{g.createdBy ?? t('points:admin.byImport')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager
              page={data.page}
              size={data.size}
              total={data.total}
              onPage={(p) => update({ page: p })}
              onSize={(s) => update({ size: s })}
            />
          </>
        )}
      </QueryState>
    </Paper>
  );
}

const COLUMNS = ['grant_reference', 'employee_number', 'fiscal_year', 'points', 'note'] as const;

/** How grants from the benefit system come in: the command, and the file's columns. */
function ImportHelp() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="points-import">
      <Title order={2} size="h4" id="points-import" mb="xs">
        {t('points:import.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('points:import.intro')}
      </Text>
      <Code block mb="sm">
        npx kyosei import points grants.csv{'\n'}npx kyosei import points grants.csv --dry-run
      </Code>
      <ScrollTable minWidth={560} label={t('points:import.columnsTitle')}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('points:import.column')}</Table.Th>
              <Table.Th>{t('points:import.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {COLUMNS.map((c) => (
              <Table.Tr key={c}>
                <Table.Td>
                  <Code>{c}</Code>
                </Table.Td>
                <Table.Td>{t(`points:import.columns.${c}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="xs" c="dimmed" mt="sm">
        {t('points:import.rules')}
      </Text>
    </Paper>
  );
}
