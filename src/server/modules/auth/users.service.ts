import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { assertHolds } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { likeEscape, toNumber } from '../../lib/sql.js';
import type { Page } from '../../lib/pagination.js';
import { groupCompanies, organisations, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { roleGrants, sessions, users } from './auth.table.js';
import type { Grant } from './auth.schema.js';
import { hashPassword } from './passwords.js';
import type { RoleGrantCreate, UserAdmin, UserCreate, UserUpdate } from './users.schema.js';

type GrantRow = typeof roleGrants.$inferSelect;

async function grantsWithLabels(ctx: Ctx, rows: GrantRow[]): Promise<Map<string, Grant[]>> {
  const companyIds = [...new Set(rows.flatMap((r) => (r.companyId ? [r.companyId] : [])))];
  const siteIds = [...new Set(rows.flatMap((r) => (r.siteId ? [r.siteId] : [])))];
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, ctx.orgId));
  const companies = companyIds.length
    ? await ctx.db
        .select()
        .from(groupCompanies)
        .where(and(eq(groupCompanies.orgId, ctx.orgId), inArray(groupCompanies.id, companyIds)))
    : [];
  const siteRows = siteIds.length
    ? await ctx.db
        .select()
        .from(sites)
        .where(and(eq(sites.orgId, ctx.orgId), inArray(sites.id, siteIds)))
    : [];
  const name = (r: { nameJa: string; nameEn: string }) => (ctx.locale === 'ja' ? r.nameJa : r.nameEn);
  const byUser = new Map<string, Grant[]>();
  for (const r of rows) {
    const scopeLabel =
      r.scopeType === 'org'
        ? name(org)
        : r.scopeType === 'company'
          ? name(companies.find((c) => c.id === r.companyId)!)
          : name(siteRows.find((s) => s.id === r.siteId)!);
    const list = byUser.get(r.userId) ?? [];
    list.push({
      id: r.id,
      role: r.role as Grant['role'],
      scopeType: r.scopeType as Grant['scopeType'],
      companyId: r.companyId,
      siteId: r.siteId,
      scopeLabel,
    });
    byUser.set(r.userId, list);
  }
  return byUser;
}

/** A user's role grants with their scope named in the caller's language. */
export async function describeGrants(ctx: Ctx, userId: string): Promise<Grant[]> {
  const rows = await ctx.db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.orgId, ctx.orgId), eq(roleGrants.userId, userId)));
  return (await grantsWithLabels(ctx, rows)).get(userId) ?? [];
}

function adminView(u: typeof users.$inferSelect, grants: Grant[]): UserAdmin {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    locale: u.locale as 'ja' | 'en',
    employeeId: u.employeeId,
    disabled: !!u.disabledAt,
    locked: !!u.lockedUntil && u.lockedUntil > new Date(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    grants,
  };
}

/** Lists the organisation's accounts with their grants; filters by text and role. */
export async function listUsers(
  ctx: Ctx,
  q: { q?: string; role?: string; page: number; size: number },
): Promise<Page<UserAdmin>> {
  const conditions = [eq(users.orgId, ctx.orgId)];
  if (q.q) {
    const pattern = `%${likeEscape(q.q.toLowerCase())}%`;
    conditions.push(
      sql`(lower(${users.email}) like ${pattern} or lower(${users.displayName}) like ${pattern})`,
    );
  }
  if (q.role) {
    conditions.push(
      sql`exists (select 1 from ${roleGrants} g where g.user_id = ${users.id} and g.role = ${q.role})`,
    );
  }
  const where = and(...conditions);
  const [{ total }] = await ctx.db.select({ total: count() }).from(users).where(where);
  const rows = await ctx.db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.email))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  const grantRows = rows.length
    ? await ctx.db
        .select()
        .from(roleGrants)
        .where(
          and(
            eq(roleGrants.orgId, ctx.orgId),
            inArray(
              roleGrants.userId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const grants = await grantsWithLabels(ctx, grantRows);
  return {
    items: rows.map((u) => adminView(u, grants.get(u.id) ?? [])),
    total: toNumber(total),
    page: q.page,
    size: q.size,
  };
}

export async function getUser(ctx: Ctx, id: string): Promise<UserAdmin> {
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, id)));
  if (!u) throw new AppError('not_found', { params: { entity: 'user' } });
  return adminView(u, await describeGrants(ctx, id));
}

async function checkScope(ctx: Ctx, g: RoleGrantCreate): Promise<void> {
  if (g.scopeType === 'company') {
    const [c] = await ctx.db
      .select({ id: groupCompanies.id })
      .from(groupCompanies)
      .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, g.companyId!)));
    if (!c) throw new AppError('validation_failed', { fields: [{ path: 'companyId', code: 'not_found' }] });
    assertHolds(ctx, 'roles.manage', { companyId: g.companyId });
  } else if (g.scopeType === 'site') {
    const [s] = await ctx.db
      .select({ id: sites.id, companyId: sites.companyId })
      .from(sites)
      .where(and(eq(sites.orgId, ctx.orgId), eq(sites.id, g.siteId!)));
    if (!s) throw new AppError('validation_failed', { fields: [{ path: 'siteId', code: 'not_found' }] });
    assertHolds(ctx, 'roles.manage', { siteId: s.id, siteCompanyId: s.companyId });
  } else {
    assertHolds(ctx, 'roles.manage', {});
  }
}

/** Grants a role on a scope. Throws duplicate when the user already holds it there. */
export async function grantRole(ctx: Ctx, userId: string, g: RoleGrantCreate): Promise<Grant> {
  return inTransaction(ctx, async (tx) => {
    await getUser(tx, userId);
    await checkScope(tx, g);
    const [row] = await tx.db
      .insert(roleGrants)
      .values({
        orgId: tx.orgId,
        userId,
        role: g.role,
        scopeType: g.scopeType,
        companyId: g.scopeType === 'company' ? g.companyId! : null,
        siteId: g.scopeType === 'site' ? g.siteId! : null,
        grantedBy: tx.actor.kind === 'user' ? tx.actor.userId : null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('duplicate', { params: { entity: 'role_grant' } });
    await audit(tx, { action: 'role.grant', entityType: 'user', entityId: userId, after: row });
    return (await grantsWithLabels(tx, [row])).get(userId)![0];
  });
}

/** Revokes one grant. An organisation keeps at least one organisation-wide org admin. */
export async function revokeRole(ctx: Ctx, userId: string, grantId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.orgId, tx.orgId), eq(roleGrants.userId, userId), eq(roleGrants.id, grantId)))
      .for('update');
    if (!row) throw new AppError('not_found', { params: { entity: 'role_grant' } });
    await checkScope(tx, {
      role: row.role as Grant['role'],
      scopeType: row.scopeType as Grant['scopeType'],
      companyId: row.companyId ?? undefined,
      siteId: row.siteId ?? undefined,
    });
    await tx.db.delete(roleGrants).where(eq(roleGrants.id, grantId));
    if (row.role === 'org_admin' && row.scopeType === 'org') {
      const [{ n }] = await tx.db
        .select({ n: count() })
        .from(roleGrants)
        .where(
          and(
            eq(roleGrants.orgId, tx.orgId),
            eq(roleGrants.role, 'org_admin'),
            eq(roleGrants.scopeType, 'org'),
          ),
        );
      if (toNumber(n) === 0)
        throw new AppError('conflict', {
          params: { detail: 'the last organisation-wide administrator cannot be removed' },
        });
    }
    await audit(tx, { action: 'role.revoke', entityType: 'user', entityId: userId, before: row });
  });
}

/** The employee an account may be linked to: in the organisation, and not linked to another account. */
async function linkableEmployee(ctx: Ctx, employeeId: string, exceptUserId?: string) {
  const [e] = await ctx.db
    .select()
    .from(employees)
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.id, employeeId)));
  if (!e) throw new AppError('validation_failed', { fields: [{ path: 'employeeId', code: 'not_found' }] });
  const [linked] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.employeeId, e.id)));
  if (linked && linked.id !== exceptUserId)
    throw new AppError('duplicate', {
      params: { entity: 'user' },
      fields: [{ path: 'employeeId', code: 'duplicate' }],
    });
  return e;
}

/** Creates an account, optionally linked to an employee and with grants. Throws duplicate on a used e-mail. */
export async function createUser(ctx: Ctx, input: UserCreate): Promise<UserAdmin> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return inTransaction(ctx, async (tx) => {
    const [taken] = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${input.email})`);
    if (taken)
      throw new AppError('duplicate', {
        params: { entity: 'user' },
        fields: [{ path: 'email', code: 'duplicate' }],
      });
    let displayName = input.displayName;
    if (input.employeeId) {
      const e = await linkableEmployee(tx, input.employeeId);
      displayName ??= tx.locale === 'ja' ? e.nameJa : e.nameEn;
    }
    const [org] = await tx.db.select().from(organisations).where(eq(organisations.id, tx.orgId));
    const [row] = await tx.db
      .insert(users)
      .values({
        orgId: tx.orgId,
        email: input.email,
        displayName: displayName ?? input.email.split('@')[0],
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : null,
        employeeId: input.employeeId ?? null,
        locale: input.locale ?? org.defaultLocale,
      })
      .returning();
    await audit(tx, { action: 'user.create', entityType: 'user', entityId: row.id, after: row });
    for (const g of input.grants) await grantRole(tx, row.id, g);
    return getUser(tx, row.id);
  });
}

/** Sets a user's password (an administrator's reset); their sessions end and any lockout is cleared. */
export async function setPassword(ctx: Ctx, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: new Date(),
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      })
      .where(and(eq(users.orgId, tx.orgId), eq(users.id, userId)))
      .returning({ id: users.id });
    if (!row) throw new AppError('not_found', { params: { entity: 'user' } });
    await tx.db.delete(sessions).where(eq(sessions.userId, userId));
    await audit(tx, { action: 'user.set_password', entityType: 'user', entityId: userId });
  });
}

/**
 * Renames, disables, unlocks an account, or links it to an employee (null unlinks). Disabling ends its
 * sessions. Throws not_found, validation_failed (unknown employee), duplicate (employee linked elsewhere).
 */
export async function updateUser(ctx: Ctx, userId: string, input: UserUpdate): Promise<UserAdmin> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(users)
      .where(and(eq(users.orgId, tx.orgId), eq(users.id, userId)))
      .for('update');
    if (!before) throw new AppError('not_found', { params: { entity: 'user' } });
    const patch: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (input.displayName !== undefined) patch.displayName = input.displayName;
    if (input.disabled !== undefined)
      patch.disabledAt = input.disabled ? (before.disabledAt ?? new Date()) : null;
    if (input.unlock) Object.assign(patch, { lockedUntil: null, failedLogins: 0 });
    if (input.employeeId !== undefined) {
      if (input.employeeId) await linkableEmployee(tx, input.employeeId, userId);
      patch.employeeId = input.employeeId;
    }
    const [after] = await tx.db.update(users).set(patch).where(eq(users.id, userId)).returning();
    if (input.disabled) await tx.db.delete(sessions).where(eq(sessions.userId, userId));
    await audit(tx, { action: 'user.update', entityType: 'user', entityId: userId, before, after });
    return getUser(tx, userId);
  });
}

/** Finds a user by e-mail in the organisation (used by the CLI). */
export async function findUserByEmail(ctx: Ctx, email: string) {
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), sql`lower(${users.email}) = lower(${email})`));
  return u ?? null;
}

/** Creates or resets the organisation-wide org admin named by KYOSEI_ADMIN_EMAIL and KYOSEI_ADMIN_PASSWORD. */
export async function ensureAdmin(ctx: Ctx, email: string, password: string): Promise<'created' | 'reset'> {
  return inTransaction(ctx, async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (!existing) {
      await createUser(tx, { email, password, grants: [{ role: 'org_admin', scopeType: 'org' }] });
      return 'created';
    }
    await setPassword(tx, existing.id, password);
    await tx.db.update(users).set({ disabledAt: null }).where(eq(users.id, existing.id));
    await tx.db
      .insert(roleGrants)
      .values({ orgId: tx.orgId, userId: existing.id, role: 'org_admin', scopeType: 'org' })
      .onConflictDoNothing();
    return 'reset';
  });
}
