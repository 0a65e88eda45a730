import { and, eq, inArray } from 'drizzle-orm';
import { searchDocument } from '../../../shared/text-search.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { groupCompanies, organisations, sites } from '../organisations/organisations.table.js';
import { volunteerSkills } from './volunteering.table.js';

/** The columns of an opportunity that its rules look at (a create input, or a row merged with a patch). */
export type OpportunityDraft = {
  companyId: string;
  siteId: string | null;
  titleJa: string | null;
  titleEn: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  organiser: string;
  partnerName: string | null;
  mode: string;
  prefecture: string | null;
  region: string | null;
  onlineUrl: string | null;
  requiredSkills: string[];
  visibility: string;
  visibleCompanyIds: string[];
};

export const opportunityNotFound = () => new AppError('not_found', { params: { entity: 'opportunity' } });

/** What opportunity search finds by: titles, descriptions, organiser and partner, in both languages. */
export function opportunitySearchDocument(o: {
  titleJa: string | null;
  titleEn: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  organiser: string;
  partnerName: string | null;
}) {
  return searchDocument([o.titleJa, o.titleEn, o.descriptionJa, o.descriptionEn, o.organiser, o.partnerName]);
}

/**
 * The company (and site) an opportunity belongs to, and the time zone its shifts are shown in: the
 * site's, else the company's. Issues: companyId not_found, siteId not_found or site_outside_company.
 */
export async function placementOf(
  ctx: Ctx,
  companyId: string,
  siteId: string | null,
): Promise<{ timeZone: string | null; issues: FieldIssue[] }> {
  const [company] = await ctx.db
    .select({ timeZone: groupCompanies.timeZone })
    .from(groupCompanies)
    .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, companyId)));
  if (!company) return { timeZone: null, issues: [{ path: 'companyId', code: 'not_found' }] };
  if (!siteId) return { timeZone: company.timeZone, issues: [] };
  const [site] = await ctx.db
    .select({ companyId: sites.companyId, timeZone: sites.timeZone })
    .from(sites)
    .where(and(eq(sites.orgId, ctx.orgId), eq(sites.id, siteId)));
  if (!site) return { timeZone: null, issues: [{ path: 'siteId', code: 'not_found' }] };
  if (site.companyId !== companyId)
    return { timeZone: null, issues: [{ path: 'siteId', code: 'site_outside_company' }] };
  return { timeZone: site.timeZone, issues: [] };
}

async function defaultLocaleOf(ctx: Ctx): Promise<'ja' | 'en'> {
  const [org] = await ctx.db
    .select({ locale: organisations.defaultLocale })
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  return org?.locale === 'en' ? 'en' : 'ja';
}

/**
 * The field-level problems of an opportunity, before the database's checks would refuse it: the
 * organisation's default language needs its title and description; online and hybrid need a link;
 * on site and hybrid need a prefecture or region; listed companies and skills must exist.
 */
export async function checkOpportunity(ctx: Ctx, o: OpportunityDraft): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const suffix = (await defaultLocaleOf(ctx)) === 'ja' ? 'Ja' : 'En';
  for (const name of [`title${suffix}`, `description${suffix}`] as const) {
    if (!o[name]) issues.push({ path: name, code: 'required' });
  }
  if (o.mode !== 'on_site' && !o.onlineUrl) issues.push({ path: 'onlineUrl', code: 'required' });
  if (o.mode !== 'online' && !o.prefecture && !o.region)
    issues.push({ path: 'prefecture', code: 'place_required' });
  if (o.visibility === 'companies') {
    if (!o.visibleCompanyIds.length) issues.push({ path: 'visibleCompanyIds', code: 'required' });
    else {
      const found = await ctx.db
        .select({ id: groupCompanies.id })
        .from(groupCompanies)
        .where(and(eq(groupCompanies.orgId, ctx.orgId), inArray(groupCompanies.id, o.visibleCompanyIds)));
      const known = new Set(found.map((c) => c.id));
      o.visibleCompanyIds.forEach((id, i) => {
        if (!known.has(id)) issues.push({ path: `visibleCompanyIds.${i}`, code: 'not_found' });
      });
    }
  }
  if (o.requiredSkills.length) {
    const found = await ctx.db
      .select({ code: volunteerSkills.code })
      .from(volunteerSkills)
      .where(and(eq(volunteerSkills.orgId, ctx.orgId), inArray(volunteerSkills.code, o.requiredSkills)));
    const known = new Set(found.map((s) => s.code));
    o.requiredSkills.forEach((code, i) => {
      if (!known.has(code)) issues.push({ path: `requiredSkills.${i}`, code: 'unknown_skill' });
    });
  }
  return issues;
}

/** Problems of a list of shifts: each must end after it starts. */
export function checkShifts(shifts: { startsAt: string; endsAt: string }[]): FieldIssue[] {
  return shifts.flatMap((s, i) =>
    new Date(s.endsAt) > new Date(s.startsAt)
      ? []
      : [{ path: `shifts.${i}.endsAt`, code: 'ends_before_start' }],
  );
}

/** Throws validation_failed with every issue when there are any. */
export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length) throw new AppError('validation_failed', { fields: issues });
}
