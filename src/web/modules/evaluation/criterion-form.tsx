import { NumberInput, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { type Criterion, useSaveCriterion } from './evaluation.api';

type Values = {
  code: string;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  position: number | string;
  active: boolean;
};

const orNull = (v: string) => v.trim() || null;

/** Add (criterion null) or change a criterion; its code is fixed once created. */
export function CriterionForm({ criterion, onClose }: { criterion: Criterion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCriterion();
  const form = useForm<Values>({
    initialValues: {
      code: criterion?.code ?? '',
      nameJa: criterion?.nameJa ?? '',
      nameEn: criterion?.nameEn ?? '',
      descriptionJa: criterion?.descriptionJa ?? '',
      descriptionEn: criterion?.descriptionEn ?? '',
      position: criterion?.position ?? '',
      active: criterion?.active ?? true,
    },
    validate: {
      code: (v) =>
        criterion || /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(v.trim()) ? null : t('form.codeInvalid'),
      nameJa: (v, all) => (v.trim() || all.nameEn.trim() ? null : t('evaluation:criteria.nameRequired')),
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      nameJa: orNull(v.nameJa),
      nameEn: orNull(v.nameEn),
      descriptionJa: orNull(v.descriptionJa),
      descriptionEn: orNull(v.descriptionEn),
      ...(typeof v.position === 'number' ? { position: v.position } : {}),
      active: v.active,
    };
    save.mutate(
      { id: criterion?.id, body: criterion ? body : { ...body, code: v.code.trim() } },
      {
        onSuccess: (saved) => {
          notifySuccess(t('common.savedNamed', { name: saved.code }));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  });
  return (
    <FormModal
      title={criterion ? t('evaluation:criteria.edit') : t('evaluation:criteria.add')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('evaluation:criteria.code')}
        required={!criterion}
        disabled={!!criterion}
        data-autofocus
        {...form.getInputProps('code')}
      />
      <NumberInput
        label={t('evaluation:criteria.position')}
        min={0}
        max={999}
        {...form.getInputProps('position')}
      />
      <TextInput label={t('evaluation:criteria.nameJa')} lang="ja" {...form.getInputProps('nameJa')} />
      <TextInput label={t('evaluation:criteria.nameEn')} lang="en" {...form.getInputProps('nameEn')} />
      <Textarea
        label={t('evaluation:criteria.descriptionJa')}
        lang="ja"
        autosize
        minRows={2}
        {...form.getInputProps('descriptionJa')}
      />
      <Textarea
        label={t('evaluation:criteria.descriptionEn')}
        lang="en"
        autosize
        minRows={2}
        {...form.getInputProps('descriptionEn')}
      />
      <Switch
        label={t('evaluation:criteria.active')}
        {...form.getInputProps('active', { type: 'checkbox' })}
      />
    </FormModal>
  );
}
