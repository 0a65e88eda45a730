import { and, asc, eq, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { currentCounts } from './certifications.counts.js';
import { employees } from '../people/people.table.js';
import { assertPeriod, certificationRef, defaultExpiry } from './certifications.rules.js';
import type {
  Certification,
  CertificationCreate,
  HolderCreate,
  HolderRenew,
  Period,
} from './certifications.schema.js';
import { certificationHolders, certifications } from './certifications.table.js';
import { programFor } from './records.access.js';

export { certifiedCount } from './certifications.counts.js';
export { listHolders } from './certifications.holders.js';

/** What the program certifies, with how many hold each today. Throws not_found. */
export async function listCertifications(ctx: Ctx, programId: string): Promise<Certification[]> {
  await programFor(ctx, programId, 'programs.read');
  const rows = await ctx.db
    .select()
    .from(certifications)
    .where(and(eq(certifications.orgId, ctx.orgId), eq(certifications.programId, programId)))
    .orderBy(asc(certifications.code));
  const counts = await currentCounts(ctx, programId, ledgerToday());
  return rows.map((c) => ({
    id: c.id,
    programId: c.programId,
    code: c.code,
    nameJa: c.nameJa,
    nameEn: c.nameEn,
    validityMonths: c.validityMonths,
    currentCount: counts.get(c.id) ?? 0,
  }));
}

/**
 * Adds a certification to a program. Throws not_found, forbidden (programs.manage on the program's
 * company), validation_failed (a name in ja or en required), duplicate (the code is taken).
 */
export async function createCertification(
  ctx: Ctx,
  programId: string,
  input: CertificationCreate,
): Promise<Certification> {
  return inTransaction(ctx, async (tx) => {
    await programFor(tx, programId, 'programs.manage');
    if (!input.nameJa && !input.nameEn)
      throw new AppError('validation_failed', { fields: [{ path: 'nameJa', code: 'required' }] });
    const [taken] = await tx.db
      .select({ id: certifications.id })
      .from(certifications)
      .where(and(eq(certifications.orgId, tx.orgId), eq(certifications.code, input.code)));
    if (taken)
      throw new AppError('duplicate', {
        params: { entity: 'certification' },
        fields: [{ path: 'code', code: 'duplicate' }],
      });
    const [row] = await tx.db
      .insert(certifications)
      .values({
        orgId: tx.orgId,
        programId,
        code: input.code,
        nameJa: input.nameJa ?? null,
        nameEn: input.nameEn ?? null,
        validityMonths: input.validityMonths ?? null,
      })
      .returning();
    await audit(tx, {
      action: 'certification.create',
      entityType: 'certification',
      entityId: row.id,
      after: row,
    });
    return { ...row, currentCount: 0 };
  });
}

const period = (r: typeof certificationHolders.$inferSelect): Period => ({
  id: r.id,
  certificationId: r.certificationId,
  employeeId: r.employeeId,
  certifiedOn: r.certifiedOn,
  expiresOn: r.expiresOn,
  revokedOn: r.revokedOn,
  renewsId: r.renewsId,
});

/** A not-revoked period of the employee for the certification overlapping [from, to]. */
async function overlapping(
  ctx: Ctx,
  certificationId: string,
  employeeId: string,
  from: string,
  to: string | null,
) {
  const h = certificationHolders;
  const [row] = await ctx.db
    .select({ id: h.id })
    .from(h)
    .where(
      and(
        eq(h.orgId, ctx.orgId),
        eq(h.certificationId, certificationId),
        eq(h.employeeId, employeeId),
        sql`${h.revokedOn} is null`,
        sql`(${h.expiresOn} is null or ${h.expiresOn} >= ${from}::date)`,
        to ? sql`${h.certifiedOn} <= ${to}::date` : undefined,
      ),
    )
    .limit(1);
  return row;
}

/**
 * Certifies an employee from `certifiedOn` (until `expiresOn`, by default the certification's
 * validity). Throws not_found (certification or employee), forbidden, validation_failed
 * (ends_before_start), already_certified (a period of theirs covers these dates: renew it instead).
 */
export async function addHolder(ctx: Ctx, certificationId: string, input: HolderCreate): Promise<Period> {
  return inTransaction(ctx, async (tx) => {
    const { certification } = await certificationRef(tx, certificationId, 'programs.manage');
    const [employee] = await tx.db
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.orgId, tx.orgId), eq(employees.id, input.employeeId)))
      .for('update');
    if (!employee)
      throw new AppError('not_found', {
        params: { entity: 'employee' },
        fields: [{ path: 'employeeId', code: 'not_found' }],
      });
    const expiresOn = defaultExpiry(input.certifiedOn, input.expiresOn, certification.validityMonths);
    assertPeriod(input.certifiedOn, expiresOn);
    if (await overlapping(tx, certificationId, input.employeeId, input.certifiedOn, expiresOn))
      throw new AppError('already_certified', {
        fields: [{ path: 'employeeId', code: 'already_certified' }],
      });
    const [row] = await tx.db
      .insert(certificationHolders)
      .values({
        orgId: tx.orgId,
        certificationId,
        employeeId: input.employeeId,
        certifiedOn: input.certifiedOn,
        expiresOn,
      })
      .returning();
    await audit(tx, {
      action: 'certification_holder.create',
      entityType: 'certification_holder',
      entityId: row.id,
      after: row,
    });
    return period(row);
  });
}

async function lockedHolder(ctx: Ctx, holderId: string) {
  const [row] = await ctx.db
    .select()
    .from(certificationHolders)
    .where(and(eq(certificationHolders.orgId, ctx.orgId), eq(certificationHolders.id, holderId)))
    .for('update');
  if (!row) throw new AppError('not_found', { params: { entity: 'certification_holder' } });
  const { certification } = await certificationRef(ctx, row.certificationId, 'programs.manage');
  return { row, certification };
}

/**
 * Renews a period: a new period from `certifiedOn` pointing at the one it renews (each period is
 * renewed at most once). Throws not_found, forbidden, already_renewed, invalid_transition (a revoked
 * period), validation_failed (the renewal starts before the period it renews, or ends before it starts).
 */
export async function renewHolder(ctx: Ctx, holderId: string, input: HolderRenew): Promise<Period> {
  return inTransaction(ctx, async (tx) => {
    const { row, certification } = await lockedHolder(tx, holderId);
    if (row.revokedOn) throw new AppError('invalid_transition', { params: { from: 'revoked' } });
    const [renewed] = await tx.db
      .select({ id: certificationHolders.id })
      .from(certificationHolders)
      .where(and(eq(certificationHolders.orgId, tx.orgId), eq(certificationHolders.renewsId, row.id)));
    if (renewed) throw new AppError('already_renewed');
    if (input.certifiedOn <= row.certifiedOn)
      throw new AppError('validation_failed', {
        fields: [{ path: 'certifiedOn', code: 'renewal_before_period' }],
      });
    const expiresOn = defaultExpiry(input.certifiedOn, input.expiresOn, certification.validityMonths);
    assertPeriod(input.certifiedOn, expiresOn);
    const [created] = await tx.db
      .insert(certificationHolders)
      .values({
        orgId: tx.orgId,
        certificationId: row.certificationId,
        employeeId: row.employeeId,
        certifiedOn: input.certifiedOn,
        expiresOn,
        renewsId: row.id,
      })
      .returning();
    await audit(tx, {
      action: 'certification_holder.renew',
      entityType: 'certification_holder',
      entityId: created.id,
      before: row,
      after: created,
    });
    return period(created);
  });
}

/**
 * Revokes a period from `revokedOn` (the employee is no longer certified that day). Throws not_found,
 * forbidden, invalid_transition (already revoked), validation_failed (before the period starts).
 */
export async function revokeHolder(ctx: Ctx, holderId: string, revokedOn: string): Promise<Period> {
  return inTransaction(ctx, async (tx) => {
    const { row } = await lockedHolder(tx, holderId);
    if (row.revokedOn) throw new AppError('invalid_transition', { params: { from: 'revoked' } });
    if (revokedOn < row.certifiedOn)
      throw new AppError('validation_failed', {
        fields: [{ path: 'revokedOn', code: 'revoked_before_period' }],
      });
    const [updated] = await tx.db
      .update(certificationHolders)
      .set({ revokedOn })
      .where(and(eq(certificationHolders.orgId, tx.orgId), eq(certificationHolders.id, holderId)))
      .returning();
    await audit(tx, {
      action: 'certification_holder.revoke',
      entityType: 'certification_holder',
      entityId: holderId,
      before: row,
      after: updated,
    });
    return period(updated);
  });
}
