import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { CompanySelect } from '../../components/org-selects';
import { useFormat } from '../../i18n';
import { type Metric, useBindings, useSaveMetric } from './goals.api';

const orNull = (v: string) => v.trim() || null;

/**
 * Add (metric null) or change a metric: bound to a computed figure (its parameters and, when the
 * figure allows it, one group company) or manual. Names and units default to the figure's.
 */
export function MetricForm({ metric, onClose }: { metric: Metric | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const bindings = useBindings();
  const save = useSaveMetric();
  const form = useForm({
    initialValues: {
      code: metric?.code ?? '',
      kind: metric?.kind ?? 'bound',
      binding: metric?.binding ?? '',
      params: Object.fromEntries(
        Object.entries(metric?.params ?? {}).map(([k, v]) => [k, String(v)]),
      ) as Record<string, string>,
      scopeCompanyId: metric?.scopeCompanyId ?? '',
      nameJa: metric?.nameJa ?? '',
      nameEn: metric?.nameEn ?? '',
      unitJa: metric?.unitJa ?? '',
      unitEn: metric?.unitEn ?? '',
    },
  });
  const bound = form.values.kind === 'bound';
  const binding = bindings.data?.find((b) => b.key === form.values.binding);
  const submit = form.onSubmit((v) => {
    const params = bound
      ? Object.fromEntries((binding?.params ?? []).map((p) => [p.name, v.params[p.name]?.trim() ?? '']))
      : {};
    const common = {
      nameJa: orNull(v.nameJa),
      nameEn: orNull(v.nameEn),
      unitJa: orNull(v.unitJa),
      unitEn: orNull(v.unitEn),
      binding: bound ? v.binding || null : null,
      params,
      scopeCompanyId: bound && binding?.scoped ? v.scopeCompanyId || null : null,
    };
    const body = metric
      ? { code: v.code.trim(), ...common }
      : { code: v.code.trim(), kind: v.kind, ...common };
    save.mutate(
      { id: metric?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('goals:metrics.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  return (
    <FormModal
      title={t(metric ? 'goals:metrics.edit' : 'goals:metrics.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput label={t('goals:metrics.code')} required {...form.getInputProps('code')} />
      <Select
        label={t('goals:metrics.kind')}
        disabled={!!metric}
        allowDeselect={false}
        data={(['bound', 'manual'] as const).map((k) => ({ value: k, label: t(`goals:metrics.kinds.${k}`) }))}
        {...form.getInputProps('kind')}
      />
      {bound && (
        <Select
          label={t('goals:metrics.binding')}
          description={t('goals:metrics.boundHelp')}
          searchable
          required
          disabled={bindings.isPending}
          data={(bindings.data ?? []).map((b) => ({
            value: b.key,
            label: f.locale === 'ja' ? b.labelJa : b.labelEn,
          }))}
          {...form.getInputProps('binding')}
        />
      )}
      {bound &&
        binding?.params.map((p) => (
          <TextInput
            key={p.name}
            type={p.format === 'date' ? 'date' : 'text'}
            label={t(`goals:metrics.params.${p.name}`)}
            required
            {...form.getInputProps(`params.${p.name}`)}
          />
        ))}
      {bound && binding?.scoped && (
        <CompanySelect
          label={t('goals:metrics.scope')}
          placeholder={t('goals:metrics.wholeGroup')}
          clearable
          {...form.getInputProps('scopeCompanyId')}
        />
      )}
      <TextInput
        label={t('goals:metrics.nameJa')}
        description={bound ? t('goals:metrics.nameDefault') : undefined}
        {...form.getInputProps('nameJa')}
      />
      <TextInput
        label={t('goals:metrics.nameEn')}
        description={bound ? t('goals:metrics.nameDefault') : undefined}
        {...form.getInputProps('nameEn')}
      />
      <TextInput label={t('goals:metrics.unitJa')} {...form.getInputProps('unitJa')} />
      <TextInput label={t('goals:metrics.unitEn')} {...form.getInputProps('unitEn')} />
    </FormModal>
  );
}
