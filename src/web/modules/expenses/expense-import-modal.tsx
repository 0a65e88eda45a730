import { Alert, Anchor, Button, FileInput, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, withQuery } from '../../api/client';
import { useMe } from '../../api/session';
import { ScrollTable } from '../../components/data-table';
import { FormError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type ImportReport, sendBytes, useRefreshExpenses } from './expenses.api';

import template from '../../../../docs/templates/expenses.csv?raw';

let templateHref: string | undefined;
/** The import template (docs/templates/expenses.csv) as a download, UTF-8 with a BOM for Excel. */
function templateUrl(): string {
  templateHref ??= URL.createObjectURL(new Blob(['\ufeff', template], { type: 'text/csv;charset=utf-8' }));
  return templateHref;
}

type Phase = 'idle' | 'uploading' | 'working';
type Issue = { row?: number; column?: string; code: string; message: string; value?: string };

/** The bad values of a refused import (422 import_invalid names each one's row and column). */
function issuesOf(error: unknown): Issue[] {
  return error instanceof ApiError ? (error.fields as Issue[]) : [];
}

/**
 * Imports expenses from an accounting CSV (UTF-8 or Shift_JIS). A dry run comes first: the server
 * validates every row and answers its report (bad cells named by row and column) without saving;
 * only a clean dry run of the chosen file enables the import, which saves all rows or none.
 */
export function ExpenseImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const refresh = useRefreshExpenses();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [sent, setSent] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const checked = report?.dryRun === true;
  const imported = report?.committed === true;
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setPhase('uploading');
    setSent(0);
    setError(null);
    setReport(null);
    try {
      const url = withQuery('/api/expenses/imports', { dryRun: String(dryRun), fileName: file.name });
      const answer = await sendBytes<ImportReport>(url, file, 'text/csv', me.csrfToken ?? '', (share) => {
        setSent(share);
        if (share >= 1) setPhase('working');
      });
      setReport(answer);
      if (answer.committed) {
        await refresh();
        notifySuccess(t('expenses:import.doneToast', { rows: f.number(answer.rows) }));
      }
    } catch (e) {
      setError(e);
    } finally {
      setPhase('idle');
    }
  };
  const issues = issuesOf(error);
  const busy = phase !== 'idle';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('expenses:import.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('expenses:import.help')}
        </Text>
        <Anchor size="sm" href={templateUrl()} download="expenses.csv">
          <IconDownload size={14} aria-hidden /> {t('expenses:import.template')}
        </Anchor>
        <FileInput
          label={t('expenses:import.file')}
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setReport(null);
            setError(null);
          }}
          clearable
          disabled={busy}
        />
        {busy && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">
              {phase === 'uploading'
                ? t('expenses:import.uploading', { percent: Math.round(sent * 100) })
                : t('expenses:import.working')}
            </Text>
            <Progress
              value={phase === 'uploading' ? sent * 100 : 100}
              animated={phase === 'working'}
              striped={phase === 'working'}
              aria-label={t('expenses:import.progress')}
            />
          </Stack>
        )}
        <FormError error={error} />
        {issues.length > 0 && <IssuesTable issues={issues} />}
        {report && (
          <Alert color="teal" icon={<IconCheck aria-hidden />} role="status">
            {t(imported ? 'expenses:import.done' : 'expenses:import.checked', {
              rows: f.number(report.rows),
              created: f.number(report.created),
              updated: f.number(report.updated),
              unchanged: f.number(report.unchanged),
            })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button variant="light" onClick={() => send(true)} loading={busy} disabled={!file || imported}>
            {t('expenses:import.check')}
          </Button>
          <Button onClick={() => send(false)} loading={busy} disabled={!file || !checked || imported}>
            {t('expenses:import.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function IssuesTable({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={560} label={t('expenses:import.issues')}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('expenses:import.row')}</Table.Th>
            <Table.Th>{t('expenses:import.column')}</Table.Th>
            <Table.Th>{t('expenses:import.value')}</Table.Th>
            <Table.Th>{t('expenses:import.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.slice(0, 200).map((i, n) => (
            // Two problems may share a row, a column and a code: the position keeps keys unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
            <Table.Tr key={`${i.row}-${i.column}-${i.code}-${n}`}>
              <Table.Td>{i.row ?? ''}</Table.Td>
              <Table.Td ff="monospace">{i.column ?? ''}</Table.Td>
              <Table.Td>{i.value ?? ''}</Table.Td>
              <Table.Td>{i.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {issues.length > 200 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('expenses:import.more', { count: issues.length - 200 })}
        </Text>
      )}
    </ScrollTable>
  );
}
