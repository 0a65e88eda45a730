import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { buildEmployeeRow, createTestOrg, ctxAs, TEST_PASSWORD, type TestOrg } from '../../test/factories.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { loadGrants } from '../auth/sessions.service.js';
import { employees } from '../people/people.table.js';
import { certifications } from './certifications.table.js';
import { programs } from './programs.table.js';

export type CertWorld = {
  org: TestOrg;
  programId: string;
  certificationId: string;
  /** A program of the US company: the US-scoped manager's only reach. */
  usProgramId: string;
  usCertificationId: string;
  /** Five employees of JP01 (numbers I1..I5). */
  people: string[];
  manager: Ctx;
  /** A program manager granted only on US01. */
  usManager: Ctx;
  usManagerEmail: string;
};

/** An organisation with the e-Net Caravan program (JP01), a US program, a certification each and five employees. */
export async function certWorld(database: Database, code: string): Promise<CertWorld> {
  const org = await createTestOrg(database, code);
  const db = database.db;
  const [program, usProgram] = await db
    .insert(programs)
    .values([
      {
        orgId: org.orgId,
        code: 'ENET',
        nameJa: 'e-ネットキャラバン',
        nameEn: 'e-Net Caravan',
        framework: 'company_program',
        companyId: org.companies.jp,
        startYear: 2005,
      },
      {
        orgId: org.orgId,
        code: 'US-TX',
        nameEn: 'Texas STEM',
        framework: 'local_activity',
        companyId: org.companies.us,
        startYear: 2015,
      },
    ])
    .returning();
  const [cert, usCert] = await db
    .insert(certifications)
    .values([
      {
        orgId: org.orgId,
        programId: program.id,
        code: 'ENET-INSTRUCTOR',
        nameJa: 'e-ネット講師',
        nameEn: 'e-Net instructor',
        validityMonths: 24,
      },
      {
        orgId: org.orgId,
        programId: usProgram.id,
        code: 'TX-MENTOR',
        nameEn: 'STEM mentor',
        validityMonths: 12,
      },
    ])
    .returning();
  const people = await db
    .insert(employees)
    .values(
      [1, 2, 3, 4, 5].map((n) =>
        buildEmployeeRow(org.orgId, org.companies.jp, 900 + n, {
          employeeNumber: `I${n}`,
          email: `i${n}@${code.toLowerCase()}.test`,
        }),
      ),
    )
    .returning({ id: employees.id });
  const usManagerEmail = `us-pm@${code.toLowerCase()}.test`;
  const [usEmp] = await db
    .insert(employees)
    .values(
      buildEmployeeRow(org.orgId, org.companies.us, 990, { employeeNumber: 'USPM', email: usManagerEmail }),
    )
    .returning();
  const [usUser] = await db
    .insert(users)
    .values({
      orgId: org.orgId,
      email: usManagerEmail,
      displayName: 'US PM',
      passwordHash: await hashPassword(TEST_PASSWORD),
      employeeId: usEmp.id,
    })
    .returning();
  await db.insert(roleGrants).values([
    {
      orgId: org.orgId,
      userId: usUser.id,
      role: 'program_manager',
      scopeType: 'company',
      companyId: org.companies.us,
    },
    { orgId: org.orgId, userId: usUser.id, role: 'employee', scopeType: 'org' },
  ]);
  const usManager: Ctx = {
    orgId: org.orgId,
    actor: {
      kind: 'user',
      userId: usUser.id,
      label: usManagerEmail,
      employeeId: usEmp.id,
      grants: await loadGrants(db, org.orgId, usUser.id),
    },
    locale: 'en',
    db,
  };
  return {
    org,
    programId: program.id,
    certificationId: cert.id,
    usProgramId: usProgram.id,
    usCertificationId: usCert.id,
    people: people.map((p) => p.id),
    manager: await ctxAs(database, org, 'program_manager'),
    usManager,
    usManagerEmail,
  };
}

/** An ISO date `days` from the organisation's today (Tokyo). */
export function daysFromNow(days: number): string {
  return ledgerToday(new Date(Date.now() + days * 86_400_000));
}
