import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from '../../api/client';
import { useMe } from '../../api/session';
import { FormError } from '../../components/feedback';
import { i18n } from '../../i18n';

type Report = { rows: number; created: number; updated: number; unchanged: number };

/** Upload a certifications CSV (docs/import-formats.md); bad rows are listed with their row and column. */
export function ImportModal({ programId, onClose }: { programId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(
        `/api/programs/${programId}/imports/certifications?fileName=${encodeURIComponent(file.name)}`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'text/csv',
            accept: 'application/json',
            'accept-language': i18n.language === 'en' ? 'en' : 'ja',
            'x-csrf-token': me.csrfToken ?? '',
          },
          body: await file.arrayBuffer(),
        },
      );
      const body = await res.json();
      if (!res.ok)
        throw new ApiError({ ...(body as Problem), status: res.status, fields: body.fields ?? [] });
      setReport(body as Report);
      await queryClient.invalidateQueries({ queryKey: ['certifications'] });
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
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
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('certifications:import.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('certifications:import.help')}
        </Text>
        <FileInput
          label={t('certifications:import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
        />
        <FormError error={error} />
        {error?.fields.length ? (
          <Stack gap={2}>
            {error.fields.slice(0, 20).map((f) => (
              <Text size="xs" key={`${f.path}-${f.code}`}>
                {f.path.replace(/^rows\./, t('certifications:import.row'))}: {f.message}
              </Text>
            ))}
          </Stack>
        ) : null}
        {report && (
          <Alert color="teal" role="status">
            {t('certifications:import.done', report)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={upload} loading={busy} disabled={!file}>
            {t('certifications:import.upload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
