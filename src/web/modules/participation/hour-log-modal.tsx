import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FIELDS, type Field } from '../../../shared/fields';
import { fieldErrors } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { useLogHours } from './participation.api';

type Values = {
  activityDate: string;
  organisationName: string;
  field: Field | null;
  hours: number | string;
  description: string;
};

/** Today as YYYY-MM-DD in the browser's time zone (the newest date the form offers). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Logs volunteering done outside the system: it waits for approval and counts once approved. */
export function HourLogModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const save = useLogHours();
  const required = (v: string | null) => (v?.trim() ? null : t('form.required'));
  const form = useForm<Values>({
    initialValues: { activityDate: today(), organisationName: '', field: null, hours: '', description: '' },
    validate: {
      activityDate: (v) =>
        !v ? t('form.required') : v > today() ? t('participation:logHours.futureDate') : null,
      organisationName: required,
      field: required,
      hours: (v) =>
        typeof v === 'number' && v > 0 && v <= 24 ? null : t('participation:logHours.hoursRange'),
      description: required,
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      activityDate: v.activityDate,
      organisationName: v.organisationName.trim(),
      field: v.field as Field,
      minutes: Math.max(1, Math.round(Number(v.hours) * 60)),
      description: v.description.trim(),
    };
    save.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('participation:logHours.saved'));
        onClose();
      },
      onError: (error) => {
        const { minutes, ...rest } = fieldErrors(error);
        form.setErrors(minutes ? { ...rest, hours: minutes } : rest);
      },
    });
  });
  return (
    <FormModal
      title={t('participation:logHours.title')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('participation:logHours.date')}
        type="date"
        max={today()}
        required
        {...form.getInputProps('activityDate')}
      />
      <NumberInput
        label={t('participation:logHours.hours')}
        description={t('participation:logHours.hoursHelp')}
        min={0.25}
        max={24}
        step={0.25}
        decimalScale={2}
        required
        {...form.getInputProps('hours')}
      />
      <TextInput
        label={t('participation:logHours.organisation')}
        description={t('participation:logHours.organisationHelp')}
        required
        maxLength={200}
        {...form.getInputProps('organisationName')}
      />
      <Select
        label={t('participation:field')}
        data={FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) }))}
        required
        {...form.getInputProps('field')}
      />
      <Textarea
        label={t('participation:logHours.description')}
        required
        autosize
        minRows={3}
        maxLength={2000}
        style={{ gridColumn: '1 / -1' }}
        {...form.getInputProps('description')}
      />
    </FormModal>
  );
}
