import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { buildEmployeeRow, type TestOrg } from '../../test/factories.js';
import { users } from '../auth/auth.table.js';
import { employees } from '../people/people.table.js';
import { opportunities, opportunityShifts } from './volunteering.table.js';

// Test fixtures of participation: opportunities written straight to their tables (the participation
// tests must not depend on the opportunities service) and employees acting without an account.

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const at = (msFromNow: number) => new Date(Date.now() + msFromNow);

type ShiftSpec = { startsAt?: Date; endsAt?: Date; capacity?: number };

export type OpportunitySpec = {
  companyId?: string;
  siteId?: string | null;
  status?: 'draft' | 'published' | 'cancelled' | 'completed';
  visibility?: 'group' | 'companies';
  visibleCompanyIds?: string[];
  signupDeadline?: Date | null;
  cancelDeadline?: Date | null;
  titleJa?: string;
  titleEn?: string;
  field?: 'education_culture_sports' | 'welfare_diversity' | 'environment' | 'regional';
  shifts?: ShiftSpec[];
};

/** A published online opportunity of the test org's JP company with one 3-hour shift in a week (by default). */
export async function createOpportunity(database: Database, org: TestOrg, spec: OpportunitySpec = {}) {
  const shifts = spec.shifts ?? [{}];
  const [opp] = await database.db
    .insert(opportunities)
    .values({
      orgId: org.orgId,
      companyId: spec.companyId ?? org.companies.jp,
      siteId: spec.siteId ?? null,
      titleJa: spec.titleJa ?? '海岸清掃',
      titleEn: spec.titleEn ?? 'Beach clean-up',
      organiser: 'CSR Office',
      field: spec.field ?? 'environment',
      mode: 'online',
      onlineUrl: 'https://meet.example.test/x',
      timeZone: 'Asia/Tokyo',
      status: spec.status ?? 'published',
      visibility: spec.visibility ?? 'group',
      visibleCompanyIds: spec.visibleCompanyIds ?? [],
      signupDeadline: spec.signupDeadline ?? null,
      cancelDeadline: spec.cancelDeadline ?? null,
    })
    .returning();
  const rows = await database.db
    .insert(opportunityShifts)
    .values(
      shifts.map((s) => {
        const startsAt = s.startsAt ?? at(7 * DAY);
        return {
          orgId: org.orgId,
          opportunityId: opp.id,
          startsAt,
          endsAt: s.endsAt ?? new Date(startsAt.getTime() + 3 * HOUR),
          capacity: s.capacity ?? 10,
          checkinCode: randomBytes(16).toString('base64url'),
        };
      }),
    )
    .returning();
  return { opportunityId: opp.id, shiftIds: rows.map((r) => r.id), shifts: rows };
}

/** `n` employees of a company, each with an account (bulk inserts) and a service context as a plain employee. */
export async function createEmployees(
  database: Database,
  org: TestOrg,
  n: number,
  options: { companyId?: string; from?: number } = {},
): Promise<Ctx[]> {
  const from = options.from ?? 10_000;
  const companyId = options.companyId ?? org.companies.jp;
  const values = Array.from({ length: n }, (_, i) =>
    buildEmployeeRow(org.orgId, companyId, from + i, { employeeNumber: `${org.code}-P${from + i}` }),
  );
  const ids: { employeeId: string; userId: string }[] = [];
  for (let i = 0; i < values.length; i += 250) {
    const rows = await database.db
      .insert(employees)
      .values(values.slice(i, i + 250))
      .returning({ id: employees.id, employeeNumber: employees.employeeNumber });
    const accounts = await database.db
      .insert(users)
      .values(
        rows.map((r) => ({
          orgId: org.orgId,
          email: `${r.employeeNumber.toLowerCase()}@participation.test`,
          displayName: r.employeeNumber,
          employeeId: r.id,
        })),
      )
      .returning({ id: users.id, employeeId: users.employeeId });
    ids.push(...accounts.map((a) => ({ employeeId: a.employeeId!, userId: a.id })));
  }
  return ids.map(({ employeeId, userId }, i) => ({
    orgId: org.orgId,
    actor: {
      kind: 'user',
      userId,
      label: `employee ${from + i}`,
      employeeId,
      grants: [{ role: 'employee', scopeType: 'org', companyId: null, siteId: null }],
    },
    locale: 'en',
    db: database.db,
  }));
}
