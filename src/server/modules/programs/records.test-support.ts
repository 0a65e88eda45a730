import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { createTestOrg, ctxAs, type TestOrg, TEST_PASSWORD } from '../../test/factories.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { loadGrants } from '../auth/sessions.service.js';
import { partners } from '../partners/partners.table.js';
import { programs } from './programs.table.js';

/** A test organisation with a program of each company and a manager scoped to the Japanese company. */
export type RecordsWorld = {
  org: TestOrg;
  /** csr_manager, organisation-wide. */
  manager: Ctx;
  /** program_manager on company JP01 only. */
  jpManager: Ctx;
  jpManagerEmail: string;
  auditor: Ctx;
  jpProgramId: string;
  usProgramId: string;
  partnerId: string;
};

export async function recordsWorld(database: Database, code: string): Promise<RecordsWorld> {
  const org = await createTestOrg(database, code);
  const db = database.db;
  const [jp, us] = await db
    .insert(programs)
    .values([
      {
        orgId: org.orgId,
        code: 'SES',
        nameJa: '社会起業塾',
        framework: 'company_program',
        companyId: org.companies.jp,
        startYear: 2002,
      },
      {
        orgId: org.orgId,
        code: 'US-TX',
        nameEn: 'Texas initiative',
        framework: 'local_activity',
        companyId: org.companies.us,
        startYear: 2015,
      },
    ])
    .returning({ id: programs.id });
  const [partner] = await db
    .insert(partners)
    .values({ orgId: org.orgId, code: 'CITY-KAKEGAWA', nameJa: '掛川市', kind: 'municipality' })
    .returning({ id: partners.id });
  const email = `jp-pm@${code.toLowerCase()}.test`;
  const [user] = await db
    .insert(users)
    .values({
      orgId: org.orgId,
      email,
      displayName: 'JP program manager',
      passwordHash: await hashPassword(TEST_PASSWORD),
    })
    .returning();
  await db.insert(roleGrants).values([
    {
      orgId: org.orgId,
      userId: user.id,
      role: 'program_manager',
      scopeType: 'company',
      companyId: org.companies.jp,
    },
    { orgId: org.orgId, userId: user.id, role: 'employee', scopeType: 'org' },
  ]);
  const jpManager: Ctx = {
    orgId: org.orgId,
    actor: {
      kind: 'user',
      userId: user.id,
      label: email,
      employeeId: null,
      grants: await loadGrants(db, org.orgId, user.id),
    },
    locale: 'en',
    db,
  };
  return {
    org,
    manager: await ctxAs(database, org, 'csr_manager'),
    jpManager,
    jpManagerEmail: email,
    auditor: await ctxAs(database, org, 'auditor'),
    jpProgramId: jp.id,
    usProgramId: us.id,
    partnerId: partner.id,
  };
}
