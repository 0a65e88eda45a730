import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useList, useSave } from '../../api/resources';
import { type Company, SITE_KINDS, type Site } from '../../api/types';
import { CompanySelect } from '../../components/org-selects';
import { useFormat } from '../../i18n';
import { timeZoneOptions } from '../../reference';
import { usePrefectures } from './organisations.api';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';

type Values = {
  companyId: string | null;
  code: string;
  nameJa: string;
  nameEn: string;
  kind: string;
  prefecture: string | null;
  region: string;
  timeZone: string;
};

/** Create or edit a site. A site of a Japanese company has a prefecture; elsewhere a free region. */
export function SiteForm({
  site,
  companyId,
  onClose,
}: {
  site: Site | null;
  companyId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSave<Site>('sites');
  const companies = useList<Company>('companies', { size: 200, sort: 'code' });
  const prefectures = usePrefectures();
  const form = useForm<Values>({
    initialValues: {
      companyId: site?.companyId ?? companyId ?? null,
      code: site?.code ?? '',
      nameJa: site?.nameJa ?? '',
      nameEn: site?.nameEn ?? '',
      kind: site?.kind ?? 'office',
      prefecture: site?.prefecture ?? null,
      region: site?.region ?? '',
      timeZone: site?.timeZone ?? 'Asia/Tokyo',
    },
    validate: {
      companyId: (v) => (v ? null : t('form.required')),
      code: (v) => (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(v.trim()) ? null : t('form.codeInvalid')),
      nameJa: (v) => (v.trim() ? null : t('form.required')),
      nameEn: (v) => (v.trim() ? null : t('form.required')),
      timeZone: (v) => (v ? null : t('form.required')),
    },
  });
  const company = companies.data?.items.find((c) => c.id === form.values.companyId);
  const inJapan = (company?.country ?? 'JP') === 'JP';

  const submit = form.onSubmit((v) => {
    const body = {
      ...(site ? {} : { companyId: v.companyId }),
      code: v.code.trim(),
      nameJa: v.nameJa.trim(),
      nameEn: v.nameEn.trim(),
      kind: v.kind,
      prefecture: inJapan ? v.prefecture : null,
      region: inJapan ? null : v.region.trim() || null,
      timeZone: v.timeZone,
    };
    save.mutate(
      { id: site?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('common.savedNamed', { name: body.code }));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  });

  return (
    <FormModal
      title={site ? t('sites.edit') : t('sites.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <CompanySelect
        label={t('fields.company')}
        required
        disabled={!!site}
        {...form.getInputProps('companyId')}
      />
      <TextInput label={t('fields.code')} required {...form.getInputProps('code')} />
      <TextInput label={t('fields.nameJa')} required {...form.getInputProps('nameJa')} />
      <TextInput label={t('fields.nameEn')} required {...form.getInputProps('nameEn')} />
      <Select
        label={t('fields.siteKind')}
        data={SITE_KINDS.map((k) => ({ value: k, label: t(`siteKind.${k}`) }))}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      {inJapan ? (
        <Select
          label={t('fields.prefecture')}
          data={(prefectures.data ?? []).map((p) => ({ value: p.code, label: f.name(p) }))}
          searchable
          clearable
          {...form.getInputProps('prefecture')}
        />
      ) : (
        <TextInput label={t('fields.region')} {...form.getInputProps('region')} />
      )}
      <Select
        label={t('fields.timeZone')}
        data={timeZoneOptions()}
        searchable
        allowDeselect={false}
        limit={100}
        required
        {...form.getInputProps('timeZone')}
      />
    </FormModal>
  );
}
