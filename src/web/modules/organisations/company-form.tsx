import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useSave } from '../../api/resources';
import type { Company } from '../../api/types';
import { useFormat } from '../../i18n';
import { countryOptions, currencyOptions, timeZoneOptions } from '../../reference';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';

type Values = Pick<Company, 'code' | 'nameJa' | 'nameEn' | 'country' | 'currency' | 'timeZone'>;

/** Create (company null) or edit a group company in a modal. */
export function CompanyForm({ company, onClose }: { company: Company | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSave<Company, Values>('companies');
  const form = useForm<Values>({
    initialValues: {
      code: company?.code ?? '',
      nameJa: company?.nameJa ?? '',
      nameEn: company?.nameEn ?? '',
      country: company?.country ?? 'JP',
      currency: company?.currency ?? 'JPY',
      timeZone: company?.timeZone ?? 'Asia/Tokyo',
    },
    validate: {
      code: (v) => (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(v.trim()) ? null : t('form.codeInvalid')),
      nameJa: (v) => (v.trim() ? null : t('form.required')),
      nameEn: (v) => (v.trim() ? null : t('form.required')),
      country: (v) => (v ? null : t('form.required')),
      currency: (v) => (v ? null : t('form.required')),
      timeZone: (v) => (v ? null : t('form.required')),
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: company?.id, body: { ...values, code: values.code.trim() } },
      {
        onSuccess: () => {
          notifySuccess(t('common.savedNamed', { name: values.code }));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    ),
  );
  return (
    <FormModal
      title={company ? t('companies.edit') : t('companies.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput label={t('fields.code')} required data-autofocus {...form.getInputProps('code')} />
      <Select
        label={t('fields.country')}
        data={countryOptions(f.locale)}
        searchable
        required
        allowDeselect={false}
        {...form.getInputProps('country')}
      />
      <TextInput label={t('fields.nameJa')} required {...form.getInputProps('nameJa')} />
      <TextInput label={t('fields.nameEn')} required {...form.getInputProps('nameEn')} />
      <Select
        label={t('fields.currency')}
        data={currencyOptions(f.locale)}
        searchable
        required
        allowDeselect={false}
        {...form.getInputProps('currency')}
      />
      <Select
        label={t('fields.timeZone')}
        data={timeZoneOptions()}
        searchable
        required
        allowDeselect={false}
        limit={100}
        {...form.getInputProps('timeZone')}
      />
    </FormModal>
  );
}
