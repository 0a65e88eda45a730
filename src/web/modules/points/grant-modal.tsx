import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useList } from '../../api/resources';
import type { Employee } from '../../api/types';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { useFormat } from '../../i18n';
import { useGrantPoints } from './points.api';

type Values = {
  employeeId: string | null;
  fiscalYear: string;
  points: number | string;
  reference: string;
  note: string;
};

/** Finds an employee by number, name, kana or e-mail (the server searches, 20 matches at a time). */
function EmployeeSelect({
  error,
  onChange,
}: {
  error?: React.ReactNode;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Employee | null>(null);
  const [q] = useDebouncedValue(text.trim(), 300);
  const found = useList<Employee>(
    'employees',
    { q, size: 20, sort: 'employeeNumber' },
    { enabled: q.length >= 2 },
  );
  const items = found.data?.items ?? [];
  const options = [...(chosen && !items.some((e) => e.id === chosen.id) ? [chosen] : []), ...items];
  return (
    <Select
      label={t('points:grant.employee')}
      placeholder={t('points:grant.employeeSearch')}
      required
      searchable
      clearable
      data={options.map((e) => ({ value: e.id, label: `${e.employeeNumber} ${f.name(e)}` }))}
      value={chosen?.id ?? null}
      searchValue={text}
      onSearchChange={setText}
      onChange={(id) => {
        const e = options.find((o) => o.id === id) ?? null;
        setChosen(e);
        onChange(e?.id ?? null);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={q.length >= 2 && !found.isFetching ? t('points:grant.employeeNone') : undefined}
      error={error}
      style={{ gridColumn: '1 / -1' }}
    />
  );
}

/**
 * Grants points to one employee for a fiscal year that has not ended. The reference is the
 * benefit system's (or a new one): sending it again answers the same grant instead of a second one.
 */
export function GrantModal({
  years,
  onClose,
}: {
  /** The fiscal years one may grant to (not ended), with their labels; the first is the default. */
  years: { fiscalYear: number; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useGrantPoints();
  const form = useForm<Values>({
    initialValues: {
      employeeId: null,
      fiscalYear: String(years[0]?.fiscalYear ?? ''),
      points: '',
      reference: '',
      note: '',
    },
    validate: {
      employeeId: (v) => (v ? null : t('form.required')),
      fiscalYear: (v) => (v ? null : t('form.required')),
      points: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000_000
          ? null
          : t('points:grant.pointsRange'),
      reference: (v) => (v.trim() ? null : t('form.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      employeeId: v.employeeId as string,
      fiscalYear: Number(v.fiscalYear),
      points: Number(v.points),
      reference: v.reference.trim(),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    };
    save.mutate(body, {
      onSuccess: (grant) => {
        notifySuccess(
          t('points:grant.saved', {
            points: f.number(grant.points),
            name: f.name(grant.employee),
          }),
        );
        onClose();
      },
      onError: (error) => form.setErrors(fieldErrors(error)),
    });
  });
  return (
    <FormModal
      title={t('points:grant.title')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <EmployeeSelect
        error={form.errors.employeeId}
        onChange={(id) => form.setFieldValue('employeeId', id)}
      />
      <Select
        label={t('points:fiscalYear')}
        description={t('points:grant.yearHelp')}
        data={years.map((y) => ({ value: String(y.fiscalYear), label: y.label }))}
        allowDeselect={false}
        required
        {...form.getInputProps('fiscalYear')}
      />
      <NumberInput
        label={t('points:grant.points')}
        min={1}
        max={10_000_000}
        step={100}
        allowDecimal={false}
        thousandSeparator=","
        required
        {...form.getInputProps('points')}
      />
      <TextInput
        label={t('points:grant.reference')}
        description={t('points:grant.referenceHelp')}
        maxLength={100}
        required
        {...form.getInputProps('reference')}
      />
      <Textarea
        label={t('points:grant.note')}
        description={t('points:grant.noteHelp')}
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps('note')}
      />
    </FormModal>
  );
}
