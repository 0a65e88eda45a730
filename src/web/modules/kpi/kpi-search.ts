import { rolesFor } from '../../../shared/roles';
import type { Grant } from '../../api/types';
import type { KpiScopeQuery } from './kpi.api';

/** The dashboard's choices, kept in the URL so that a view can be bookmarked and shared. */
export type KpiSearch = { fiscalYear?: number; companyId?: string; siteId?: string; since?: string };

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const isoDate = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
const year = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined;
};

export function parseKpiSearch(s: Record<string, unknown>): KpiSearch {
  return {
    fiscalYear: year(s.fiscalYear),
    companyId: text(s.companyId),
    siteId: text(s.siteId),
    since: isoDate(s.since),
  };
}

/** Where the user may read KPIs: everywhere (an organisation-wide grant), or some companies and sites. */
export type KpiAccess = { orgWide: boolean; companyIds: string[]; siteIds: string[] };

export function kpiAccess(grants: Grant[]): KpiAccess {
  const roles = rolesFor('kpi.read');
  const held = grants.filter((g) => roles.includes(g.role));
  return {
    orgWide: held.some((g) => g.scopeType === 'org'),
    companyIds: held.flatMap((g) => (g.scopeType === 'company' && g.companyId ? [g.companyId] : [])),
    siteIds: held.flatMap((g) => (g.scopeType === 'site' && g.siteId ? [g.siteId] : [])),
  };
}

/** The scope to show: the one chosen, else the whole group, else the user's first company or site. */
export function effectiveScope(search: KpiSearch, access: KpiAccess): KpiScopeQuery {
  if (search.companyId || search.siteId) return { companyId: search.companyId, siteId: search.siteId };
  if (access.orgWide) return {};
  if (access.companyIds[0]) return { companyId: access.companyIds[0] };
  return access.siteIds[0] ? { siteId: access.siteIds[0] } : {};
}
