import { Center, EmptyState, Group, Pagination, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector, IconMoodEmpty } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n';

/**
 * A column header that sorts the list on click (ascending, then descending). `sort` is the list's
 * current sort, `field` or `-field`; aria-sort tells screen readers which column sorts the list.
 */
export function SortTh({
  field,
  sort,
  onSort,
  children,
}: {
  field: string;
  sort: string | undefined;
  onSort: (sort: string) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const active = sort === field || sort === `-${field}`;
  const desc = sort === `-${field}`;
  const Icon = !active ? IconSelector : desc ? IconChevronDown : IconChevronUp;
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(active && !desc ? `-${field}` : field)}
        title={t('table.sortBy')}
        fw={700}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export const PAGE_SIZES = ['25', '50', '100', '200'];

/** Page numbers, the total and a page-size choice under a paged list. */
export function Pager({
  page,
  size,
  total,
  onPage,
  onSize,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  onSize?: (size: number) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(total / size));
  const controlLabels = {
    first: t('table.first'),
    previous: t('table.previous'),
    next: t('table.next'),
    last: t('table.last'),
  };
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {t('table.range', { first: f.number(first), last: f.number(last), total: f.number(total) })}
      </Text>
      <Group gap="md">
        {onSize && (
          <Select
            label={t('table.pageSize')}
            data={PAGE_SIZES}
            value={String(size)}
            onChange={(v) => v && onSize(Number(v))}
            allowDeselect={false}
            w={110}
            size="xs"
          />
        )}
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          siblings={1}
          boundaries={1}
          getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
          getItemProps={(p) => ({ 'aria-label': t('table.page', { page: p }) })}
        />
      </Group>
    </Group>
  );
}

/** What a list shows when nothing matches. */
export function Empty({ title, description }: { title: string; description?: string }) {
  return (
    <Center py="xl">
      <EmptyState icon={<IconMoodEmpty aria-hidden />} title={title} description={description} />
    </Center>
  );
}

/**
 * A table that scrolls sideways on narrow screens. The scrolling region is focusable and named,
 * so keyboard users can scroll it too.
 */
export function ScrollTable({
  minWidth,
  label,
  children,
}: {
  minWidth: number;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
