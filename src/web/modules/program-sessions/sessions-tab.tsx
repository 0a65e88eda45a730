import { Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { notifyError, QueryState } from '../../components/feedback';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import type { Program } from '../programs/programs.api';
import { CsvImportModal } from './csv-import-modal';
import { SessionForm } from './session-form';
import {
  SESSION_KINDS,
  type Session,
  type SessionDetail,
  type SessionKind,
  useDeleteSession,
  useSessions,
} from './sessions.api';

type Dialog = { kind: 'form'; session: SessionDetail | null } | { kind: 'import' } | null;

/** The fiscal years to filter by: from the program's start year to next year, newest first. */
const yearsOf = (program: Program) => {
  const last = new Date().getFullYear() + 1;
  const first = Math.max(program.startYear, last - 40);
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
};

/**
 * The program's sessions and events tab: date, title, counts by kind of participant and the employees
 * named among them, newest first, by fiscal year and kind; managers record, change, delete and import.
 */
export function SessionsTab({ program }: { program: Program }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const canManage = can('programs.manage');
  const client = useQueryClient();
  const [fiscalYear, setFiscalYear] = useState<number | undefined>();
  const [kind, setKind] = useState<SessionKind | undefined>();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(50);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useSessions(program.id, { fiscalYear, kind, page, size });
  const remove = useDeleteSession();
  const edit = async (s: Session) => {
    try {
      setDialog({ kind: 'form', session: await api<SessionDetail>(`/api/sessions/${s.id}`) });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('sessions:tab.fiscalYear')}
            placeholder={t('sessions:tab.allYears')}
            clearable
            w={180}
            data={yearsOf(program).map((y) => ({
              value: String(y),
              label: t('sessions:tab.yearOption', { year: y, next: y + 1 }),
            }))}
            value={fiscalYear === undefined ? null : String(fiscalYear)}
            onChange={(v) => {
              setFiscalYear(v ? Number(v) : undefined);
              setPage(1);
            }}
          />
          <Select
            label={t('sessions:fields.kind')}
            placeholder={t('sessions:tab.allKinds')}
            clearable
            w={180}
            data={SESSION_KINDS.map((k) => ({ value: k, label: t(`sessions:kind.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => {
              setKind((v as SessionKind) ?? undefined);
              setPage(1);
            }}
          />
        </Group>
        {canManage && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'import' })}
            >
              {t('sessions:tab.import')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'form', session: null })}
            >
              {t('sessions:tab.add')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Empty
            title={t('sessions:tab.none')}
            description={fiscalYear || kind ? t('common.emptyFiltered') : t('sessions:tab.noneHelp')}
          />
        }
      >
        {(data) => (
          <>
            <ScrollTable minWidth={900} label={t('sessions:tab.title')}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('sessions:fields.date')}</Table.Th>
                    <Table.Th>{t('sessions:fields.title')}</Table.Th>
                    <Table.Th>{t('sessions:fields.kind')}</Table.Th>
                    <Table.Th>{t('sessions:fields.place')}</Table.Th>
                    <Table.Th ta="right">{t('sessions:fields.participants')}</Table.Th>
                    <Table.Th ta="right">{t('sessions:fields.named')}</Table.Th>
                    <Table.Th ta="right">{t('sessions:fields.employeeHoursShort')}</Table.Th>
                    {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        {f.date(s.startsOn)}
                        {s.endsOn !== s.startsOn && ` – ${f.date(s.endsOn)}`}
                        <Text size="xs" c="dimmed">
                          {s.fiscalYearLabel}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {s.title}
                        <Text size="xs" c="dimmed" ff="monospace">
                          {s.ref}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" c="dark.7">
                          {t(`sessions:kind.${s.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {s.partnerName ??
                          (f.locale === 'en' ? (s.placeEn ?? s.placeJa) : (s.placeJa ?? s.placeEn)) ??
                          ''}
                      </Table.Td>
                      <Table.Td ta="right">
                        {f.number(s.participantsTotal)}
                        <Text size="xs" c="dimmed">
                          {(
                            [
                              'students',
                              'guardians',
                              'teachers',
                              'employees',
                              'public',
                              'organisations',
                              'other',
                            ] as const
                          )
                            .filter((k) => s.counts[k] !== null)
                            .map(
                              (k) => `${t(`sessions:participant.${k}`)} ${f.number(s.counts[k] as number)}`,
                            )
                            .join(' / ')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{f.number(s.attendeeCount)}</Table.Td>
                      <Table.Td ta="right">
                        {s.employeeHours === null ? '—' : f.number(s.employeeHours)}
                      </Table.Td>
                      {canManage && (
                        <Table.Td>
                          <RowActions
                            name={s.title}
                            onEdit={() => void edit(s)}
                            onDelete={() => remove.mutateAsync(s.id)}
                            deleteTitle={t('sessions:tab.deleteTitle')}
                            deleteMessage={t('sessions:tab.deleteMessage', { title: s.title })}
                            deleting={remove.isPending}
                          />
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
              onPage={setPage}
              onSize={(n) => {
                setSize(n);
                setPage(1);
              }}
            />
          </>
        )}
      </QueryState>
      {dialog?.kind === 'form' && (
        <SessionForm
          programId={program.id}
          partners={program.partners}
          session={dialog.session}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'import' && (
        <CsvImportModal
          title={t('sessions:import.sessionsTitle')}
          help={t('sessions:import.sessionsHelp')}
          url={`/api/programs/${program.id}/imports/sessions`}
          onClose={() => setDialog(null)}
          onImported={async () => {
            await client.invalidateQueries({ queryKey: ['program-sessions'] });
            await client.invalidateQueries({ queryKey: ['programs'] });
          }}
        />
      )}
    </Paper>
  );
}
