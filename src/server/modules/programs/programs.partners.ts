import { and, eq, inArray } from 'drizzle-orm';
import { assertHolds } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { partnerEligibleColumn } from '../partners/partners.eligibility.js';
import { partners } from '../partners/partners.table.js';
import type { Program, ProgramPartnersInput } from './programs.schema.js';
import { programNotFound, programRow } from './programs.service.js';
import { programPartners } from './programs.table.js';
import { partnersOf, programView } from './programs.view.js';

/**
 * Replaces the program's partners and their roles. A partner NEW to the program must be eligible
 * now (active and screening current: partners.eligibility.ts); one already on it may stay after its
 * screening lapses. The partner rows are read FOR SHARE, so a screening decided at the same moment
 * waits for this change (or this one sees its result). Throws not_found, forbidden,
 * validation_failed (not_found, duplicate_partner), partner_not_eligible (fields name the items).
 */
export async function setProgramPartners(
  ctx: Ctx,
  programId: string,
  input: ProgramPartnersInput,
): Promise<Program> {
  return inTransaction(ctx, async (tx) => {
    const program = await programRow(tx, programId, true);
    if (!program) throw programNotFound();
    assertHolds(tx, 'programs.manage', { companyId: program.companyId });
    const before = await partnersOf(tx, programId);
    const ids = input.items.map((i) => i.partnerId);
    const found = ids.length
      ? await tx.db
          .select({ id: partners.id, eligible: partnerEligibleColumn(ledgerToday()) })
          .from(partners)
          .where(and(eq(partners.orgId, tx.orgId), inArray(partners.id, ids)))
          .for('share')
      : [];
    const invalid: FieldIssue[] = [];
    const ineligible: FieldIssue[] = [];
    input.items.forEach((item, i) => {
      const path = `items.${i}.partnerId`;
      const partner = found.find((p) => p.id === item.partnerId);
      if (ids.indexOf(item.partnerId) !== i) invalid.push({ path, code: 'duplicate_partner' });
      else if (!partner) invalid.push({ path, code: 'not_found' });
      else if (!partner.eligible && !before.some((b) => b.partnerId === item.partnerId))
        ineligible.push({ path, code: 'partner_not_eligible' });
    });
    if (invalid.length) throw new AppError('validation_failed', { fields: [...invalid, ...ineligible] });
    if (ineligible.length) throw new AppError('partner_not_eligible', { fields: ineligible });
    await tx.db
      .delete(programPartners)
      .where(and(eq(programPartners.orgId, tx.orgId), eq(programPartners.programId, programId)));
    if (input.items.length)
      await tx.db
        .insert(programPartners)
        .values(
          input.items.map((i) => ({ orgId: tx.orgId, programId, partnerId: i.partnerId, role: i.role })),
        );
    const after = input.items.map((i) => ({ partnerId: i.partnerId, role: i.role }));
    await audit(tx, {
      action: 'program.partners',
      entityType: 'program',
      entityId: programId,
      before: before.map((b) => ({ partnerId: b.partnerId, role: b.role })),
      after,
    });
    return programView(tx, program);
  });
}
