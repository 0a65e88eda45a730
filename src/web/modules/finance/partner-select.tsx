import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFormat } from '../../i18n';
import { usePartnerOptions } from './finance.api';
import { partnerName } from './finance-format';

type Partner = { id: string; code: string; nameJa: string | null; nameEn: string | null };

/**
 * Picks an organisation (recipient) by typing part of its code or name: a filter by default (260 px,
 * "all" when empty), or a form field with `placeholder`, `error` and `w` undefined (full width).
 */
export function PartnerSelect({
  value,
  onChange,
  label,
  placeholder,
  error,
  w = 260,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  label?: string;
  placeholder?: string;
  error?: React.ReactNode;
  w?: number | 'auto';
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [typed, setTyped] = useState('');
  const [q] = useDebouncedValue(typed, 300);
  const options = usePartnerOptions(q);
  // The chosen organisation may not be among the first matches: fetch it to show its name.
  const chosen = useQuery({
    queryKey: ['partners', 'item', value],
    queryFn: () => api<Partner>(`/api/partners/${value}`),
    enabled: !!value,
    staleTime: 60_000,
  });
  const all = new Map<string, Partner>();
  if (chosen.data) all.set(chosen.data.id, chosen.data);
  for (const p of options.data?.items ?? []) all.set(p.id, p);
  return (
    <Select
      label={label ?? t('finance:filters.organisation')}
      placeholder={placeholder ?? t('common.all')}
      searchable
      clearable
      nothingFoundMessage={t('finance:filters.noOrganisation')}
      data={[...all.values()].map((p) => ({ value: p.id, label: `${p.code} · ${partnerName(p, f)}` }))}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      onSearchChange={setTyped}
      filter={({ options: items }) => items}
      error={error}
      w={w === 'auto' ? undefined : w}
    />
  );
}
