import { NumberInput, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors, type Page } from '../../api/client';
import type { Employee } from '../../api/types';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { useFormat } from '../../i18n';
import {
  type Certification,
  type Holder,
  useAddHolder,
  useCreateCertification,
  useRenewHolder,
  useRevokeHolder,
} from './certifications.api';

const today = () => new Date().toISOString().slice(0, 10);

/** A new certification of the program (code, names, how long a period lasts). */
export function CertificationModal({ programId, onClose }: { programId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useCreateCertification(programId);
  const form = useForm({
    initialValues: { code: '', nameJa: '', nameEn: '', validityMonths: 24 as number | string },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        code: v.code.trim(),
        nameJa: v.nameJa.trim() || null,
        nameEn: v.nameEn.trim() || null,
        validityMonths: v.validityMonths === '' ? null : Number(v.validityMonths),
      },
      {
        onSuccess: () => {
          notifySuccess(t('certifications:dialogs.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <FormModal
      title={t('certifications:dialogs.newCertification')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput label={t('certifications:dialogs.code')} required {...form.getInputProps('code')} />
      <NumberInput
        label={t('certifications:dialogs.validityMonths')}
        description={t('certifications:dialogs.validityHelp')}
        min={1}
        max={240}
        allowDecimal={false}
        {...form.getInputProps('validityMonths')}
      />
      <TextInput label={t('certifications:dialogs.nameJa')} {...form.getInputProps('nameJa')} />
      <TextInput label={t('certifications:dialogs.nameEn')} {...form.getInputProps('nameEn')} />
    </FormModal>
  );
}

/** Certify an employee: pick them by name or number, the day, and (optionally) the end. */
export function AddHolderModal({
  certification,
  onClose,
}: {
  certification: Certification;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useAddHolder(certification.id);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const people = useQuery({
    queryKey: ['employees', 'pick', q],
    queryFn: () => api<Page<Employee>>('/api/employees', { query: { q: q || undefined, size: 20 } }),
  });
  const form = useForm({ initialValues: { employeeId: '', certifiedOn: today(), expiresOn: '' } });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { employeeId: v.employeeId, certifiedOn: v.certifiedOn, expiresOn: v.expiresOn || undefined },
      {
        onSuccess: () => {
          notifySuccess(t('certifications:dialogs.certified'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <FormModal
      title={t('certifications:dialogs.addHolder')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <Select
        label={t('certifications:dialogs.employee')}
        required
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={(people.data?.items ?? []).map((e) => ({
          value: e.id,
          label: `${f.name(e)} (${e.employeeNumber})`,
        }))}
        nothingFoundMessage={t('certifications:dialogs.noEmployee')}
        {...form.getInputProps('employeeId')}
      />
      <TextInput
        label={t('certifications:dialogs.certifiedOn')}
        type="date"
        required
        {...form.getInputProps('certifiedOn')}
      />
      <TextInput
        label={t('certifications:dialogs.expiresOn')}
        description={
          certification.validityMonths
            ? t('certifications:dialogs.expiresDefault', { months: certification.validityMonths })
            : undefined
        }
        type="date"
        {...form.getInputProps('expiresOn')}
      />
    </FormModal>
  );
}

/** Renew a period (a new one from a day) or revoke it from a day on. */
export function PeriodModal({
  kind,
  holder,
  onClose,
}: {
  kind: 'renew' | 'revoke';
  holder: Holder;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const renew = useRenewHolder();
  const revoke = useRevokeHolder();
  const action = kind === 'renew' ? renew : revoke;
  const form = useForm({
    initialValues: {
      day:
        kind === 'renew' && holder.expiresOn && holder.expiresOn >= today()
          ? nextDay(holder.expiresOn)
          : today(),
      expiresOn: '',
    },
  });
  const done = () => {
    notifySuccess(t(kind === 'renew' ? 'certifications:dialogs.renewed' : 'certifications:dialogs.revoked'));
    onClose();
  };
  const onError = (e: unknown) =>
    form.setErrors({ day: fieldErrors(e).certifiedOn ?? fieldErrors(e).revokedOn });
  const submit = form.onSubmit((v) =>
    kind === 'renew'
      ? renew.mutate(
          { id: holder.id, body: { certifiedOn: v.day, expiresOn: v.expiresOn || undefined } },
          { onSuccess: done, onError },
        )
      : revoke.mutate({ id: holder.id, revokedOn: v.day }, { onSuccess: done, onError }),
  );
  return (
    <FormModal
      title={t(`certifications:dialogs.${kind}Title`, { name: f.name(holder) })}
      onClose={onClose}
      onSubmit={submit}
      error={action.error}
      saving={action.isPending}
    >
      <TextInput
        label={t(`certifications:dialogs.${kind}On`)}
        type="date"
        required
        {...form.getInputProps('day')}
      />
      {kind === 'renew' && (
        <TextInput
          label={t('certifications:dialogs.expiresOn')}
          type="date"
          {...form.getInputProps('expiresOn')}
        />
      )}
    </FormModal>
  );
}

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
