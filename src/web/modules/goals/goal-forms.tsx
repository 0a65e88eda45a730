import { Checkbox, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { useFormat } from '../../i18n';
import {
  ACCUMULATIONS,
  COMPARISONS,
  type Metric,
  type TargetDetail,
  type YearlyGoal,
  useMetrics,
  usePutProgress,
  useSaveTarget,
  useSaveYearly,
} from './goals.api';

const FULL = { gridColumn: '1 / -1' } as const;
const orNull = (v: string) => v.trim() || null;
const numOrNull = (v: string | number) => (v === '' || v === null ? null : Number(v));

/** The metrics as choices: code, name in the UI language, computed or manual. */
function useMetricChoices() {
  const { t } = useTranslation();
  const f = useFormat();
  const metrics = useMetrics();
  const label = (m: Metric) =>
    `${m.code} ${f.locale === 'ja' ? m.nameJa || m.nameEn : m.nameEn || m.nameJa} (${t(`goals:metrics.${m.kind}`)})`;
  return (metrics.data?.items ?? []).map((m) => ({ value: m.id, label: label(m) }));
}

/** Add (target null) or change a medium- to long-term target. */
export function TargetForm({ target, onClose }: { target: TargetDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTarget();
  const metrics = useMetricChoices();
  const form = useForm({
    initialValues: {
      code: target?.code ?? '',
      titleJa: target?.titleJa ?? '',
      titleEn: target?.titleEn ?? '',
      descriptionJa: target?.descriptionJa ?? '',
      descriptionEn: target?.descriptionEn ?? '',
      periodStart: target?.periodStart ?? '',
      periodEnd: target?.periodEnd ?? '',
      metricId: target?.metricId ?? '',
      targetValue: (target?.targetValue ?? '') as number | string,
      accumulation: target?.accumulation ?? 'sum',
      materiality: target?.materiality ?? false,
      position: target?.position ?? 0,
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      code: v.code.trim(),
      titleJa: orNull(v.titleJa),
      titleEn: orNull(v.titleEn),
      descriptionJa: orNull(v.descriptionJa),
      descriptionEn: orNull(v.descriptionEn),
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      metricId: v.metricId || null,
      targetValue: v.metricId ? numOrNull(v.targetValue) : null,
      accumulation: v.accumulation as 'sum' | 'latest',
      materiality: v.materiality,
      position: Number(v.position) || 0,
    };
    save.mutate(
      { id: target?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('goals:targets.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  return (
    <FormModal
      title={t(target ? 'goals:targets.edit' : 'goals:targets.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput label={t('goals:form.code')} required {...form.getInputProps('code')} />
      <NumberInput label={t('goals:form.position')} min={0} max={999} {...form.getInputProps('position')} />
      <TextInput label={t('goals:form.titleJa')} {...form.getInputProps('titleJa')} />
      <TextInput label={t('goals:form.titleEn')} {...form.getInputProps('titleEn')} />
      <Textarea
        label={t('goals:form.descriptionJa')}
        autosize
        minRows={2}
        {...form.getInputProps('descriptionJa')}
      />
      <Textarea
        label={t('goals:form.descriptionEn')}
        autosize
        minRows={2}
        {...form.getInputProps('descriptionEn')}
      />
      <TextInput
        type="date"
        label={t('goals:form.periodStart')}
        required
        {...form.getInputProps('periodStart')}
      />
      <TextInput
        type="date"
        label={t('goals:form.periodEnd')}
        required
        {...form.getInputProps('periodEnd')}
      />
      <Select
        label={t('goals:form.metric')}
        placeholder={t('goals:form.noMetric')}
        clearable
        searchable
        data={metrics}
        {...form.getInputProps('metricId')}
      />
      <NumberInput
        label={t('goals:form.targetValue')}
        disabled={!form.values.metricId}
        {...form.getInputProps('targetValue')}
      />
      <Select
        label={t('goals:form.accumulation')}
        data={ACCUMULATIONS.map((a) => ({ value: a, label: t(`goals:accumulation.${a}`) }))}
        {...form.getInputProps('accumulation')}
      />
      <Checkbox
        mt="lg"
        label={t('goals:form.materiality')}
        {...form.getInputProps('materiality', { type: 'checkbox' })}
      />
    </FormModal>
  );
}

/** Add (goal null) or change a goal of a fiscal year. */
export function YearlyGoalForm({
  goal,
  fiscalYear,
  targets,
  onClose,
}: {
  goal: YearlyGoal | null;
  fiscalYear: number;
  targets: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveYearly();
  const metrics = useMetricChoices();
  const form = useForm({
    initialValues: {
      targetId: goal?.targetId ?? '',
      textJa: goal?.textJa ?? '',
      textEn: goal?.textEn ?? '',
      metricId: goal?.metricId ?? '',
      comparison: goal?.comparison ?? 'none',
      goalValue: (goal?.goalValue ?? '') as number | string,
      position: goal?.position ?? 0,
    },
  });
  const measured = form.values.comparison !== 'none';
  const valued = form.values.comparison === 'at_least' || form.values.comparison === 'at_most';
  const submit = form.onSubmit((v) => {
    const body = {
      fiscalYear: goal?.fiscalYear ?? fiscalYear,
      targetId: v.targetId || null,
      textJa: orNull(v.textJa),
      textEn: orNull(v.textEn),
      comparison: v.comparison as YearlyGoal['comparison'],
      metricId: measured ? v.metricId || null : null,
      goalValue: valued ? numOrNull(v.goalValue) : null,
      position: Number(v.position) || 0,
    };
    save.mutate(
      { id: goal?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('goals:yearly.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  return (
    <FormModal
      title={t(goal ? 'goals:yearly.edit' : 'goals:yearly.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput label={t('goals:form.textJa')} style={FULL} {...form.getInputProps('textJa')} />
      <TextInput label={t('goals:form.textEn')} style={FULL} {...form.getInputProps('textEn')} />
      <Select
        label={t('goals:form.target')}
        placeholder={t('goals:form.noTarget')}
        clearable
        data={targets}
        {...form.getInputProps('targetId')}
      />
      <NumberInput label={t('goals:form.position')} min={0} max={999} {...form.getInputProps('position')} />
      <Select
        label={t('goals:form.comparison')}
        data={COMPARISONS.map((c) => ({ value: c, label: t(`goals:comparison.${c}`) }))}
        {...form.getInputProps('comparison')}
      />
      <Select
        label={t('goals:form.metric')}
        clearable
        searchable
        disabled={!measured}
        data={metrics}
        {...form.getInputProps('metricId')}
      />
      <NumberInput
        label={t('goals:form.goalValue')}
        disabled={!valued}
        {...form.getInputProps('goalValue')}
      />
    </FormModal>
  );
}

/** A target's progress, achievements and issues for a fiscal year, Japanese and English side by side. */
export function ProgressForm({
  targetId,
  fiscalYear,
  current,
  onClose,
}: {
  targetId: string;
  fiscalYear: number;
  current: Partial<Record<string, string | null | number>> | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = usePutProgress();
  const keys = [
    'progressJa',
    'progressEn',
    'achievementsJa',
    'achievementsEn',
    'issuesJa',
    'issuesEn',
  ] as const;
  const form = useForm({
    initialValues: Object.fromEntries(keys.map((k) => [k, String(current?.[k] ?? '')])),
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: targetId, fiscalYear, body: Object.fromEntries(keys.map((k) => [k, orNull(v[k] ?? '')])) },
      {
        onSuccess: () => {
          notifySuccess(t('goals:progress.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  const label = (k: (typeof keys)[number]) =>
    `${t(`goals:progress.${k.slice(0, -2)}`)} (${t(`goals:progress.${k.endsWith('Ja') ? 'ja' : 'en'}`)})`;
  return (
    <FormModal
      title={t('goals:progress.title')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      {keys.map((k) => (
        <Textarea key={k} label={label(k)} autosize minRows={3} {...form.getInputProps(k)} />
      ))}
    </FormModal>
  );
}
