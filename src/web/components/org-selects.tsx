import { Select, type SelectProps } from '@mantine/core';
import { useList } from '../api/resources';
import type { Company, Department, Site } from '../api/types';
import { useFormat } from '../i18n';

type Props = Omit<SelectProps, 'data'>;

// Group companies, sites and departments are counted in tens or hundreds, not thousands:
// one page of 200 feeds a searchable select.
const ALL = { size: 200, sort: 'code' } as const;

/** A group company, shown as "JP01 日本電気". */
export function CompanySelect(props: Props) {
  const f = useFormat();
  const list = useList<Company>('companies', ALL);
  const data = (list.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} ${f.name(c)}` }));
  return <Select searchable data={data} disabled={list.isPending} {...props} />;
}

/** A site, of one company when companyId is given. */
export function SiteSelect({ companyId, ...props }: Props & { companyId?: string | null }) {
  const f = useFormat();
  const list = useList<Site>('sites', { ...ALL, companyId });
  const data = (list.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} ${f.name(s)}` }));
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
