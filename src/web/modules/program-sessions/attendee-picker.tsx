import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import type { Employee } from '../../api/types';
import { useFormat } from '../../i18n';

/** An employee shown in the picker: id and the label it is shown with. */
export type PickedEmployee = { id: string; label: string };

/**
 * Picks the employees who took part in a session, by number, name, kana or e-mail (the server
 * searches, 20 at a time); the chosen ones stay listed while another search runs.
 */
export function AttendeePicker({
  value,
  onChange,
  error,
}: {
  value: PickedEmployee[];
  onChange: (v: PickedEmployee[]) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const found = useQuery({
    queryKey: ['employees', 'pick', q],
    queryFn: () => api<Page<Employee>>('/api/employees', { query: { q, size: 20, sort: 'employeeNumber' } }),
    enabled: q.length >= 2,
  });
  const results = (found.data?.items ?? []).map((e) => ({
    id: e.id,
    label: `${f.name(e)} (${e.employeeNumber})`,
  }));
  const options = [...value, ...results.filter((r) => !value.some((v) => v.id === r.id))];
  return (
    <MultiSelect
      label={t('sessions:form.attendees')}
      description={t('sessions:form.attendeesHelp', { count: value.length })}
      placeholder={t('sessions:form.attendeesSearch')}
      searchable
      clearable
      data={options.map((o) => ({ value: o.id, label: o.label }))}
      value={value.map((v) => v.id)}
      searchValue={text}
      onSearchChange={setText}
      onChange={(ids) => onChange(ids.map((id) => options.find((o) => o.id === id) as PickedEmployee))}
      filter={({ options: all }) => all}
      nothingFoundMessage={q.length >= 2 && !found.isFetching ? t('sessions:form.attendeesNone') : undefined}
      error={error}
      maxDropdownHeight={260}
    />
  );
}
