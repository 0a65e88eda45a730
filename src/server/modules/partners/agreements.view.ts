import { and, asc, count, desc, eq, exists, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { likeEscape } from '../../lib/sql.js';
import { storedFiles } from '../files/files.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import {
  AGREEMENT_SORTS,
  type Agreement,
  type AgreementKind,
  type AgreementListQuery,
  type AgreementStatus,
} from './agreements.schema.js';
import { partnerAgreementDocuments, partnerAgreementParties, partnerAgreements } from './agreements.table.js';
import type { PartnerKind } from './partners.schema.js';
import { partners } from './partners.table.js';

export const agreementNotFound = () => new AppError('not_found', { params: { entity: 'partner_agreement' } });

const selection = {
  a: partnerAgreements,
  company: {
    id: groupCompanies.id,
    code: groupCompanies.code,
    nameJa: groupCompanies.nameJa,
    nameEn: groupCompanies.nameEn,
  },
};

function baseQuery(ctx: Ctx) {
  return ctx.db
    .select(selection)
    .from(partnerAgreements)
    .innerJoin(
      groupCompanies,
      and(
        eq(groupCompanies.orgId, partnerAgreements.orgId),
        eq(groupCompanies.id, partnerAgreements.companyId),
      ),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** Parties and documents of the agreements, and each one as the API shows it. */
async function views(ctx: Ctx, rows: Row[]): Promise<Agreement[]> {
  const ids = rows.map((r) => r.a.id);
  if (!ids.length) return [];
  const [parties, documents] = await Promise.all([
    ctx.db
      .select({
        agreementId: partnerAgreementParties.agreementId,
        id: partners.id,
        code: partners.code,
        nameJa: partners.nameJa,
        nameEn: partners.nameEn,
        kind: partners.kind,
      })
      .from(partnerAgreementParties)
      .innerJoin(
        partners,
        and(
          eq(partners.orgId, partnerAgreementParties.orgId),
          eq(partners.id, partnerAgreementParties.partnerId),
        ),
      )
      .where(
        and(eq(partnerAgreementParties.orgId, ctx.orgId), inArray(partnerAgreementParties.agreementId, ids)),
      )
      .orderBy(asc(partners.code)),
    ctx.db
      .select({
        agreementId: partnerAgreementDocuments.agreementId,
        fileId: storedFiles.id,
        name: storedFiles.name,
        contentType: storedFiles.contentType,
        size: storedFiles.size,
        addedAt: partnerAgreementDocuments.addedAt,
      })
      .from(partnerAgreementDocuments)
      .innerJoin(
        storedFiles,
        and(
          eq(storedFiles.orgId, partnerAgreementDocuments.orgId),
          eq(storedFiles.id, partnerAgreementDocuments.fileId),
        ),
      )
      .where(
        and(
          eq(partnerAgreementDocuments.orgId, ctx.orgId),
          inArray(partnerAgreementDocuments.agreementId, ids),
        ),
      )
      .orderBy(asc(partnerAgreementDocuments.addedAt), asc(storedFiles.name)),
  ]);
  const today = ledgerToday();
  return rows.map(({ a, company }) => ({
    id: a.id,
    code: a.code,
    kind: a.kind as AgreementKind,
    company,
    titleJa: a.titleJa,
    titleEn: a.titleEn,
    scopeJa: a.scopeJa,
    scopeEn: a.scopeEn,
    signedOn: a.signedOn,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    status: a.status as AgreementStatus,
    lapsed: a.status === 'active' && a.endsOn !== null && a.endsOn < today,
    parties: parties
      .filter((p) => p.agreementId === a.id)
      .map(({ agreementId: _, kind, ...p }) => ({ ...p, kind: kind as PartnerKind })),
    documents: documents
      .filter((d) => d.agreementId === a.id)
      .map(({ agreementId: _, addedAt, ...d }) => ({ ...d, addedAt: addedAt.toISOString() })),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}

/** Agreements: filter by text, kind, status, partner and company; paged, newest start first by default. */
export async function listAgreements(ctx: Ctx, query: AgreementListQuery): Promise<Page<Agreement>> {
  const conditions: (SQL | undefined)[] = [eq(partnerAgreements.orgId, ctx.orgId)];
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(
      or(
        ilike(partnerAgreements.code, like),
        ilike(partnerAgreements.titleJa, like),
        ilike(partnerAgreements.titleEn, like),
      ),
    );
  }
  if (query.kind) conditions.push(eq(partnerAgreements.kind, query.kind));
  if (query.status) conditions.push(eq(partnerAgreements.status, query.status));
  if (query.companyId) conditions.push(eq(partnerAgreements.companyId, query.companyId));
  if (query.partnerId)
    conditions.push(
      exists(
        ctx.db
          .select({ one: partnerAgreementParties.partnerId })
          .from(partnerAgreementParties)
          .where(
            and(
              eq(partnerAgreementParties.orgId, partnerAgreements.orgId),
              eq(partnerAgreementParties.agreementId, partnerAgreements.id),
              eq(partnerAgreementParties.partnerId, query.partnerId),
            ),
          ),
      ),
    );
  const where = and(...conditions);
  const sort = query.sort
    ? sortSpec(query.sort, AGREEMENT_SORTS, 'startsOn')
    : { field: 'startsOn' as const, desc: true };
  const column = partnerAgreements[sort.field];
  const [rows, [{ total }]] = await Promise.all([
    baseQuery(ctx)
      .where(where)
      .orderBy(sort.desc ? desc(column) : asc(column), asc(partnerAgreements.code))
      .limit(query.size)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(partnerAgreements).where(where),
  ]);
  return { items: await views(ctx, rows), total: Number(total), page: query.page, size: query.size };
}

/** One agreement with its parties and documents. Throws not_found. */
export async function getAgreement(ctx: Ctx, id: string): Promise<Agreement> {
  const rows = await baseQuery(ctx).where(
    and(eq(partnerAgreements.orgId, ctx.orgId), eq(partnerAgreements.id, id)),
  );
  if (!rows.length) throw agreementNotFound();
  return (await views(ctx, rows))[0];
}
