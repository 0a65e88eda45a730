import { Badge, Paper, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { CLASS_REQUEST_STATUSES, type ClassRequestStatus, useClassRequests } from './certifications.api';
import { ClassRequestDrawer } from './class-request-drawer';
import type { ClassRequestsSearch } from './class-requests-search';
import { programName, STATUS_COLOR } from './class-requests.format';

/**
 * The coordinators' queue of class requests from schools and municipalities: open ones first, each
 * opening a panel to assign certified instructors, decline, or record the class as held.
 */
export function ClassRequestsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<ClassRequestsSearch>();
  const { status, id, page = 1, size = 50 } = search;
  const list = useClassRequests({ status, page, size });
  return (
    <>
      <PageHeader
        title={t('certifications:requests.title')}
        description={t('certifications:requests.description')}
      />
      <Paper withBorder p="md">
        <Select
          mb="md"
          label={t('certifications:requests.status')}
          placeholder={t('common.all')}
          clearable
          data={CLASS_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`certifications:status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => update({ status: (v as ClassRequestStatus) ?? undefined })}
          w={220}
        />
        <QueryState
          query={list}
          isEmpty={(d) => d.items.length === 0}
          empty={
            <Empty
              title={t('certifications:requests.empty')}
              description={status ? t('common.emptyFiltered') : t('certifications:requests.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={900} label={t('certifications:requests.title')}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('certifications:requests.reference')}</Table.Th>
                      <Table.Th>{t('certifications:requests.requester')}</Table.Th>
                      <Table.Th>{t('certifications:requests.program')}</Table.Th>
                      <Table.Th>{t('certifications:requests.preferredOn')}</Table.Th>
                      <Table.Th>{t('certifications:requests.scheduledOn')}</Table.Th>
                      <Table.Th ta="right">{t('certifications:requests.participants')}</Table.Th>
                      <Table.Th ta="right">{t('certifications:requests.instructors')}</Table.Th>
                      <Table.Th>{t('certifications:requests.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td ff="monospace">
                          <UnstyledButton
                            onClick={() => update({ id: r.id, page })}
                            c="indigo.8"
                            td="underline"
                            aria-label={t('certifications:requests.open', { reference: r.reference })}
                          >
                            {r.reference}
                          </UnstyledButton>
                        </Table.Td>
                        <Table.Td>
                          {r.requesterOrganisation}
                          <Text size="xs" c="dimmed">
                            {t(`certifications:requesterKind.${r.requesterKind}`)} · {r.contactName}
                          </Text>
                        </Table.Td>
                        <Table.Td>{programName(f.locale, r)}</Table.Td>
                        <Table.Td>{f.date(r.preferredOn)}</Table.Td>
                        <Table.Td>{r.scheduledOn ? f.date(r.scheduledOn) : '—'}</Table.Td>
                        <Table.Td ta="right">{f.number(r.expectedParticipants)}</Table.Td>
                        <Table.Td ta="right">{f.number(r.instructorCount)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATUS_COLOR[r.status]} c="dark.7">
                            {t(`certifications:status.${r.status}`)}
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
                onSize={(n) => update({ size: n })}
              />
            </>
          )}
        </QueryState>
      </Paper>
      {id && <ClassRequestDrawer id={id} onClose={() => update({ id: undefined, page })} />}
    </>
  );
}
