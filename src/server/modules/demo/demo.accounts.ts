import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { type Ctx, systemCtx } from '../../lib/context.js';
import type { Role } from '../../../shared/roles.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { verifyPassword } from '../auth/passwords.js';
import { setPassword } from '../auth/users.service.js';
import { employees } from '../people/people.table.js';
import { DEMO_ACCOUNTS } from './demo.generator.js';

export type DemoAccount = {
  email: string;
  role: Role;
  /** The site code when the role is granted on one site; null for the whole organisation. */
  siteScope: string | null;
  nameJa: string;
  nameEn: string;
  employeeNumber: string;
};

/** The demo accounts as they are in the database (the employee each is linked to). */
export async function demoAccounts(db: Database['db'] | Tx, orgId: string): Promise<DemoAccount[]> {
  const rows = await db
    .select({
      email: users.email,
      nameJa: employees.nameJa,
      nameEn: employees.nameEn,
      number: employees.employeeNumber,
    })
    .from(users)
    .innerJoin(employees, and(eq(employees.orgId, users.orgId), eq(employees.id, users.employeeId)))
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(
          users.email,
          DEMO_ACCOUNTS.map((a) => a.email),
        ),
      ),
    );
  return DEMO_ACCOUNTS.flatMap((a) => {
    const row = rows.find((r) => r.email === a.email);
    return row
      ? [
          {
            email: a.email,
            role: a.role,
            siteScope: a.siteScope ?? null,
            nameJa: row.nameJa,
            nameEn: row.nameEn,
            employeeNumber: row.number,
          },
        ]
      : [];
  });
}

/** Creates the demo accounts, each linked to its employee and granted its role (and 'employee'). */
export async function insertAccounts(ctx: Ctx, passwordHashes: string[], siteIds: Map<string, string>) {
  const tx = ctx.db as Tx;
  const people = await tx
    .select({ id: employees.id, email: employees.email, nameJa: employees.nameJa })
    .from(employees)
    .where(
      and(
        eq(employees.orgId, ctx.orgId),
        inArray(
          employees.email,
          DEMO_ACCOUNTS.map((a) => a.email),
        ),
      ),
    );
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    const person = people.find((p) => p.email === a.email)!;
    const [user] = await tx
      .insert(users)
      .values({
        orgId: ctx.orgId,
        email: a.email,
        displayName: person.nameJa,
        passwordHash: passwordHashes[i],
        passwordChangedAt: new Date(),
        employeeId: person.id,
      })
      .returning({ id: users.id });
    const siteId = a.siteScope ? siteIds.get(a.siteScope)! : null;
    const grants: Array<{ role: Role; scopeType: 'org' | 'site'; siteId: string | null }> = [
      { role: a.role, scopeType: siteId ? 'site' : 'org', siteId },
    ];
    if (a.role !== 'employee') grants.push({ role: 'employee', scopeType: 'org', siteId: null });
    await tx.insert(roleGrants).values(grants.map((g) => ({ orgId: ctx.orgId, userId: user.id, ...g })));
  }
}

/**
 * Makes KYOSEI_DEMO_PASSWORD the password of every demo account (at start-up, when it is set and the
 * demo was loaded earlier). Accounts that already have it are left alone; returns how many changed.
 */
export async function applyDemoPassword(
  database: Database,
  orgId: string,
  password: string,
): Promise<number> {
  const rows = await database.db
    .select({ id: users.id, hash: users.passwordHash })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(
          users.email,
          DEMO_ACCOUNTS.map((a) => a.email),
        ),
      ),
    );
  const ctx = systemCtx(database.db, orgId, 'KYOSEI_DEMO_PASSWORD');
  let changed = 0;
  for (const row of rows) {
    if (await verifyPassword(row.hash, password)) continue;
    await setPassword(ctx, row.id, password);
    changed++;
  }
  return changed;
}
