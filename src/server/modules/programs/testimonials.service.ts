import { and, count, desc, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { fileInfo } from '../files/files.service.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { programs } from './programs.table.js';
import { fiscalYearFor, localized, programFor, yearLabeller } from './records.access.js';
import { programSessions, programTestimonials } from './records.table.js';
import type { Testimonial, TestimonialCreate } from './testimonials.schema.js';

type Row = typeof programTestimonials.$inferSelect;

async function views(ctx: Ctx, rows: Row[]): Promise<Testimonial[]> {
  const label = await yearLabeller(ctx);
  return rows.map((r) => ({
    id: r.id,
    programId: r.programId,
    sessionId: r.sessionId,
    speakerJa: r.speakerJa,
    speakerEn: r.speakerEn,
    quoteJa: r.quoteJa,
    quoteEn: r.quoteEn,
    speaker: localized(ctx, r.speakerJa, r.speakerEn),
    quote: localized(ctx, r.quoteJa, r.quoteEn),
    fiscalYear: r.fiscalYear,
    fiscalYearLabel: label(r.fiscalYear),
    consentOn: r.consentOn,
    consentFileId: r.consentFileId,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The fiscal year of a session of the program, or null when the program has no such session. */
export async function sessionYear(ctx: Ctx, programId: string, sessionId: string): Promise<number | null> {
  const [s] = await ctx.db
    .select({ fiscalYear: programSessions.fiscalYear })
    .from(programSessions)
    .where(
      and(
        eq(programSessions.orgId, ctx.orgId),
        eq(programSessions.programId, programId),
        eq(programSessions.id, sessionId),
      ),
    );
  return s?.fiscalYear ?? null;
}

/** The rules of a testimonial beyond its schema: a quote, consent not in the future (also used by the import). */
export function testimonialIssues(
  t: Pick<TestimonialCreate, 'quoteJa' | 'quoteEn' | 'consentOn'>,
  today = ledgerToday(),
): FieldIssue[] {
  const fields: FieldIssue[] = [];
  if (!t.quoteJa && !t.quoteEn) fields.push({ path: 'quoteJa', code: 'quote_required' });
  if (t.consentOn > today) fields.push({ path: 'consentOn', code: 'consent_in_future' });
  return fields;
}

/** The testimonials of a program, newest year first. Throws not_found, forbidden. */
export async function listTestimonials(
  ctx: Ctx,
  programId: string,
  q: { fiscalYear?: number; page: number; size: number },
): Promise<Page<Testimonial>> {
  await programFor(ctx, programId, 'programs.read');
  const where = and(
    eq(programTestimonials.orgId, ctx.orgId),
    eq(programTestimonials.programId, programId),
    q.fiscalYear !== undefined ? eq(programTestimonials.fiscalYear, q.fiscalYear) : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(programTestimonials).where(where);
  const rows = await ctx.db
    .select()
    .from(programTestimonials)
    .where(where)
    .orderBy(
      desc(programTestimonials.fiscalYear),
      desc(programTestimonials.consentOn),
      desc(programTestimonials.createdAt),
    )
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: await views(ctx, rows), total: toNumber(total), page: q.page, size: q.size };
}

/**
 * Records a quote with the speaker's consent: consentOn is required and not in the future, a consent
 * file must be an upload of purpose consent_record. Throws not_found, forbidden, validation_failed
 * (quote_required, consent_in_future, consentFileId not_found / consent_file_purpose, sessionId not_found).
 */
export async function createTestimonial(
  ctx: Ctx,
  programId: string,
  input: TestimonialCreate,
): Promise<Testimonial> {
  return inTransaction(ctx, async (tx) => {
    await programFor(tx, programId, 'programs.manage');
    const fields = testimonialIssues(input);
    if (input.consentFileId) {
      const file = await fileInfo(tx, input.consentFileId);
      if (!file) fields.push({ path: 'consentFileId', code: 'not_found' });
      else if (file.purpose !== 'consent_record')
        fields.push({ path: 'consentFileId', code: 'consent_file_purpose' });
    }
    const year = input.sessionId ? await sessionYear(tx, programId, input.sessionId) : null;
    if (input.sessionId && year === null) fields.push({ path: 'sessionId', code: 'not_found' });
    if (fields.length) throw new AppError('validation_failed', { fields });
    const [row] = await tx.db
      .insert(programTestimonials)
      .values({
        orgId: tx.orgId,
        programId,
        sessionId: input.sessionId ?? null,
        speakerJa: input.speakerJa ?? null,
        speakerEn: input.speakerEn ?? null,
        quoteJa: input.quoteJa ?? null,
        quoteEn: input.quoteEn ?? null,
        fiscalYear: input.fiscalYear ?? year ?? (await fiscalYearFor(tx, input.consentOn)),
        consentOn: input.consentOn,
        consentFileId: input.consentFileId ?? null,
      })
      .returning();
    await audit(tx, {
      action: 'program_testimonial.create',
      entityType: 'program_testimonial',
      entityId: row.id,
      after: row,
    });
    return (await views(tx, [row]))[0];
  });
}

/** Removes a testimonial (say when the speaker withdraws consent). Throws not_found, forbidden. */
export async function deleteTestimonial(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ t: programTestimonials, companyId: programs.companyId })
      .from(programTestimonials)
      .innerJoin(
        programs,
        and(eq(programs.orgId, programTestimonials.orgId), eq(programs.id, programTestimonials.programId)),
      )
      .where(and(eq(programTestimonials.orgId, tx.orgId), eq(programTestimonials.id, id)));
    if (!row) throw new AppError('not_found', { params: { entity: 'program_testimonial' } });
    assertHolds(tx, 'programs.manage', { companyId: row.companyId });
    await tx.db.delete(programTestimonials).where(eq(programTestimonials.id, id));
    await audit(tx, {
      action: 'program_testimonial.delete',
      entityType: 'program_testimonial',
      entityId: id,
      before: row.t,
    });
  });
}
