import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { FormError, notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import {
  type Cohort,
  GRADUATE_KINDS,
  type Graduate,
  type ImportReport,
  importGraduatesCsv,
  useSaveCohort,
  useSaveGraduate,
} from './records.api';

const text = (v: string) => v.trim() || null;
const year = (v: number | string) => (v === '' ? null : Number(v));

/** Adds or changes a cohort: code, names, fiscal year, dates. */
export function CohortModal({
  programId,
  cohort,
  onClose,
}: {
  programId: string;
  cohort?: Cohort;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCohort(programId);
  const form = useForm({
    initialValues: {
      code: cohort?.code ?? '',
      nameJa: cohort?.nameJa ?? '',
      nameEn: cohort?.nameEn ?? '',
      fiscalYear: (cohort?.fiscalYear ?? '') as number | string,
      startsOn: cohort?.startsOn ?? '',
      endsOn: cohort?.endsOn ?? '',
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: cohort?.id,
        body: {
          code: v.code.trim(),
          nameJa: text(v.nameJa),
          nameEn: text(v.nameEn),
          fiscalYear: year(v.fiscalYear) as number,
          startsOn: v.startsOn || null,
          endsOn: v.endsOn || null,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('records:cohorts.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <FormModal
      title={t(cohort ? 'records:cohorts.edit' : 'records:cohorts.add')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('records:cohorts.code')}
        description={t('records:cohorts.codeHelp')}
        required
        {...form.getInputProps('code')}
      />
      <NumberInput
        label={t('records:common.fiscalYear')}
        description={t('records:common.fiscalYearHelp')}
        required
        min={1900}
        max={2200}
        allowDecimal={false}
        thousandSeparator={false}
        {...form.getInputProps('fiscalYear')}
      />
      <TextInput label={t('records:common.nameJa')} {...form.getInputProps('nameJa')} />
      <TextInput label={t('records:common.nameEn')} {...form.getInputProps('nameEn')} />
      <TextInput type="date" label={t('records:common.startsOn')} {...form.getInputProps('startsOn')} />
      <TextInput type="date" label={t('records:common.endsOn')} {...form.getInputProps('endsOn')} />
    </FormModal>
  );
}

/** Adds or changes a graduate: kind, names, venture, the fiscal year the program supported it. */
export function GraduateModal({
  cohort,
  graduate,
  onClose,
}: {
  cohort: Cohort;
  graduate?: Graduate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveGraduate(cohort.id);
  const form = useForm({
    initialValues: {
      ref: graduate?.ref ?? '',
      kind: graduate?.kind ?? 'group',
      nameJa: graduate?.nameJa ?? '',
      nameEn: graduate?.nameEn ?? '',
      ventureJa: graduate?.ventureJa ?? '',
      ventureEn: graduate?.ventureEn ?? '',
      supportedFiscalYear: (graduate?.supportedFiscalYear ?? '') as number | string,
    },
  });
  const submit = form.onSubmit((v) => {
    const fields = {
      kind: v.kind,
      nameJa: text(v.nameJa),
      nameEn: text(v.nameEn),
      ventureJa: text(v.ventureJa),
      ventureEn: text(v.ventureEn),
      supportedFiscalYear: year(v.supportedFiscalYear),
    };
    save.mutate(
      { id: graduate?.id, body: graduate ? fields : { ...fields, ref: v.ref.trim() || undefined } },
      {
        onSuccess: () => {
          notifySuccess(t('records:graduates.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  return (
    <FormModal
      title={t(graduate ? 'records:graduates.edit' : 'records:graduates.add')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <Select
        label={t('records:graduates.kind')}
        data={GRADUATE_KINDS.map((k) => ({ value: k, label: t(`records:graduateKind.${k}`) }))}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      <TextInput
        label={t('records:graduates.ref')}
        description={t('records:graduates.refHelp')}
        disabled={!!graduate}
        {...form.getInputProps('ref')}
      />
      <TextInput label={t('records:common.nameJa')} {...form.getInputProps('nameJa')} />
      <TextInput label={t('records:common.nameEn')} {...form.getInputProps('nameEn')} />
      <TextInput label={t('records:graduates.ventureJa')} {...form.getInputProps('ventureJa')} />
      <TextInput label={t('records:graduates.ventureEn')} {...form.getInputProps('ventureEn')} />
      <NumberInput
        label={t('records:graduates.supportedFiscalYear')}
        description={t('records:graduates.supportedHelp')}
        min={cohort.fiscalYear}
        max={2200}
        allowDecimal={false}
        thousandSeparator={false}
        {...form.getInputProps('supportedFiscalYear')}
      />
    </FormModal>
  );
}

/** Imports graduates from a CSV file (docs/import-formats.md, "graduates") and shows the counts or the bad values. */
export function GraduatesImportModal({ programId, onClose }: { programId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await importGraduatesCsv(programId, file, me.csrfToken ?? null));
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('records:import.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('records:import.help')}
        </Text>
        <FileInput
          label={t('records:import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
        />
        <FormError error={error} />
        {error?.fields.length ? (
          <Stack gap={2} aria-label={t('records:import.issues')}>
            {error.fields.slice(0, 30).map((f) => (
              <Text size="xs" key={`${f.path}-${f.code}`}>
                {f.path.replace(/^rows\./, t('records:import.row'))}: {f.message}
              </Text>
            ))}
          </Stack>
        ) : null}
        {report && (
          <Alert color="teal" role="status">
            {t('records:import.done', report)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={upload} loading={busy} disabled={!file}>
            {t('records:import.run')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
