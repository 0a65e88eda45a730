import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useSave } from '../../api/resources';
import type { Department } from '../../api/types';
import { CompanySelect, DepartmentSelect } from '../../components/org-selects';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';

type Values = {
  companyId: string | null;
  parentId: string | null;
  code: string;
  nameJa: string;
  nameEn: string;
};

/** Create or edit a department; its parent is another department of the same company. */
export function DepartmentForm({
  department,
  companyId,
  onClose,
}: {
  department: Department | null;
  companyId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSave<Department>('departments');
  const form = useForm<Values>({
    initialValues: {
      companyId: department?.companyId ?? companyId ?? null,
      parentId: department?.parentId ?? null,
      code: department?.code ?? '',
      nameJa: department?.nameJa ?? '',
      nameEn: department?.nameEn ?? '',
    },
    validate: {
      companyId: (v) => (v ? null : t('form.required')),
      code: (v) => (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(v.trim()) ? null : t('form.codeInvalid')),
      nameJa: (v) => (v.trim() ? null : t('form.required')),
      nameEn: (v) => (v.trim() ? null : t('form.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      ...(department ? {} : { companyId: v.companyId }),
      parentId: v.parentId,
      code: v.code.trim(),
      nameJa: v.nameJa.trim(),
      nameEn: v.nameEn.trim(),
    };
    save.mutate(
      { id: department?.id, body },
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
      title={department ? t('departments.edit') : t('departments.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <CompanySelect
        label={t('fields.company')}
        required
        disabled={!!department}
        {...form.getInputProps('companyId')}
        onChange={(v) => {
          form.setFieldValue('companyId', v);
          form.setFieldValue('parentId', null);
        }}
      />
      <DepartmentSelect
        label={t('fields.parentDepartment')}
        placeholder={t('departments.noParent')}
        companyId={form.values.companyId}
        exclude={department?.id}
        clearable
        {...form.getInputProps('parentId')}
      />
      <TextInput label={t('fields.code')} required {...form.getInputProps('code')} />
      <div />
      <TextInput label={t('fields.nameJa')} required {...form.getInputProps('nameJa')} />
      <TextInput label={t('fields.nameEn')} required {...form.getInputProps('nameEn')} />
    </FormModal>
  );
}
