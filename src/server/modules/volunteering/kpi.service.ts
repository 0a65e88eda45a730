import { and, asc, eq } from 'drizzle-orm';
import { FIELDS } from '../../../shared/fields.js';
import { type FiscalYearSettings, fiscalYearLabel, fiscalYearRange } from '../../../shared/fiscal-year.js';
import { assertHolds, companiesFor } from '../../lib/authz.js';
import { type Ctx, readConcurrently } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { groupCompanies, organisations, sites } from '../organisations/organisations.table.js';
import {
  type EmployeeScope,
  type Participation,
  participationFigures,
  type Registrations,
  registrationFigures,
} from './kpi.queries.js';
import type { KpiFigures, KpiScope, VolunteeringKpiQuery, VolunteeringKpis } from './kpi.schema.js';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const NO_REGISTRATIONS: Registrations = { newRegistrants: 0, registrantsSince: 0, registeredTotal: 0 };
const NO_PARTICIPATION: Participation = { participants: 0, participations: 0, minutes: 0 };

function figures(r: Registrations, p: Participation): KpiFigures {
  return {
    ...r,
    participants: p.participants,
    participations: p.participations,
    hours: hours(p.minutes),
  };
}

const addRegistrations = (a: Registrations, b: Registrations): Registrations => ({
  newRegistrants: a.newRegistrants + b.newRegistrants,
  registrantsSince: a.registrantsSince + b.registrantsSince,
  registeredTotal: a.registeredTotal + b.registeredTotal,
});
const addParticipation = (a: Participation, b: Participation): Participation => ({
  participants: a.participants + b.participants,
  participations: a.participations + b.participations,
  minutes: a.minutes + b.minutes,
});

/**
 * The scope asked for, or the caller's own when none is: an organisation-wide kpi.read grant may ask
 * for the group, any company or any site; a company grant for its company and the company's sites
 * (default: its company); a site grant for its site (default: its site).
 * Throws forbidden (outside the caller's grants), not_found (no such company or site),
 * validation_failed (a site of another company than companyId).
 */
async function resolveScope(
  ctx: Ctx,
  query: { companyId?: string; siteId?: string },
  org: { nameJa: string; nameEn: string },
): Promise<{ scope: KpiScope; employees: EmployeeScope }> {
  let { companyId, siteId } = query;
  const own = companiesFor(ctx.actor, 'kpi.read');
  if (!companyId && !siteId && own !== 'all') {
    companyId = own.companyIds[0];
    if (!companyId) siteId = own.siteIds[0];
  }
  if (siteId) {
    const [site] = await ctx.db
      .select({ site: sites, company: groupCompanies })
      .from(sites)
      .innerJoin(groupCompanies, eq(groupCompanies.id, sites.companyId))
      .where(and(eq(sites.orgId, ctx.orgId), eq(sites.id, siteId)));
    assertHolds(ctx, 'kpi.read', { companyId: site?.company.id, siteId, siteCompanyId: site?.company.id });
    if (!site) throw notFound('site');
    if (companyId && companyId !== site.company.id)
      throw new AppError('validation_failed', { fields: [{ path: 'siteId', code: 'site_outside_company' }] });
    return {
      scope: {
        level: 'site',
        companyId: site.company.id,
        companyCode: site.company.code,
        siteId,
        siteCode: site.site.code,
        nameJa: site.site.nameJa,
        nameEn: site.site.nameEn,
      },
      employees: { siteId },
    };
  }
  if (companyId) {
    assertHolds(ctx, 'kpi.read', { companyId });
    const [company] = await ctx.db
      .select()
      .from(groupCompanies)
      .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, companyId)));
    if (!company) throw notFound('company');
    const { code, nameJa, nameEn } = company;
    return {
      scope: { level: 'company', companyId, companyCode: code, siteId: null, siteCode: null, nameJa, nameEn },
      employees: { companyId },
    };
  }
  assertHolds(ctx, 'kpi.read', {});
  return {
    scope: { level: 'group', companyId: null, companyCode: null, siteId: null, siteCode: null, ...org },
    employees: {},
  };
}

/**
 * The Volunteer Support Service's figures for a fiscal year and scope, with the year before, by field
 * and by company. THE one source of these figures: the dashboard, the API and the report read them
 * here. Employees count in the scope of their own (current) company and site.
 * Throws forbidden, not_found, validation_failed (see resolveScope).
 */
export async function volunteeringKpis(ctx: Ctx, query: VolunteeringKpiQuery): Promise<VolunteeringKpis> {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, ctx.orgId));
  if (!org) throw notFound('organisation');
  const { scope, employees } = await resolveScope(ctx, query, org);
  const settings: FiscalYearSettings = {
    startMonth: org.fiscalYearStartMonth,
    labelJa: org.fyLabelJa as FiscalYearSettings['labelJa'],
    labelEn: org.fyLabelEn as FiscalYearSettings['labelEn'],
  };
  const year = (fiscalYear: number) => ({
    fiscalYear,
    labelJa: fiscalYearLabel(fiscalYear, 'ja', settings),
    labelEn: fiscalYearLabel(fiscalYear, 'en', settings),
    ...fiscalYearRange(fiscalYear, settings.startMonth),
  });
  const current = year(query.fiscalYear);
  const previous = year(query.fiscalYear - 1);
  const since = query.since ?? fiscalYearRange(query.fiscalYear - 2, settings.startMonth).start;

  const [registrations, participation, companies] = await readConcurrently(ctx, [
    () => registrationFigures(ctx, { current, previous, since, scope: employees }),
    () => participationFigures(ctx, { current, previous, scope: employees }),
    () =>
      ctx.db
        .select({
          companyId: groupCompanies.id,
          companyCode: groupCompanies.code,
          nameJa: groupCompanies.nameJa,
          nameEn: groupCompanies.nameEn,
        })
        .from(groupCompanies)
        .where(
          and(
            eq(groupCompanies.orgId, ctx.orgId),
            scope.companyId ? eq(groupCompanies.id, scope.companyId) : undefined,
          ),
        )
        .orderBy(asc(groupCompanies.code)),
  ]);

  const noRegistrations = { current: NO_REGISTRATIONS, previous: NO_REGISTRATIONS };
  const byCompany = companies.map((c) => {
    const r = registrations.byCompany.get(c.companyId) ?? noRegistrations;
    return { ...c, ...figures(r.current, participation.get(c.companyId)?.current ?? NO_PARTICIPATION) };
  });
  const sum = <T>(items: T[], zero: T, add: (a: T, b: T) => T) => items.reduce(add, zero);
  const regs = [...registrations.byCompany.values()];
  const parts = [...participation.values()];
  const total = (which: 'current' | 'previous') =>
    figures(
      sum(
        regs.map((r) => r[which]),
        NO_REGISTRATIONS,
        addRegistrations,
      ),
      sum(
        parts.map((p) => p[which]),
        NO_PARTICIPATION,
        addParticipation,
      ),
    );
  const byField = FIELDS.map((field) => {
    const part = sum(
      parts.map((p) => p.current.byField[field]),
      NO_PARTICIPATION,
      addParticipation,
    );
    return { field, ...figures(registrations.byField[field], part) };
  });

  return {
    ...current,
    scope,
    since,
    ...total('current'),
    previous: { ...previous, ...total('previous') },
    byField,
    byCompany,
  };
}
