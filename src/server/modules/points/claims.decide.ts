import { and, eq } from 'drizzle-orm';
import { holdsOn } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { account } from '../ledger/ledger.keys.js';
import { post } from '../ledger/ledger.post.js';
import { currentFiscalYear } from '../ledger/ledger.values.js';
import { notify } from '../notifications/notify.js';
import type { Claim } from './claims.schema.js';
import { claimView, isOwn, scopeOf, selectClaims } from './claims.view.js';
import { pointClaims as claims } from './points.table.js';

export type ClaimDecision = 'approved' | 'rejected';

/**
 * Approves or rejects a pending claim (claims.approve on the claimant's company or site; nobody decides
 * their own). Approval posts the points from the claimant's current fiscal year to the reimbursement
 * account (kind claim, key `claim:{id}`) in the same transaction as the status change, the audit record
 * and the notice (claim_approved / claim_rejected); when the balance no longer covers it, nothing
 * changes and the claim stays pending. A rejection needs a note.
 * Throws not_found, forbidden, own_request, invalid_transition, insufficient_points, validation_failed.
 */
export async function decideClaim(
  ctx: Ctx,
  id: string,
  decision: ClaimDecision,
  note: string | undefined,
  baseUrl = '',
): Promise<Claim> {
  const decisionNote = note?.trim() || null;
  if (decision === 'rejected' && !decisionNote)
    throw new AppError('validation_failed', { fields: [{ path: 'note', code: 'required' }] });
  return inTransaction(ctx, async (tx) => {
    const where = and(eq(claims.orgId, tx.orgId), eq(claims.id, id));
    const [locked] = await tx.db.select({ id: claims.id }).from(claims).where(where).for('update');
    if (!locked) throw new AppError('not_found', { params: { entity: 'point_claim' } });
    const [r] = await selectClaims(tx).where(where);
    if (!holdsOn(tx.actor, 'claims.approve', scopeOf(r)))
      throw new AppError('forbidden', { params: { permission: 'claims.approve' } });
    if (isOwn(tx, r)) throw new AppError('own_request');
    const c = r.claim;
    if (c.status !== 'pending') throw new AppError('invalid_transition', { params: { from: c.status } });
    let postingId: string | null = null;
    if (decision === 'approved') {
      const fiscalYear = await currentFiscalYear(tx);
      const { posting } = await post(tx, {
        kind: 'claim',
        idempotencyKey: `claim:${c.id}`,
        request: { claimId: c.id, employeeId: c.employeeId, points: c.points, fiscalYear },
        fiscalYear,
        memo: c.route,
        links: { employeeId: c.employeeId, claimId: c.id },
        lines: [
          { account: account.employeePoints(c.employeeId, fiscalYear), amount: -c.points },
          { account: account.pointsReimbursed(fiscalYear), amount: c.points },
        ],
      });
      postingId = posting.id;
    }
    const now = new Date();
    await tx.db
      .update(claims)
      .set({ status: decision, decidedBy: actorUserId(tx), decidedAt: now, decisionNote, updatedAt: now })
      .where(where);
    await audit(tx, {
      action: decision === 'approved' ? 'point_claim.approve' : 'point_claim.reject',
      entityType: 'point_claim',
      entityId: c.id,
      before: { status: 'pending' },
      after: { status: decision, decisionNote, postingId },
    });
    await notify(
      tx,
      {
        employeeId: c.employeeId,
        kind: decision === 'approved' ? 'claim_approved' : 'claim_rejected',
        params: {
          title: { ja: r.activity.titleJa ?? '', en: r.activity.titleEn ?? '' },
          points: new Intl.NumberFormat('en').format(c.points),
          note: decisionNote,
        },
        link: '/giving/claims',
      },
      baseUrl,
    );
    const [updated] = await selectClaims(tx).where(where);
    return claimView(tx, updated);
  });
}
