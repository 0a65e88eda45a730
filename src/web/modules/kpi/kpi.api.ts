import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { VolunteeringKpis } from '../../../server/modules/volunteering/kpi.schema';

export type { VolunteeringKpis } from '../../../server/modules/volunteering/kpi.schema';

/** The scope of a KPI request: neither id = the whole group (or the caller's own scope). */
export type KpiScopeQuery = { companyId?: string; siteId?: string };

const kpiQuery = (fiscalYear: number, scope: KpiScopeQuery, since?: string) => ({
  queryKey: ['volunteering-kpis', { fiscalYear, ...scope, since }],
  queryFn: () => api<VolunteeringKpis>('/api/volunteering/kpis', { query: { fiscalYear, ...scope, since } }),
});

/** The figures of one fiscal year and scope; the previous answer stays while the next one loads. */
export function useVolunteeringKpis(fiscalYear: number | undefined, scope: KpiScopeQuery, since?: string) {
  return useQuery({
    ...kpiQuery(fiscalYear ?? 0, scope, since),
    enabled: fiscalYear !== undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * Several fiscal years of one scope, oldest first, for a trend. Each request also answers the year
 * before it, so every other year is asked for; the main query's year comes from the same cache.
 */
export function useKpiTrend(lastYear: number | undefined, years: number, scope: KpiScopeQuery) {
  const asked: number[] = [];
  if (lastYear !== undefined) for (let y = lastYear; y > lastYear - years; y -= 2) asked.push(y);
  return useQueries({
    queries: asked.map((y) => kpiQuery(y, scope)),
    combine: (results) => {
      const pending = results.some((r) => r.isPending);
      const error = results.find((r) => r.isError)?.error;
      const points = results
        .flatMap((r) => {
          const d = r.data;
          if (!d) return [];
          return [d.previous, d].map((y) => ({
            fiscalYear: y.fiscalYear,
            labelJa: y.labelJa,
            labelEn: y.labelEn,
            participants: y.participants,
            newRegistrants: y.newRegistrants,
          }));
        })
        .filter((p) => lastYear !== undefined && p.fiscalYear > lastYear - years)
        .sort((a, b) => a.fiscalYear - b.fiscalYear);
      return { pending, error, points };
    },
  });
}
