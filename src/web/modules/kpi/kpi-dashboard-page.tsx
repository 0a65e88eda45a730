import { Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel, fiscalYearRange } from '../../../shared/fiscal-year';
import { useMe } from '../../api/session';
import { Empty } from '../../components/data-table';
import { LoadError, PageLoader } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { CompanySelect, SiteSelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';
import { useKpiTrend, useVolunteeringKpis, type VolunteeringKpis } from './kpi.api';
import { ByCompanyChart, ByFieldChart, TrendChart } from './kpi-charts';
import { effectiveScope, type KpiSearch, kpiAccess } from './kpi-search';
import { KpiStatCards } from './kpi-stat-cards';

const YEARS_LISTED = 10;
const TREND_YEARS = 5;

/** Nobody joined or took part in the year (registrants of earlier years still show in the cards). */
const isEmpty = (d: VolunteeringKpis) => d.newRegistrants === 0 && d.participants === 0;

/**
 * The Volunteer Support Service's KPIs: a fiscal year and a scope within the user's grants, the six
 * figures with their change from the year before, splits by field and company, and a five-year trend.
 */
export function KpiDashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const org = useOrganisation();
  const [search, update] = useSearchState<KpiSearch>();
  const access = kpiAccess(me.roles);
  const scope = effectiveScope(search, access);
  const fiscalYear = search.fiscalYear ?? org.data?.currentFiscalYear.startYear;
  const kpis = useVolunteeringKpis(fiscalYear, scope, search.since);
  const trend = useKpiTrend(fiscalYear, TREND_YEARS, scope);

  if (org.isPending) return <PageLoader />;
  if (org.isError) return <LoadError error={org.error} onRetry={() => org.refetch()} />;

  const settings = {
    startMonth: org.data.fiscalYearStartMonth,
    labelJa: org.data.fyLabelJa,
    labelEn: org.data.fyLabelEn,
  };
  const current = org.data.currentFiscalYear.startYear;
  const years = Array.from({ length: YEARS_LISTED }, (_, i) => current - i);
  if (fiscalYear !== undefined && !years.includes(fiscalYear)) years.push(fiscalYear);
  const yearLabel = (y: number) => fiscalYearLabel(y, f.locale, settings);
  const defaultSince = fiscalYearRange((fiscalYear ?? current) - 2, settings.startMonth).start;

  const data = kpis.data;
  const label = data ? (f.locale === 'ja' ? data.labelJa : data.labelEn) : '';
  const canCompany = access.orgWide || (!!scope.companyId && access.companyIds.includes(scope.companyId));
  const scopeText = data ? t(`kpi:scope.${data.scope.level}`, { name: f.name(data.scope) }) : undefined;

  return (
    <>
      <PageHeader title={t('kpi:title')} description={scopeText ?? t('kpi:description')} />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('kpi:filters.fiscalYear')}
              data={years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: yearLabel(y) }))}
              value={fiscalYear === undefined ? null : String(fiscalYear)}
              onChange={(v) => update({ fiscalYear: v ? Number(v) : undefined })}
              allowDeselect={false}
              w={180}
            />
            {(access.orgWide || access.companyIds.length > 0) && (
              <CompanySelect
                label={t('kpi:filters.company')}
                only={access.orgWide ? undefined : access.companyIds}
                placeholder={access.orgWide ? t('kpi:filters.wholeGroup') : undefined}
                clearable={access.orgWide}
                allowDeselect={access.orgWide}
                value={scope.companyId ?? null}
                onChange={(v) => update({ companyId: v ?? undefined, siteId: undefined })}
                w={260}
              />
            )}
            <SiteSelect
              label={t('kpi:filters.site')}
              companyId={scope.companyId}
              only={canCompany ? undefined : access.siteIds}
              placeholder={canCompany ? t('kpi:filters.allSites') : undefined}
              clearable={canCompany}
              allowDeselect={canCompany}
              disabled={canCompany && !scope.companyId}
              value={scope.siteId ?? null}
              onChange={(v) => update({ companyId: scope.companyId, siteId: v ?? undefined })}
              w={240}
            />
            <TextInput
              type="date"
              label={t('kpi:filters.since')}
              description={
                search.since ? undefined : t('kpi:filters.sinceHelp', { date: f.date(defaultSince) })
              }
              value={search.since ?? ''}
              onChange={(e) => update({ since: e.currentTarget.value || undefined })}
              w={200}
            />
          </Group>
        </Paper>
        {kpis.isPending ? (
          <PageLoader />
        ) : kpis.isError ? (
          <LoadError error={kpis.error} onRetry={() => kpis.refetch()} />
        ) : (
          <Stack gap="lg" style={{ opacity: kpis.isPlaceholderData ? 0.6 : 1 }} aria-busy={kpis.isFetching}>
            <KpiStatCards data={kpis.data} />
            {isEmpty(kpis.data) ? (
              <Paper withBorder p="md">
                <Empty title={t('kpi:empty.title', { label })} description={t('kpi:empty.body')} />
              </Paper>
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                <ByFieldChart data={kpis.data} label={label} />
                {kpis.data.byCompany.length > 1 && <ByCompanyChart data={kpis.data} label={label} />}
              </SimpleGrid>
            )}
            <TrendChart points={trend.points} pending={trend.pending} error={trend.error} />
          </Stack>
        )}
      </Stack>
    </>
  );
}
