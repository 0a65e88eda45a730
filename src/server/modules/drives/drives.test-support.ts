import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { TEST_PASSWORD, type TestOrg } from '../../test/factories.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { loadGrants } from '../auth/sessions.service.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { partners } from '../partners/partners.table.js';

/** A day `days` after (or before) today, YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const d = new Date(`${ledgerToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An account holding promoter on one site only; returns its e-mail and a service context. */
export async function sitePromoter(
  database: Database,
  org: TestOrg,
  siteId: string,
  name: string,
): Promise<{ email: string; userId: string; ctx: Ctx }> {
  const email = `${name}@${org.code.toLowerCase()}.test`;
  const [u] = await database.db
    .insert(users)
    .values({ orgId: org.orgId, email, displayName: name, passwordHash: await hashPassword(TEST_PASSWORD) })
    .returning();
  await database.db.insert(roleGrants).values([
    { orgId: org.orgId, userId: u.id, role: 'promoter', scopeType: 'site', siteId },
    { orgId: org.orgId, userId: u.id, role: 'employee', scopeType: 'org' },
  ]);
  const ctx: Ctx = {
    orgId: org.orgId,
    actor: {
      kind: 'user',
      userId: u.id,
      label: email,
      employeeId: null,
      grants: await loadGrants(database.db, org.orgId, u.id),
    },
    locale: 'en',
    db: database.db,
  };
  return { email, userId: u.id, ctx };
}

/** Two NPOs: one screened and eligible for a year, one never screened. */
export async function drivePartners(database: Database, org: TestOrg) {
  const [eligible, unscreened] = await database.db
    .insert(partners)
    .values([
      {
        orgId: org.orgId,
        code: 'BELLMARK-FDN',
        nameJa: 'ベルマーク教育助成財団',
        nameEn: 'Bellmark Education Foundation',
        kind: 'foundation',
        eligibleUntil: dayFromToday(365),
      },
      { orgId: org.orgId, code: 'NEW-NPO', nameJa: '審査前の団体', kind: 'npo' },
    ])
    .returning();
  return { eligible: eligible.id, unscreened: unscreened.id };
}
