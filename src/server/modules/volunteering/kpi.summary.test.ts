import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import type { TestOrg } from '../../test/factories.js';
import { buildKpiDataset } from './kpi.fixtures.js';
import { applyCommand, type Command, commandArb } from './kpi.summary.commands.js';
import { actualSummary, expectedSummary } from './kpi.summary.oracle.js';

// The participation summary (volunteer_activity_years and _totals) is written by database triggers
// only (drizzle/0004_kpi_summary_triggers.sql). Whatever happens to sign-ups, hour logs, shifts,
// opportunities, employees and the fiscal year's start, it must equal a count from scratch.
let database: Database;
let org: TestOrg;
let e: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ org, e } = await buildKpiDataset(database));
});

class Rollback extends Error {}
/** Runs fn in a transaction that is always rolled back, so that every run starts from the fixtures. */
async function inRolledBack(fn: (tx: Tx) => Promise<void>) {
  await database.db
    .transaction(async (tx) => {
      await fn(tx);
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
}

async function expectExact(tx: Tx, after: string) {
  const [actual, expected] = [await actualSummary(tx), await expectedSummary(tx)];
  expect(actual.years, `per employee, after ${after}`).toEqual(expected.years);
  expect(actual.totals, `per company and site, after ${after}`).toEqual(expected.totals);
}

describe('the KPI participation summary', () => {
  it('is filled by the triggers as the records are inserted', async () => {
    await expectExact(database.db, 'the fixtures');
    const totals = await database.db.execute(
      sql`select fiscal_year, field, sum(participants)::int as participants from volunteer_activity_totals
        where org_id = ${org.orgId} and fiscal_year = 2023 group by 1, 2 order by 2`,
    );
    // As kpi.test.ts counts them: a1, b, u1 and u2 took part in fiscal 2023; a1 and u1 in environment.
    expect((totals as unknown as { rows: unknown[] }).rows).toEqual([
      { fiscal_year: 2023, field: 'all', participants: 4 },
      { fiscal_year: 2023, field: 'education_culture_sports', participants: 1 },
      { fiscal_year: 2023, field: 'environment', participants: 2 },
      { fiscal_year: 2023, field: 'regional', participants: 1 },
      { fiscal_year: 2023, field: 'welfare_diversity', participants: 1 },
    ]);
  });

  it('stays exact through random changes of every kind, one row or many at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 15 }), async (commands: Command[]) => {
        await inRolledBack(async (tx) => {
          for (const [i, command] of commands.entries()) {
            await applyCommand(tx, org, command);
            await expectExact(tx, `step ${i + 1}: ${JSON.stringify(command)}`);
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it('moves an attended shift into the next fiscal year when it starts an hour later', async () => {
    await inRolledBack(async (tx) => {
      // a1's 23:30 shift on 31 March 2024 in Tokyo counts in 2023; an hour later it is in 2024.
      await tx.execute(sql`update opportunity_shifts set starts_at = starts_at + interval '1 hour',
        ends_at = ends_at + interval '1 hour' where starts_at = '2024-03-31T23:30:00+09:00'`);
      await expectExact(tx, 'the move');
      const a1 = await tx.execute(
        sql`select fiscal_year, participations, minutes from volunteer_activity_years
          where employee_id = ${e.a1} and field = 'environment' and participations > 0 order by 1`,
      );
      expect((a1 as unknown as { rows: unknown[] }).rows).toEqual([
        { fiscal_year: 2023, participations: 2, minutes: 90 },
        { fiscal_year: 2024, participations: 1, minutes: 120 },
      ]);
    });
  });

  it('recounts every year when the organisation moves the start of its fiscal year', async () => {
    await inRolledBack(async (tx) => {
      await tx.execute(sql`update organisations set fiscal_year_start_month = 1 where id = ${org.orgId}`);
      await expectExact(tx, 'January starts');
      await tx.execute(sql`update organisations set fiscal_year_start_month = 4 where id = ${org.orgId}`);
      await expectExact(tx, 'April starts again');
    });
  });

  it('equals a rebuild from scratch (the migration’s backfill)', async () => {
    await inRolledBack(async (tx) => {
      const before = await actualSummary(tx);
      await tx.execute(sql`select volunteer_activity_rebuild(${org.orgId})`);
      expect(await actualSummary(tx)).toEqual(before);
    });
  });
});

describe('the KPI participation summary under concurrency', () => {
  it('counts each participant once when many statements change the same people at once', async () => {
    // Each statement is its own transaction, as in the services. PGlite has one connection (they
    // queue); on PostgreSQL the pool runs them together, on the same employees, fields and totals.
    const people = [e.a1, e.a2, e.a3, e.b, e.u1];
    const fields = ['environment', 'regional', 'welfare_diversity'];
    const statement = (i: number) =>
      i % 5 === 4
        ? sql`update volunteer_hour_logs set status = 'rejected'
            where description = 'concurrent' and status = 'approved'
              and employee_id in (${people[i % 5]}, ${people[(i + 2) % 5]})`
        : sql`insert into volunteer_hour_logs
            (org_id, employee_id, activity_date, organisation_name, field, minutes, description, status, reviewed_at)
            values (${org.orgId}, ${people[i % 5]}, '2023-10-01', 'NPO', ${fields[i % 3]}, 30, 'concurrent',
              'approved', now())`;
    await Promise.all(Array.from({ length: 60 }, (_, i) => database.db.execute(statement(i))));
    await expectExact(database.db, 'the concurrent statements');
  });
});
