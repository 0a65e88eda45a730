import { NumberInput, Select, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { type Impact, type ImpactBody, useSaveImpact } from './evaluation.api';
import { useFiscalYears } from './evaluation.format';

const COUNTS = [
  'assessed',
  'connect',
  'improve',
  'transform',
  'behaviourChange',
  'skillsChange',
  'qualityOfLifeChange',
] as const;
type Values = Record<(typeof COUNTS)[number], number | string> & { fiscalYear: string; method: string };

const n = (v: number | string) => (typeof v === 'number' ? v : Number(v) || 0);

/** Record (impact null) or change a year's B4SI impact; the same limits as the server, shown as you type. */
export function ImpactForm({
  programId,
  impact,
  onClose,
}: {
  programId: string;
  impact: Impact | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const years = useFiscalYears();
  const save = useSaveImpact();
  const form = useForm<Values>({
    initialValues: {
      fiscalYear: String(impact?.fiscalYear ?? years.current - 1),
      method: impact?.method ?? '',
      ...(Object.fromEntries(COUNTS.map((k) => [k, impact?.[k] ?? 0])) as Record<
        (typeof COUNTS)[number],
        number
      >),
    },
    validate: {
      connect: (_v, all) =>
        n(all.connect) + n(all.improve) + n(all.transform) > n(all.assessed)
          ? t('evaluation:impact.depthOver')
          : null,
      behaviourChange: (v, all) => (n(v) > n(all.assessed) ? t('evaluation:impact.typeOver') : null),
      skillsChange: (v, all) => (n(v) > n(all.assessed) ? t('evaluation:impact.typeOver') : null),
      qualityOfLifeChange: (v, all) => (n(v) > n(all.assessed) ? t('evaluation:impact.typeOver') : null),
    },
  });
  const v = form.values;
  const submit = form.onSubmit((values) => {
    const body = {
      ...(Object.fromEntries(COUNTS.map((k) => [k, n(values[k])])) as Omit<ImpactBody, 'method'>),
      method: values.method.trim() || null,
    };
    save.mutate(
      { programId, fiscalYear: Number(values.fiscalYear), body },
      {
        onSuccess: () => {
          notifySuccess(t('evaluation:impact.saved'));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  });
  const yearOptions = Array.from({ length: 10 }, (_, i) => years.current - i).map((fy) => ({
    value: String(fy),
    label: years.label(fy),
  }));
  return (
    <FormModal
      title={
        impact ? t('evaluation:impact.edit', { year: impact.fiscalYearLabel }) : t('evaluation:impact.record')
      }
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <Select
        label={t('evaluation:impact.fiscalYear')}
        data={yearOptions}
        allowDeselect={false}
        disabled={!!impact}
        {...form.getInputProps('fiscalYear')}
      />
      {COUNTS.map((k) => (
        <NumberInput
          key={k}
          label={t(`evaluation:impact.${k}`)}
          min={0}
          allowDecimal={false}
          {...form.getInputProps(k)}
        />
      ))}
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('evaluation:impact.depthHint', {
          sum: n(v.connect) + n(v.improve) + n(v.transform),
          assessed: n(v.assessed),
        })}
      </Text>
      <Textarea
        label={t('evaluation:impact.method')}
        autosize
        minRows={2}
        {...form.getInputProps('method')}
      />
    </FormModal>
  );
}
