import { Badge, Button, Group, Paper, Select, Table } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { RecordsImportModal } from './cohort-dialogs';
import { ProjectModal } from './project-dialogs';
import { ProjectDrawer, STATUS_COLOR } from './project-drawer';
import { PROJECT_STATUSES, type ProjectStatus, useProjects } from './records.api';

/** The projects of a program with a partner; a row opens the project in a drawer. */
export function ProjectsTab({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('programs.manage');
  const [status, setStatus] = useState<ProjectStatus | undefined>();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(50);
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const projects = useProjects(programId, { status, page, size });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('records:projects.status')}
          placeholder={t('common.all')}
          clearable
          w={200}
          value={status ?? null}
          onChange={(v) => {
            setStatus((v as ProjectStatus) ?? undefined);
            setPage(1);
          }}
          data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`records:projectStatus.${s}`) }))}
        />
        {canManage && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setImporting(true)}
            >
              {t('records:import.projects.button')}
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('records:projects.add')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState
        query={projects}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Empty
            title={t('records:projects.none')}
            description={status ? t('common.emptyFiltered') : t('records:projects.noneHelp')}
          />
        }
      >
        {(data) => (
          <>
            <ScrollTable minWidth={860} label={t('records:projects.title')}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('records:common.fiscalYear')}</Table.Th>
                    <Table.Th>{t('records:projects.titleColumn')}</Table.Th>
                    <Table.Th>{t('records:projects.partner')}</Table.Th>
                    <Table.Th ta="right">{t('records:projects.members')}</Table.Th>
                    <Table.Th ta="right">{t('records:projects.outcomes')}</Table.Th>
                    <Table.Th>{t('records:projects.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.fiscalYearLabel}</Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          onClick={() => setOpen(p.id)}
                          aria-label={t('records:projects.open', { name: p.title })}
                        >
                          {p.title}
                        </Button>
                      </Table.Td>
                      <Table.Td>{p.partner?.name ?? ''}</Table.Td>
                      <Table.Td ta="right">{f.number(p.members)}</Table.Td>
                      <Table.Td ta="right">{p.outcomesQuantity ? f.number(p.outcomesQuantity) : ''}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLOR[p.status]} c="dark.7">
                          {t(`records:projectStatus.${p.status}`)}
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
              onPage={setPage}
              onSize={(n) => {
                setSize(n);
                setPage(1);
              }}
            />
          </>
        )}
      </QueryState>
      {adding && (
        <ProjectModal programId={programId} onClose={() => setAdding(false)} onSaved={(p) => setOpen(p.id)} />
      )}
      {importing && (
        <RecordsImportModal programId={programId} kind="projects" onClose={() => setImporting(false)} />
      )}
      <ProjectDrawer
        programId={programId}
        projectId={open}
        canManage={canManage}
        onClose={() => setOpen(null)}
      />
    </Paper>
  );
}
