import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearch } from '@tanstack/react-router';

/** A search input that reports what was typed after a pause (300 ms), not on every key. */
export function SearchBox({
  value,
  onSearch,
  placeholder,
  label,
  w = 320,
}: {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder?: string;
  label?: string;
  w?: number;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText((cur) => (cur.trim() === (value ?? '') ? cur : (value ?? ''))), [value]);
  const report = useDebouncedCallback((v: string) => onSearch(v.trim() || undefined), 300);
  return (
    <TextInput
      type="search"
      label={label ?? t('common.search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
      w={w}
      maw="100%"
    />
  );
}

/**
 * A list screen's filters, kept in the URL's search (parsed by the route's validateSearch).
 * `update` merges a change and goes back to page 1 unless the change is the page itself; it
 * replaces the history entry, so typing in a search box does not fill the back button.
 */
export function useSearchState<S extends object>(): [S, (patch: Partial<S>) => void] {
  const raw = useSearch({ strict: false });
  const search = raw as unknown as S;
  const navigate = useNavigate();
  const update = useCallback(
    (patch: Partial<S>) => {
      void navigate({
        to: '.',
        replace: true,
        search: ((prev: S) => {
          const next: Record<string, unknown> = { ...prev, page: undefined, ...patch };
          for (const key of Object.keys(next))
            if (next[key] === undefined || next[key] === '') delete next[key];
          return next;
        }) as never,
      });
    },
    [navigate],
  );
  return [search, update];
}
