import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildEmployeeRow, createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { employees } from '../people/people.table.js';
import { certifiedCount, listHolders } from '../programs/certifications.service.js';
import { certifications, classRequests } from '../programs/certifications.table.js';
import { programs } from '../programs/programs.table.js';
import { programSessions } from '../programs/records.table.js';
import { ENET_CURRENT_INSTRUCTORS, insertDemoCertifications } from './demo.certifications.js';

let database: Database;
let org: TestOrg;
let programId: string;
const today = ledgerToday();

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMOCERT');
  const [p] = await database.db
    .insert(programs)
    .values({
      orgId: org.orgId,
      code: 'ENET',
      nameJa: 'e-ネットキャラバン',
      framework: 'company_program',
      companyId: org.companies.jp,
      startYear: 2005,
    })
    .returning();
  programId = p.id;
  await database.db
    .insert(employees)
    .values(
      Array.from({ length: 420 }, (_, i) =>
        buildEmployeeRow(org.orgId, org.companies.jp, 1000 + i, { employeeNumber: `C${i}` }),
      ),
    );
  await database.db.transaction((tx) => insertDemoCertifications(tx, org.orgId, today));
});

describe('the demo certifications', () => {
  it('has exactly 333 e-Net Caravan instructors certified today, with renewed, expired and revoked ones', async () => {
    const ctx = await ctxAs(database, org, 'auditor');
    expect(await certifiedCount(ctx, programId, today)).toBe(ENET_CURRENT_INSTRUCTORS);
    const [cert] = await database.db
      .select()
      .from(certifications)
      .where(eq(certifications.programId, programId));
    const all = await listHolders(ctx, cert.id, { status: 'all', page: 1, size: 200 });
    expect(all.total).toBe(333 + 45 + 6);
    const current = await listHolders(ctx, cert.id, { status: 'current', page: 1, size: 1 });
    expect(current.total).toBe(333);
    const notCurrent = await listHolders(ctx, cert.id, { status: 'expired', page: 1, size: 200 });
    expect(notCurrent.items.filter((h) => h.status === 'revoked')).toHaveLength(6);
    expect(all.items.some((h) => h.periods === 2 && h.renewsId)).toBe(true);
  });

  it('has one open class request and one held, whose session is recorded', async () => {
    const rows = await database.db.select().from(classRequests).where(eq(classRequests.orgId, org.orgId));
    expect(rows.map((r) => r.status).sort()).toEqual(['completed', 'requested']);
    const held = rows.find((r) => r.status === 'completed')!;
    const [session] = await database.db
      .select()
      .from(programSessions)
      .where(eq(programSessions.id, held.sessionId!));
    expect(session).toMatchObject({ kind: 'class', startsOn: held.scheduledOn });
  });
});
