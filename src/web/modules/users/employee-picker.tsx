import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../../api/resources';
import type { Employee } from '../../api/types';
import { useFormat } from '../../i18n';

/**
 * Finds an employee by number, name, kana or e-mail (the server searches; 20 matches at a time)
 * and reports the chosen one. Used to link an account to its employee record.
 */
export function EmployeePicker({
  value,
  onChange,
  error,
}: {
  value: Employee | null;
  onChange: (employee: Employee | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const found = useList<Employee>(
    'employees',
    { q, size: 20, sort: 'employeeNumber' },
    { enabled: q.length >= 2 },
  );
  const label = (e: Employee) => `${e.employeeNumber} ${f.name(e)} <${e.email}>`;
  const items = found.data?.items ?? [];
  const options = [...(value && !items.some((e) => e.id === value.id) ? [value] : []), ...items];
  return (
    <Select
      label={t('users.employee')}
      description={t('users.employeeHelp')}
      placeholder={t('users.employeeSearch')}
      searchable
      clearable
      data={options.map((e) => ({ value: e.id, label: label(e) }))}
      value={value?.id ?? null}
      searchValue={text}
      onSearchChange={setText}
      onChange={(id) => onChange(options.find((e) => e.id === id) ?? null)}
      filter={({ options: all }) => all}
      nothingFoundMessage={q.length >= 2 && !found.isFetching ? t('users.employeeNone') : undefined}
      error={error}
    />
  );
}
