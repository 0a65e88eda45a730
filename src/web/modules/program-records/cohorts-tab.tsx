import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport, IconPencil, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox } from '../../components/list-filters';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { CohortModal, GraduateModal, RecordsImportModal } from './cohort-dialogs';
import { type Cohort, type Graduate, useCohorts, useDeleteGraduate, useGraduates } from './records.api';

type Dialog =
  | { kind: 'cohort'; cohort?: Cohort }
  | { kind: 'graduate'; graduate?: Graduate }
  | { kind: 'import' }
  | null;
type Supported = 'all' | 'supported';

const pick = (locale: 'ja' | 'en', ja: string | null, en: string | null) =>
  (locale === 'ja' ? (ja ?? en) : (en ?? ja)) ?? '';

/** The cohorts of a program with their graduates; a manager adds, edits and imports them. */
export function CohortsTab({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('programs.manage');
  const cohorts = useCohorts(programId);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const items = cohorts.data?.items ?? [];
  useEffect(() => {
    if ((!cohortId || !items.some((c) => c.id === cohortId)) && items.length)
      setCohortId(items[items.length - 1].id);
  }, [cohortId, items]);
  const cohort = items.find((c) => c.id === cohortId) ?? null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Text size="sm" data-testid="graduates-total">
          {t('records:cohorts.summary', {
            cohorts: f.number(items.length),
            graduates: f.number(cohorts.data?.graduatesTotal ?? 0),
          })}
        </Text>
        {canManage && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'import' })}
            >
              {t('records:import.graduates.button')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'cohort' })}
            >
              {t('records:cohorts.add')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState
        query={cohorts}
        isEmpty={(d) => d.items.length === 0}
        empty={<Empty title={t('records:cohorts.none')} description={t('records:cohorts.noneHelp')} />}
      >
        {(data) => (
          <Stack>
            <ScrollTable minWidth={640} label={t('records:cohorts.title')}>
              <Table highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('records:common.fiscalYear')}</Table.Th>
                    <Table.Th>{t('records:cohorts.name')}</Table.Th>
                    <Table.Th ta="right">{t('records:cohorts.graduates')}</Table.Th>
                    <Table.Th ta="right">{t('records:cohorts.supported')}</Table.Th>
                    {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((c) => (
                    <Table.Tr
                      key={c.id}
                      bg={c.id === cohortId ? 'var(--mantine-primary-color-light)' : undefined}
                    >
                      <Table.Td>{c.fiscalYearLabel}</Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          onClick={() => setCohortId(c.id)}
                          aria-pressed={c.id === cohortId}
                          aria-label={t('records:cohorts.show', { name: c.name })}
                        >
                          {c.name}
                        </Button>
                      </Table.Td>
                      <Table.Td ta="right">{f.number(c.graduates)}</Table.Td>
                      <Table.Td ta="right">{f.number(c.supportedVentures)}</Table.Td>
                      {canManage && (
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            leftSection={<IconPencil size={14} aria-hidden />}
                            aria-label={t('common.editNamed', { name: c.name })}
                            onClick={() => setDialog({ kind: 'cohort', cohort: c })}
                          >
                            {t('records:common.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {cohort && (
              <GraduatesPanel
                cohort={cohort}
                canManage={canManage}
                onAdd={() => setDialog({ kind: 'graduate' })}
                onEdit={(g) => setDialog({ kind: 'graduate', graduate: g })}
              />
            )}
          </Stack>
        )}
      </QueryState>
      {dialog?.kind === 'cohort' && (
        <CohortModal programId={programId} cohort={dialog.cohort} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'graduate' && cohort && (
        <GraduateModal cohort={cohort} graduate={dialog.graduate} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'import' && (
        <RecordsImportModal programId={programId} kind="graduates" onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}

function GraduatesPanel({
  cohort,
  canManage,
  onAdd,
  onEdit,
}: {
  cohort: Cohort;
  canManage: boolean;
  onAdd: () => void;
  onEdit: (g: Graduate) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [q, setQ] = useState<string | undefined>();
  const [supported, setSupported] = useState<Supported>('all');
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(50);
  const graduates = useGraduates(cohort.id, {
    q,
    supported: supported === 'supported' ? true : undefined,
    page,
    size,
  });
  const remove = useDeleteGraduate();
  return (
    <section aria-labelledby="graduates-heading">
      <Group justify="space-between" mb="sm" align="flex-end" wrap="wrap">
        <Title order={3} size="h4" id="graduates-heading">
          {t('records:graduates.title', { cohort: cohort.name })}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('records:graduates.filter')}
            value={supported}
            onChange={(v) => {
              setSupported(v as Supported);
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('records:graduates.all') },
              { value: 'supported', label: t('records:graduates.onlySupported') },
            ]}
          />
          <SearchBox
            value={q}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            placeholder={t('records:graduates.search')}
          />
          {canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
              {t('records:graduates.add')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryState
        query={graduates}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Empty
            title={t('records:graduates.none')}
            description={q ? t('common.emptyFiltered') : undefined}
          />
        }
      >
        {(data) => (
          <>
            <ScrollTable minWidth={760} label={t('records:graduates.tableLabel', { cohort: cohort.name })}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('records:graduates.ref')}</Table.Th>
                    <Table.Th>{t('records:graduates.name')}</Table.Th>
                    <Table.Th>{t('records:graduates.kind')}</Table.Th>
                    <Table.Th>{t('records:graduates.venture')}</Table.Th>
                    <Table.Th>{t('records:graduates.supportedFiscalYear')}</Table.Th>
                    {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((g) => {
                    const name = pick(f.locale, g.nameJa, g.nameEn);
                    return (
                      <Table.Tr key={g.id}>
                        <Table.Td ff="monospace">{g.ref}</Table.Td>
                        <Table.Td>{name}</Table.Td>
                        <Table.Td>{t(`records:graduateKind.${g.kind}`)}</Table.Td>
                        <Table.Td>{pick(f.locale, g.ventureJa, g.ventureEn)}</Table.Td>
                        <Table.Td>
                          {g.supportedFiscalYear !== null && (
                            <Badge variant="light" color="teal" c="dark.7">
                              {g.supportedFiscalYearLabel}
                            </Badge>
                          )}
                        </Table.Td>
                        {canManage && (
                          <Table.Td>
                            <RowActions
                              name={name}
                              onEdit={() => onEdit(g)}
                              onDelete={() => remove.mutateAsync(g.id)}
                              deleteTitle={t('records:graduates.deleteTitle')}
                              deleteMessage={t('records:graduates.deleteMessage', { name })}
                              deleting={remove.isPending}
                            />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
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
    </section>
  );
}
