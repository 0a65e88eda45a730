import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { audit } from '../../lib/audit.js';
import { companiesFor } from '../../lib/authz.js';
import { type Ctx, inTransaction, systemCtx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { organisations } from '../organisations/organisations.table.js';
import { classRequestInstructors, classRequests, certifications } from './certifications.table.js';
import { mailRequester, notifyCoordinators } from './class-requests.mail.js';
import {
  type ClassOffer,
  type ClassRequestQuery,
  type ClassRequestSubmit,
  type ClassRequestSummary,
  referenceOf,
} from './class-requests.schema.js';
import { programs } from './programs.table.js';
import { type ProgramRef, programFor, programOf } from './records.access.js';

export { assignInstructors, completeRequest, declineRequest, getRequest } from './class-requests.actions.js';

const notFound = () => new AppError('not_found', { params: { entity: 'class_request' } });

async function organisationByCode(db: Db, code: string) {
  const [org] = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      nameJa: organisations.nameJa,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .where(eq(organisations.code, code));
  if (!org) throw new AppError('not_found', { params: { entity: 'organisation' } });
  return org;
}

/** Active programs of the organisation with a certification: one certification (the first by code) each. */
async function offeredPrograms(ctx: Ctx) {
  const rows = await ctx.db
    .selectDistinctOn([programs.code], {
      programId: programs.id,
      certificationId: certifications.id,
      code: programs.code,
      nameJa: programs.nameJa,
      nameEn: programs.nameEn,
      descriptionJa: programs.descriptionJa,
      descriptionEn: programs.descriptionEn,
    })
    .from(programs)
    .innerJoin(
      certifications,
      and(eq(certifications.orgId, programs.orgId), eq(certifications.programId, programs.id)),
    )
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.status, 'active')))
    .orderBy(asc(programs.code), asc(certifications.code));
  return rows;
}

/** What the public page shows for an organisation code: its name and the classes one can request. Throws not_found. */
export async function classOffer(db: Db, orgCode: string): Promise<ClassOffer> {
  const org = await organisationByCode(db, orgCode);
  const offered = await offeredPrograms(systemCtx(db, org.id));
  return {
    organisation: { code: org.code, nameJa: org.nameJa, nameEn: org.nameEn },
    programs: offered.map(({ programId: _, certificationId: __, ...p }) => p),
  };
}

/**
 * A class request from the public form (no sign-in). Stores it, mails the requester a confirmation in
 * their language and notifies the program's coordinators, in one transaction. A filled honeypot is
 * answered like a real request and stores nothing. Throws not_found (organisation), validation_failed
 * (no_class_offered, date_in_past, alternative_same_as_preferred).
 */
export async function submitClassRequest(
  db: Db,
  input: ClassRequestSubmit,
  meta: { locale: 'ja' | 'en'; requestId?: string },
): Promise<{ reference: string; status: 'requested'; stored: boolean }> {
  const org = await organisationByCode(db, input.orgCode);
  const locale = input.locale ?? meta.locale;
  const base: Ctx = {
    ...systemCtx(db, org.id, 'public class request form', locale),
    requestId: meta.requestId,
  };
  if (input.website) {
    return { reference: referenceOf(crypto.randomUUID()), status: 'requested', stored: false };
  }
  const offered = await offeredPrograms(base);
  const chosen = input.programCode
    ? offered.find((p) => p.code === input.programCode)
    : offered.length === 1
      ? offered[0]
      : undefined;
  const fields: { path: string; code: string }[] = [];
  if (!chosen)
    fields.push({ path: 'programCode', code: input.programCode ? 'no_class_offered' : 'required' });
  const today = ledgerToday();
  if (input.preferredOn <= today) fields.push({ path: 'preferredOn', code: 'date_in_past' });
  if (input.alternativeOn && input.alternativeOn <= today)
    fields.push({ path: 'alternativeOn', code: 'date_in_past' });
  else if (input.alternativeOn && input.alternativeOn === input.preferredOn)
    fields.push({ path: 'alternativeOn', code: 'alternative_same_as_preferred' });
  if (fields.length || !chosen) throw new AppError('validation_failed', { fields });

  return inTransaction(base, async (tx) => {
    const [row] = await tx.db
      .insert(classRequests)
      .values({
        orgId: tx.orgId,
        programId: chosen.programId,
        certificationId: chosen.certificationId,
        requesterKind: input.requesterKind,
        requesterOrganisation: input.requesterOrganisation,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone ?? null,
        locale,
        preferredOn: input.preferredOn,
        alternativeOn: input.alternativeOn ?? null,
        place: input.place,
        audience: input.audience,
        expectedParticipants: input.expectedParticipants,
        message: input.message || null,
      })
      .returning();
    await audit(tx, {
      action: 'class_request.submit',
      entityType: 'class_request',
      entityId: row.id,
      after: row,
    });
    const program = await programOf(tx, chosen.programId);
    await mailRequester(tx, row, program, 'class_request_confirmation');
    await notifyCoordinators(tx, row, program);
    return { reference: referenceOf(row.id), status: 'requested' as const, stored: true };
  });
}

/** The request's program, with programs.manage checked on its company. Throws not_found, forbidden. */
export async function managedRequest(ctx: Ctx, id: string, lock = false) {
  const query = ctx.db
    .select()
    .from(classRequests)
    .where(and(eq(classRequests.orgId, ctx.orgId), eq(classRequests.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  const program = await programFor(ctx, row.programId, 'programs.manage');
  return { row, program };
}

/** Requests of the programs the coordinator manages, by preferred day (open ones first). Throws nothing. */
export async function listRequests(ctx: Ctx, q: ClassRequestQuery): Promise<Page<ClassRequestSummary>> {
  const scope = companiesFor(ctx.actor, 'programs.manage');
  const conditions: (SQL | undefined)[] = [eq(classRequests.orgId, ctx.orgId)];
  if (q.status) conditions.push(eq(classRequests.status, q.status));
  if (scope !== 'all')
    conditions.push(scope.companyIds.length ? inArray(programs.companyId, scope.companyIds) : sql`false`);
  const where = and(...conditions);
  const instructorCount = ctx.db
    .select({ requestId: classRequestInstructors.requestId, n: count().as('n') })
    .from(classRequestInstructors)
    .where(eq(classRequestInstructors.orgId, ctx.orgId))
    .groupBy(classRequestInstructors.requestId)
    .as('ic');
  const rows = await ctx.db
    .select({ r: classRequests, p: programs, n: instructorCount.n })
    .from(classRequests)
    .innerJoin(
      programs,
      and(eq(programs.orgId, classRequests.orgId), eq(programs.id, classRequests.programId)),
    )
    .leftJoin(instructorCount, eq(instructorCount.requestId, classRequests.id))
    .where(where)
    .orderBy(
      sql`case ${classRequests.status} when 'requested' then 0 when 'assigned' then 1 else 2 end`,
      desc(isNotNull(classRequests.scheduledOn)),
      asc(classRequests.preferredOn),
      asc(classRequests.id),
    )
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  const [{ total }] = await ctx.db
    .select({ total: count() })
    .from(classRequests)
    .innerJoin(
      programs,
      and(eq(programs.orgId, classRequests.orgId), eq(programs.id, classRequests.programId)),
    )
    .where(where);
  return {
    items: rows.map(({ r, p, n }) => summaryOf(r, p, toNumber(n ?? 0))),
    total: toNumber(total),
    page: q.page,
    size: q.size,
  };
}

export function summaryOf(
  r: typeof classRequests.$inferSelect,
  p: Pick<ProgramRef, 'code' | 'nameJa' | 'nameEn'>,
  instructorCount: number,
): ClassRequestSummary {
  return {
    id: r.id,
    reference: referenceOf(r.id),
    programId: r.programId,
    programCode: p.code,
    programNameJa: p.nameJa,
    programNameEn: p.nameEn,
    certificationId: r.certificationId,
    requesterKind: r.requesterKind as ClassRequestSummary['requesterKind'],
    requesterOrganisation: r.requesterOrganisation,
    contactName: r.contactName,
    preferredOn: r.preferredOn,
    alternativeOn: r.alternativeOn,
    scheduledOn: r.scheduledOn,
    audience: r.audience as ClassRequestSummary['audience'],
    expectedParticipants: r.expectedParticipants,
    status: r.status as ClassRequestSummary['status'],
    instructorCount,
    createdAt: r.createdAt.toISOString(),
  };
}
