import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { isUniqueViolation } from '../../lib/sql.js';
import { storedFiles } from '../files/files.table.js';
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import type { Agreement, AgreementCreate, AgreementDocuments, AgreementUpdate } from './agreements.schema.js';
import { partnerAgreementDocuments, partnerAgreementParties, partnerAgreements } from './agreements.table.js';
import { agreementNotFound, getAgreement } from './agreements.view.js';
import { partners } from './partners.table.js';

type AgreementRow = typeof partnerAgreements.$inferSelect;
type Values = Omit<AgreementRow, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

const fail = (fields: FieldIssue[]) => {
  if (fields.length) throw new AppError('validation_failed', { fields });
};

const duplicateCode = () =>
  new AppError('duplicate', {
    params: { entity: 'partner_agreement' },
    fields: [{ path: 'code', code: 'duplicate' }],
  });

/**
 * The rules of an agreement's values: the title in the organisation's default language, a signing
 * date once it is not a draft, the end not before the start, a group company and partners of the
 * organisation (each once).
 */
async function check(ctx: Ctx, v: Values, partnerIds: string[] | undefined): Promise<void> {
  const [org] = await ctx.db
    .select({ locale: organisations.defaultLocale })
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  const issues: FieldIssue[] = [];
  const title = org?.locale === 'en' ? 'titleEn' : 'titleJa';
  if (!v[title]) issues.push({ path: title, code: 'required' });
  if (v.status !== 'draft' && !v.signedOn) issues.push({ path: 'signedOn', code: 'required' });
  if (v.endsOn && v.endsOn < v.startsOn) issues.push({ path: 'endsOn', code: 'ends_before_start' });
  const [company] = await ctx.db
    .select({ id: groupCompanies.id })
    .from(groupCompanies)
    .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, v.companyId)));
  if (!company) issues.push({ path: 'companyId', code: 'not_found' });
  if (partnerIds) {
    const found = partnerIds.length
      ? await ctx.db
          .select({ id: partners.id })
          .from(partners)
          .where(and(eq(partners.orgId, ctx.orgId), inArray(partners.id, partnerIds)))
      : [];
    const known = new Set(found.map((p) => p.id));
    partnerIds.forEach((id, i) => {
      if (!known.has(id)) issues.push({ path: `partnerIds.${i}`, code: 'not_found' });
      else if (partnerIds.indexOf(id) !== i) issues.push({ path: `partnerIds.${i}`, code: 'duplicate' });
    });
  }
  fail(issues);
}

async function setParties(ctx: Ctx, agreementId: string, partnerIds: string[]): Promise<void> {
  await ctx.db
    .delete(partnerAgreementParties)
    .where(
      and(eq(partnerAgreementParties.orgId, ctx.orgId), eq(partnerAgreementParties.agreementId, agreementId)),
    );
  await ctx.db
    .insert(partnerAgreementParties)
    .values(partnerIds.map((partnerId) => ({ orgId: ctx.orgId, agreementId, partnerId })));
}

async function lockRow(ctx: Ctx, id: string): Promise<AgreementRow> {
  const [row] = await ctx.db
    .select()
    .from(partnerAgreements)
    .where(and(eq(partnerAgreements.orgId, ctx.orgId), eq(partnerAgreements.id, id)))
    .for('update');
  if (!row) throw agreementNotFound();
  return row;
}

const partiesOf = async (ctx: Ctx, id: string) =>
  (
    await ctx.db
      .select({ partnerId: partnerAgreementParties.partnerId })
      .from(partnerAgreementParties)
      .where(and(eq(partnerAgreementParties.orgId, ctx.orgId), eq(partnerAgreementParties.agreementId, id)))
  ).map((p) => p.partnerId);

/**
 * Records an agreement with its parties, for a group company the caller manages partners of. Throws
 * forbidden (company out of scope), validation_failed (required, not_found, duplicate,
 * ends_before_start), duplicate (code).
 */
export async function createAgreement(ctx: Ctx, input: AgreementCreate): Promise<Agreement> {
  assertHolds(ctx, 'partners.manage', { companyId: input.companyId });
  const { partnerIds, ...rest } = input;
  const values: Values = {
    ...rest,
    titleJa: rest.titleJa ?? null,
    titleEn: rest.titleEn ?? null,
    scopeJa: rest.scopeJa ?? null,
    scopeEn: rest.scopeEn ?? null,
    signedOn: rest.signedOn ?? null,
    endsOn: rest.endsOn ?? null,
  };
  return inTransaction(ctx, async (tx) => {
    await check(tx, values, partnerIds);
    const [row] = await tx.db
      .insert(partnerAgreements)
      .values({ ...values, orgId: tx.orgId })
      .onConflictDoNothing({ target: [partnerAgreements.orgId, partnerAgreements.code] })
      .returning();
    if (!row) throw duplicateCode();
    await setParties(tx, row.id, partnerIds);
    await audit(tx, {
      action: 'partner_agreement.create',
      entityType: 'partner_agreement',
      entityId: row.id,
      after: { ...row, partnerIds },
    });
    return getAgreement(tx, row.id);
  });
}

/**
 * Changes an agreement: its values, status and parties. The caller must manage partners of its group
 * company (and of the new one when it moves). Throws not_found, forbidden, validation_failed, duplicate.
 */
export async function updateAgreement(ctx: Ctx, id: string, input: AgreementUpdate): Promise<Agreement> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockRow(tx, id);
    assertHolds(tx, 'partners.manage', { companyId: before.companyId });
    if (input.companyId) assertHolds(tx, 'partners.manage', { companyId: input.companyId });
    const { partnerIds, ...rest } = input;
    const patch = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => v !== undefined),
    ) as Partial<Values>;
    const { id: _id, orgId: _org, createdAt: _c, updatedAt: _u, ...current } = before;
    await check(tx, { ...current, ...patch }, partnerIds);
    const beforeParties = await partiesOf(tx, id);
    const [after] = await tx.db
      .update(partnerAgreements)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(partnerAgreements.orgId, tx.orgId), eq(partnerAgreements.id, id)))
      .returning()
      .catch((err) => {
        if (isUniqueViolation(err, 'partner_agreements_org_code')) throw duplicateCode();
        throw err;
      });
    if (partnerIds) await setParties(tx, id, partnerIds);
    await audit(tx, {
      action: 'partner_agreement.update',
      entityType: 'partner_agreement',
      entityId: id,
      before: { ...before, partnerIds: beforeParties },
      after: { ...after, partnerIds: partnerIds ?? beforeParties },
    });
    return getAgreement(tx, id);
  });
}

/**
 * Replaces the signed documents of an agreement with these uploaded files (purpose agreement_document).
 * Files kept keep their date. Throws not_found, forbidden, validation_failed (fileIds.i: not_found,
 * invalid_value for a file of another purpose, duplicate).
 */
export async function setAgreementDocuments(
  ctx: Ctx,
  id: string,
  input: AgreementDocuments,
): Promise<Agreement> {
  return inTransaction(ctx, async (tx) => {
    const row = await lockRow(tx, id);
    assertHolds(tx, 'partners.manage', { companyId: row.companyId });
    const files = input.fileIds.length
      ? await tx.db
          .select({ id: storedFiles.id, purpose: storedFiles.purpose })
          .from(storedFiles)
          .where(and(eq(storedFiles.orgId, tx.orgId), inArray(storedFiles.id, input.fileIds)))
      : [];
    const purposeOf = new Map(files.map((f) => [f.id, f.purpose]));
    fail(
      input.fileIds.flatMap((fileId, i): FieldIssue[] => {
        const path = `fileIds.${i}`;
        if (!purposeOf.has(fileId)) return [{ path, code: 'not_found' }];
        if (purposeOf.get(fileId) !== 'agreement_document') return [{ path, code: 'invalid_value' }];
        return input.fileIds.indexOf(fileId) !== i ? [{ path, code: 'duplicate' }] : [];
      }),
    );
    const current = (
      await tx.db
        .select({ fileId: partnerAgreementDocuments.fileId })
        .from(partnerAgreementDocuments)
        .where(
          and(eq(partnerAgreementDocuments.orgId, tx.orgId), eq(partnerAgreementDocuments.agreementId, id)),
        )
    ).map((d) => d.fileId);
    const removed = current.filter((f) => !input.fileIds.includes(f));
    const added = input.fileIds.filter((f) => !current.includes(f));
    if (removed.length)
      await tx.db
        .delete(partnerAgreementDocuments)
        .where(
          and(
            eq(partnerAgreementDocuments.orgId, tx.orgId),
            eq(partnerAgreementDocuments.agreementId, id),
            inArray(partnerAgreementDocuments.fileId, removed),
          ),
        );
    if (added.length)
      await tx.db
        .insert(partnerAgreementDocuments)
        .values(added.map((fileId) => ({ orgId: tx.orgId, agreementId: id, fileId })));
    await audit(tx, {
      action: 'partner_agreement.documents',
      entityType: 'partner_agreement',
      entityId: id,
      before: { fileIds: current },
      after: { fileIds: input.fileIds },
    });
    return getAgreement(tx, id);
  });
}
