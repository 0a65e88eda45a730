import { Anchor, Drawer, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELDS, type Field } from '../../../shared/fields';
import { Empty, Pager, ScrollTable, SortTh } from '../../components/data-table';
import { LoadError, PageLoader, QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { CompanySelect, SiteSelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import {
  RegistrationDetails,
  RegistrationStatusBadge,
  Tags,
  useRegistrationLabels,
} from './registration-details';
import {
  type RegistrationStatus,
  useSkills,
  useVolunteer,
  useVolunteers,
  type VolunteersSearch,
} from './registrations.api';

/**
 * The volunteer database: the registrations of the employees in the user's scope, searched, filtered,
 * sorted and paged by the server. The filters live in the URL; a row opens the registration.
 */
export function VolunteersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useRegistrationLabels();
  const skills = useSkills(true);
  const [search, update] = useSearchState<VolunteersSearch>();
  const { q, companyId, siteId, field, skill, status, joinedFrom, joinedTo } = search;
  const { page = 1, size = 50, sort = '-joinedOn' } = search;
  const [open, setOpen] = useState<string | null>(null);
  const list = useVolunteers({
    q,
    companyId,
    siteId,
    field,
    skill,
    status,
    joinedFrom,
    joinedTo,
    page,
    size,
    sort,
  });
  const th = (key: string, text: string) => (
    <SortTh field={key} sort={sort} onSort={(s) => update({ sort: s })}>
      {text}
    </SortTh>
  );
  const filtered = !!(q || companyId || siteId || field || skill || status || joinedFrom || joinedTo);

  return (
    <>
      <PageHeader
        title={t('volunteer:list.title')}
        description={list.data ? t('volunteer:list.count', { total: f.number(list.data.total) }) : undefined}
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('volunteer:list.searchPlaceholder')}
            w={300}
          />
          <CompanySelect
            label={t('fields.company')}
            placeholder={t('common.all')}
            clearable
            value={companyId ?? null}
            onChange={(v) => update({ companyId: v ?? undefined, siteId: undefined })}
            w={220}
          />
          <SiteSelect
            label={t('fields.site')}
            placeholder={t('common.all')}
            clearable
            companyId={companyId}
            value={siteId ?? null}
            onChange={(v) => update({ siteId: v ?? undefined })}
            w={200}
          />
          <Select
            label={t('volunteer:list.field')}
            placeholder={t('common.all')}
            clearable
            data={FIELDS.map((code) => ({ value: code, label: t(`field.${code}`) }))}
            value={field ?? null}
            onChange={(v) => update({ field: (v as Field) ?? undefined })}
            w={220}
          />
          <Select
            label={t('volunteer:list.skill')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={(skills.data ?? []).map((s) => ({ value: s.code, label: f.name(s) }))}
            value={skill ?? null}
            onChange={(v) => update({ skill: v ?? undefined })}
            w={200}
          />
          <Select
            label={t('volunteer:fields.status')}
            placeholder={t('common.all')}
            clearable
            data={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`volunteer:status.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v as RegistrationStatus) ?? undefined })}
            w={150}
          />
          <TextInput
            type="date"
            label={t('volunteer:list.joinedFrom')}
            value={joinedFrom ?? ''}
            max={joinedTo}
            onChange={(e) => update({ joinedFrom: e.currentTarget.value || undefined })}
            w={170}
          />
          <TextInput
            type="date"
            label={t('volunteer:list.joinedTo')}
            value={joinedTo ?? ''}
            min={joinedFrom}
            onChange={(e) => update({ joinedTo: e.currentTarget.value || undefined })}
            w={170}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('volunteer:list.empty')}
              description={filtered ? t('common.emptyFiltered') : t('volunteer:list.emptyHint')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={900} label={t('volunteer:list.title')}>
                <Table striped highlightOnHover style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      {th('employeeNumber', t('fields.employeeNumber'))}
                      {f.locale === 'ja' ? (
                        th('nameKana', t('fields.name'))
                      ) : (
                        <Table.Th>{t('fields.name')}</Table.Th>
                      )}
                      <Table.Th>{t('volunteer:list.companySite')}</Table.Th>
                      <Table.Th>{t('volunteer:fields.interestFields')}</Table.Th>
                      <Table.Th>{t('volunteer:fields.skills')}</Table.Th>
                      {th('joinedOn', t('volunteer:fields.joinedOn'))}
                      <Table.Th>{t('volunteer:fields.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((r) => (
                      <Table.Tr key={r.id} onClick={() => setOpen(r.id)} style={{ cursor: 'pointer' }}>
                        <Table.Td>
                          <Anchor
                            component="button"
                            type="button"
                            ff="monospace"
                            size="sm"
                            onClick={(ev) => {
                              ev.stopPropagation();
                              setOpen(r.id);
                            }}
                          >
                            {r.employee.employeeNumber}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <div>{f.name(r.employee)}</div>
                          {f.locale === 'ja' && (
                            <Text size="xs" component="div">
                              {r.employee.nameKana}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ff="monospace">
                          <div>{r.employee.companyCode}</div>
                          {r.employee.siteCode && (
                            <Text size="xs" ff="monospace" component="div">
                              {r.employee.siteCode}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Tags values={r.interestFields} label={label.field} />
                        </Table.Td>
                        <Table.Td>
                          <Tags values={r.skills} label={label.skill} />
                        </Table.Td>
                        <Table.Td>{f.date(r.joinedOn)}</Table.Td>
                        <Table.Td>
                          <RegistrationStatusBadge status={r.status} />
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
      {open && <VolunteerDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** One registration in a side drawer, read-only. */
function VolunteerDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const item = useVolunteer(id);
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={
        item.data
          ? `${item.data.employee.employeeNumber} ${f.name(item.data.employee)}`
          : t('volunteer:list.detail')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {item.isPending ? (
        <PageLoader />
      ) : item.isError ? (
        <LoadError error={item.error} onRetry={() => item.refetch()} />
      ) : (
        <RegistrationDetails registration={item.data} />
      )}
    </Drawer>
  );
}
