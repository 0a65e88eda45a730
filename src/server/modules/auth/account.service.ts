import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { newSecret, sha256 } from '../../lib/tokens.js';
import { apiTokens, sessions, users } from './auth.table.js';
import type { ApiTokenCreate, MeUpdate, PasswordChange } from './auth.schema.js';
import { hashPassword, verifyPassword } from './passwords.js';

function userId(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated');
  return ctx.actor.userId;
}

export async function getOwnUser(ctx: Ctx) {
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, userId(ctx))));
  if (!user) throw new AppError('not_found', { params: { entity: 'user' } });
  return user;
}

/** Updates the caller's own language or display name. */
export async function updateOwnUser(ctx: Ctx, input: MeUpdate) {
  return inTransaction(ctx, async (tx) => {
    const before = await getOwnUser(tx);
    const [after] = await tx.db
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(users.orgId, tx.orgId), eq(users.id, before.id)))
      .returning();
    await audit(tx, { action: 'user.update_self', entityType: 'user', entityId: before.id, before, after });
    return after;
  });
}

/**
 * Changes the caller's password after checking the current one; every other session of theirs ends.
 * Throws wrong_password.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  input: PasswordChange,
  keepSessionId?: string,
): Promise<void> {
  const user = await getOwnUser(ctx);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('wrong_password', { fields: [{ path: 'currentPassword', code: 'custom' }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.orgId, tx.orgId), eq(users.id, user.id)));
    await tx.db
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
    await audit(tx, { action: 'user.change_password', entityType: 'user', entityId: user.id });
  });
}

const tokenView = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function listOwnApiTokens(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, ctx.orgId), eq(apiTokens.userId, userId(ctx))))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(tokenView);
}

/** Creates a personal API token. The secret is returned once; only its hash is kept. */
export async function createOwnApiToken(ctx: Ctx, input: ApiTokenCreate) {
  const token = newSecret('kyt_');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(apiTokens)
      .values({
        orgId: tx.orgId,
        userId: userId(tx),
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, 10),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      })
      .returning();
    await audit(tx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      after: tokenView(row),
    });
    return { ...tokenView(row), token };
  });
}

/** Revokes one of the caller's tokens. Throws not_found. */
export async function revokeOwnApiToken(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.orgId, tx.orgId),
          eq(apiTokens.userId, userId(tx)),
          eq(apiTokens.id, id),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning();
    if (!row) throw new AppError('not_found', { params: { entity: 'api_token' } });
    await audit(tx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      after: tokenView(row),
    });
  });
}
