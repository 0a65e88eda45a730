import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor, Grant } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { newSecret, sha256 } from '../../lib/tokens.js';
import type { Locale } from '../../../shared/fiscal-year.js';
import { apiTokens, roleGrants, sessions, users } from './auth.table.js';
import { verifyPassword } from './passwords.js';
import type { Login } from './auth.schema.js';
import { audit } from '../../lib/audit.js';

export type Principal = {
  orgId: string;
  actor: Extract<Actor, { kind: 'user' }>;
  locale: Locale;
  sessionId?: string;
  csrfToken?: string;
};

export type LoginPolicy = { maxFailures: number; lockoutMinutes: number; sessionDays: number };

/**
 * A user's grants as a JSON array column of a statement over `users`: the request's principal reads
 * them in the statement that finds its session (one round trip instead of two); loadGrants alone.
 * The user is named by table: in a one-table select Drizzle leaves its columns unqualified, which the
 * subquery would read as role_grants' own.
 */
const grantsColumn = sql<Grant[]>`coalesce((select json_agg(json_build_object('role', g.role,
  'scopeType', g.scope_type, 'companyId', g.company_id, 'siteId', g.site_id))
  from ${roleGrants} g where g.org_id = "users"."org_id" and g.user_id = "users"."id"), '[]'::json)`;

/** A user's grants (none for a user not in the organisation). */
export async function loadGrants(db: Db, orgId: string, userId: string): Promise<Grant[]> {
  const [row] = await db
    .select({ grants: grantsColumn })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row?.grants ?? [];
}

/** What a request's principal needs of its user. */
const principalColumns = {
  id: users.id,
  orgId: users.orgId,
  email: users.email,
  locale: users.locale,
  employeeId: users.employeeId,
  grants: grantsColumn,
};

function principalOf(user: {
  id: string;
  orgId: string;
  email: string;
  locale: string;
  employeeId: string | null;
  grants: Grant[];
}): Principal {
  return {
    orgId: user.orgId,
    locale: user.locale as Locale,
    actor: {
      kind: 'user',
      userId: user.id,
      label: user.email,
      employeeId: user.employeeId,
      grants: user.grants,
    },
  };
}

/**
 * Checks an e-mail and password and opens a session. Throws invalid_credentials, account_locked or
 * account_disabled. After maxFailures failures in a row the account is locked for lockoutMinutes.
 */
export async function login(
  db: Db,
  policy: LoginPolicy,
  input: Login,
  meta: { ip?: string; userAgent?: string; requestId?: string },
): Promise<{ user: typeof users.$inferSelect; sessionToken: string; csrfToken: string; expiresAt: Date }> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${input.email})`);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user) throw new AppError('invalid_credentials');
  const systemCtx = {
    orgId: user.orgId,
    actor: { kind: 'system' as const, label: `login:${user.email}` },
    locale: 'en' as const,
    db,
    requestId: meta.requestId,
  };
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('account_locked', { params: { until: user.lockedUntil.toISOString() } });
  }
  if (user.disabledAt) throw new AppError('account_disabled');
  if (!ok) {
    const lockedUntil = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      if (row.failedLogins < policy.maxFailures) return null;
      const until = new Date(Date.now() + policy.lockoutMinutes * 60_000);
      await tx.update(users).set({ failedLogins: 0, lockedUntil: until }).where(eq(users.id, user.id));
      await audit(
        { ...systemCtx, db: tx },
        { action: 'auth.locked', entityType: 'user', entityId: user.id, after: { lockedUntil: until } },
      );
      return until;
    });
    if (lockedUntil) throw new AppError('account_locked', { params: { until: lockedUntil.toISOString() } });
    throw new AppError('invalid_credentials');
  }
  const sessionToken = newSecret('ks_');
  const csrfToken = newSecret('', 24);
  const expiresAt = new Date(Date.now() + policy.sessionDays * 86_400_000);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      id: sha256(sessionToken),
      orgId: user.orgId,
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, new Date())));
  });
  return { user, sessionToken, csrfToken, expiresAt };
}

export async function logout(db: Db, sessionToken: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(sessionToken)));
}

/** The principal behind a session cookie, or null when the session is unknown, expired or its user disabled. */
export async function principalFromSession(
  db: Db,
  sessionToken: string,
  sessionDays: number,
): Promise<Principal | null> {
  const id = sha256(sessionToken);
  const [row] = await db
    .select({ lastSeenAt: sessions.lastSeenAt, csrfToken: sessions.csrfToken, user: principalColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)));
  if (!row) return null;
  // Sliding expiry, written at most once an hour per session.
  if (Date.now() - row.lastSeenAt.getTime() > 3_600_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + sessionDays * 86_400_000) })
      .where(eq(sessions.id, id));
  }
  return { ...principalOf(row.user), sessionId: id, csrfToken: row.csrfToken };
}

/** The principal behind a personal API token (Authorization: Bearer), or null. */
export async function principalFromApiToken(db: Db, token: string): Promise<Principal | null> {
  const [row] = await db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: principalColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  }
  return principalOf(row.user);
}
