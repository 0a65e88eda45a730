import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from '../../api/client';
import { useMe } from '../../api/session';
import { ScrollTable } from '../../components/data-table';
import { FormError } from '../../components/feedback';
import { i18n, useFormat } from '../../i18n';

type Report = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  committed: boolean;
};
type Issue = { path: string; code: string; message: string; row?: number; column?: string; value?: string };

/**
 * Uploads a CSV (UTF-8 or Shift_JIS) to an import endpoint: "Check" validates and rolls back, "Import"
 * writes all or nothing. Bad values are listed with their row, column and the server's message.
 */
export function CsvImportModal({
  title,
  help,
  url,
  onClose,
  onImported,
}: {
  title: string;
  help: string;
  url: string;
  onClose: () => void;
  onImported: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const params = new URLSearchParams({ fileName: file.name, ...(dryRun ? { dryRun: 'true' } : {}) });
      const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}${params}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'text/csv',
          accept: 'application/json',
          'accept-language': i18n.language === 'en' ? 'en' : 'ja',
          'x-csrf-token': me.csrfToken ?? '',
        },
        body: await file.arrayBuffer(),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok)
        throw new ApiError({ ...(body as Problem), status: res.status, fields: body.fields ?? [] });
      setReport(body as Report);
      if (!dryRun) await onImported();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? e
          : new ApiError({ status: 0, code: 'network', detail: t('failure.network'), fields: [] }),
      );
    } finally {
      setBusy(false);
    }
  };
  const issues = (error?.fields ?? []) as Issue[];
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {help}
        </Text>
        <FileInput
          label={t('sessions:import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
        />
        <FormError error={error} />
        {issues.length > 0 && (
          <ScrollTable minWidth={520} label={t('sessions:import.issues')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sessions:import.row')}</Table.Th>
                  <Table.Th>{t('sessions:import.column')}</Table.Th>
                  <Table.Th>{t('sessions:import.value')}</Table.Th>
                  <Table.Th>{t('sessions:import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {issues.slice(0, 100).map((i) => (
                  <Table.Tr key={`${i.path}-${i.code}-${i.value ?? ''}`}>
                    <Table.Td>{i.row ?? ''}</Table.Td>
                    <Table.Td ff="monospace">{i.column ?? ''}</Table.Td>
                    <Table.Td>{i.value ?? ''}</Table.Td>
                    <Table.Td>{i.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {report && (
          <Alert color="teal" role="status">
            {t(report.dryRun ? 'sessions:import.checked' : 'sessions:import.done', {
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
          <Button variant="light" onClick={() => send(true)} loading={busy} disabled={!file}>
            {t('sessions:import.check')}
          </Button>
          <Button onClick={() => send(false)} loading={busy} disabled={!file}>
            {t('sessions:import.upload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
