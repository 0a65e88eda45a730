import { and, asc, eq } from 'drizzle-orm';
import { holdsOn } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { partnerEligibleColumn } from '../partners/partners.eligibility.js';
import { partners } from '../partners/partners.table.js';
import { classificationTerms } from '../reference/reference.service.js';
import {
  CLASSIFICATION_FIELDS,
  type ClassificationField,
  type PARTNER_ROLES,
  type PROGRAM_FRAMEWORKS,
  type PROGRAM_STATUSES,
  type Program,
  type ProgramPartner,
} from './programs.schema.js';
import { programPartners, type programs } from './programs.table.js';

export type ProgramRow = typeof programs.$inferSelect;

/** The classification codes a program row holds, as (scheme, code) pairs. */
export function termsOf(row: Pick<ProgramRow, ClassificationField>) {
  return (Object.entries(CLASSIFICATION_FIELDS) as [ClassificationField, string][]).flatMap(
    ([field, scheme]) => (row[field] ? [{ scheme, code: row[field] as string }] : []),
  );
}

/** The program's partners with their eligibility today, by code. */
export async function partnersOf(ctx: Ctx, programId: string): Promise<ProgramPartner[]> {
  const rows = await ctx.db
    .select({
      partnerId: partners.id,
      code: partners.code,
      nameJa: partners.nameJa,
      nameEn: partners.nameEn,
      kind: partners.kind,
      role: programPartners.role,
      eligible: partnerEligibleColumn(ledgerToday()),
    })
    .from(programPartners)
    .innerJoin(
      partners,
      and(eq(partners.orgId, programPartners.orgId), eq(partners.id, programPartners.partnerId)),
    )
    .where(and(eq(programPartners.orgId, ctx.orgId), eq(programPartners.programId, programId)))
    .orderBy(asc(partners.code));
  return rows.map((r) => ({ ...r, role: r.role as (typeof PARTNER_ROLES)[number] }));
}

/** The API's view of one program: its labels, partners and whether the caller may change it. */
export async function programView(ctx: Ctx, row: ProgramRow): Promise<Program> {
  const [terms, partnerList, [company]] = await Promise.all([
    classificationTerms(ctx, termsOf(row)),
    partnersOf(ctx, row.id),
    ctx.db
      .select({ nameJa: groupCompanies.nameJa, nameEn: groupCompanies.nameEn })
      .from(groupCompanies)
      .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, row.companyId))),
  ]);
  return {
    id: row.id,
    code: row.code,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    descriptionJa: row.descriptionJa,
    descriptionEn: row.descriptionEn,
    framework: row.framework as (typeof PROGRAM_FRAMEWORKS)[number],
    companyId: row.companyId,
    companyNameJa: company?.nameJa ?? '',
    companyNameEn: company?.nameEn ?? '',
    companyField: row.companyField,
    visionLayer: row.visionLayer,
    keidanrenField: row.keidanrenField,
    b4siCause: row.b4siCause,
    b4siMotivation: row.b4siMotivation,
    sdgs: row.sdgs,
    startYear: row.startYear,
    endYear: row.endYear,
    status: row.status as (typeof PROGRAM_STATUSES)[number],
    reviewCycleMonths: row.reviewCycleMonths,
    classifications: terms,
    partners: partnerList,
    canManage: holdsOn(ctx.actor, 'programs.manage', { companyId: row.companyId }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
