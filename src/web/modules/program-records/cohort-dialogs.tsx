import { NumberInput, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { CsvImportModal } from '../program-sessions/csv-import-modal';
import { FormModal } from '../../components/form-modal';
import { type Cohort, GRADUATE_KINDS, type Graduate, useSaveCohort, useSaveGraduate } from './records.api';

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

/** The program records a CSV file can add from the program page (docs/import-formats.md, one section each). */
export type RecordsImportKind = 'graduates' | 'projects' | 'testimonials';

/**
 * Imports one kind of program records from a CSV file into the program, with the one import dialog of
 * program records (check, then import; bad values by row and column), and refreshes what it shows.
 */
export function RecordsImportModal({
  programId,
  kind,
  onClose,
}: {
  programId: string;
  kind: RecordsImportKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <CsvImportModal
      title={t(`records:import.${kind}.title`)}
      help={t(`records:import.${kind}.help`)}
      url={`/api/programs/${programId}/imports/${kind}`}
      onClose={onClose}
      onImported={async () => {
        await queryClient.invalidateQueries({ queryKey: ['records'] });
        await queryClient.invalidateQueries({ queryKey: ['programs'] });
      }}
    />
  );
}
