import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { programs } from '../programs/programs.table.js';
import { programSessionAttendees, programSessionCounts, programSessions } from '../programs/records.table.js';
import { type Session, signIn, TEST_PASSWORD, type TestOrg } from '../../test/factories.js';

/** A program of the test organisation (programs' own service is another module's; rows suffice here). */
export async function insertProgram(database: Database, org: TestOrg, code: string, companyId: string) {
  const [p] = await database.db
    .insert(programs)
    .values({
      orgId: org.orgId,
      code,
      nameJa: `${code} プログラム`,
      nameEn: `${code} Program`,
      framework: 'company_program',
      companyId,
      startYear: 2015,
    })
    .returning();
  return p;
}

/** One session of a program with counts by kind and named employee attendees. */
export async function insertSession(
  database: Database,
  org: TestOrg,
  programId: string,
  s: { ref: string; on: string; fiscalYear: number; counts: Record<string, number>; employeeIds: string[] },
) {
  const [row] = await database.db
    .insert(programSessions)
    .values({
      orgId: org.orgId,
      programId,
      externalRef: s.ref,
      kind: 'class',
      titleJa: '出前授業',
      startsOn: s.on,
      endsOn: s.on,
      fiscalYear: s.fiscalYear,
    })
    .returning();
  const counts = Object.entries(s.counts);
  if (counts.length) {
    await database.db.insert(programSessionCounts).values(
      counts.map(([participantKind, count]) => ({
        orgId: org.orgId,
        sessionId: row.id,
        participantKind,
        count,
      })),
    );
  }
  if (s.employeeIds.length) {
    await database.db
      .insert(programSessionAttendees)
      .values(s.employeeIds.map((employeeId) => ({ orgId: org.orgId, sessionId: row.id, employeeId })));
  }
  return row;
}

/** A program manager whose grant covers one group company only, signed in. */
export async function companyProgramManager(
  app: FastifyInstance,
  database: Database,
  org: TestOrg,
  companyId: string,
): Promise<Session> {
  const email = `pm-scoped@${org.code.toLowerCase()}.test`;
  const [user] = await database.db
    .insert(users)
    .values({
      orgId: org.orgId,
      email,
      displayName: 'Scoped PM',
      passwordHash: await hashPassword(TEST_PASSWORD),
    })
    .returning();
  await database.db
    .insert(roleGrants)
    .values({ orgId: org.orgId, userId: user.id, role: 'program_manager', scopeType: 'company', companyId });
  return signIn(app, email);
}
