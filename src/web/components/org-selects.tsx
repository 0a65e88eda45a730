import { Select, type SelectProps } from '@mantine/core';
import { useList } from '../api/resources';
import type { Company, Department, Site } from '../api/types';
import { useFormat } from '../i18n';

type Props = Omit<SelectProps, 'data'>;

// Group companies, sites and departments are counted in tens or hundreds, not thousands:
// one page of 200 feeds a searchable select.
const ALL = { size: 200, sort: 'code' } as const;

/** A group company, shown as "JP01 日本電気"; `only` limits the choice to some companies. */
export function CompanySelect({ only, ...props }: Props & { only?: string[] }) {
  const f = useFormat();
  const list = useList<Company>('companies', ALL);
  const data = (list.data?.items ?? [])
    .filter((c) => !only || only.includes(c.id))
    .map((c) => ({ value: c.id, label: `${c.code} ${f.name(c)}` }));
  return <Select searchable data={data} disabled={list.isPending} {...props} />;
}

/** A site, of one company when companyId is given; `only` limits the choice to some sites. */
export function SiteSelect({
  companyId,
  only,
  ...props
}: Props & { companyId?: string | null; only?: string[] }) {
  const f = useFormat();
  const list = useList<Site>('sites', { ...ALL, companyId });
  const data = (list.data?.items ?? [])
    .filter((s) => !only || only.includes(s.id))
    .map((s) => ({ value: s.id, label: `${s.code} ${f.name(s)}` }));
  return <Select searchable data={data} disabled={list.isPending} {...props} />;
}

/** A department of a company; `exclude` leaves one out (a department cannot be its own parent). */
export function DepartmentSelect({
  companyId,
  exclude,
  ...props
}: Props & { companyId?: string | null; exclude?: string | null }) {
  const f = useFormat();
  const list = useList<Department>('departments', { ...ALL, companyId }, { enabled: !!companyId });
  const data = (list.data?.items ?? [])
    .filter((d) => d.id !== exclude)
    .map((d) => ({ value: d.id, label: `${d.code} ${f.name(d)}` }));
  return <Select searchable data={data} disabled={!companyId || list.isPending} {...props} />;
}
