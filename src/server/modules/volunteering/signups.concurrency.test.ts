import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, type TestOrg } from '../../test/factories.js';
import { createEmployees, createOpportunity } from './signups.fixtures.js';
import { cancelSignup, signUp } from './signups.service.js';
import { opportunityShifts, signups } from './volunteering.table.js';

// Capacity under real concurrency: every call runs in its own transaction, at once. On PostgreSQL
// they race over a pool of connections and the shift's row lock serialises them; on PGlite (one
// connection) the transactions queue, and the result must be the same.

let database: Database;
let org: TestOrg;
let people: Ctx[];

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'RACE');
  people = await createEmployees(database, org, 500);
}, 120_000);

async function counts(shiftId: string) {
  const [shift] = await database.db.select().from(opportunityShifts).where(eq(opportunityShifts.id, shiftId));
  const rows = await database.db
    .select({ status: signups.status, n: count() })
    .from(signups)
    .where(eq(signups.shiftId, shiftId))
    .groupBy(signups.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, toNumber(r.n)]));
  return {
    confirmedCount: shift.confirmedCount,
    capacity: shift.capacity,
    confirmed: by.confirmed ?? 0,
    waitlisted: by.waitlisted ?? 0,
  };
}

describe('capacity under concurrency', () => {
  it('gives exactly 50 confirmed and 450 waitlisted for 500 simultaneous sign-ups to a 50-seat shift', async () => {
    const { shiftIds } = await createOpportunity(database, org, { shifts: [{ capacity: 50 }] });
    const results = await Promise.all(people.map((ctx) => signUp(ctx, shiftIds[0])));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(450);
    expect(await counts(shiftIds[0])).toEqual({
      confirmedCount: 50,
      capacity: 50,
      confirmed: 50,
      waitlisted: 450,
    });
    // The waitlist has one distinct place per person, 1..450, in the order of `seq`.
    const positions = results.flatMap((r) => (r.waitlistPosition === null ? [] : [r.waitlistPosition]));
    expect(new Set(positions).size).toBe(450);
    expect(Math.min(...positions)).toBe(1);
    expect(Math.max(...positions)).toBe(450);
    const waitlist = await database.db
      .select({ id: signups.id, seq: signups.seq })
      .from(signups)
      .where(and(eq(signups.shiftId, shiftIds[0]), eq(signups.status, 'waitlisted')))
      .orderBy(asc(signups.seq));
    const positionOf = new Map(results.map((r) => [r.id, r.waitlistPosition]));
    expect(waitlist.map((w) => positionOf.get(w.id))).toEqual(waitlist.map((_, i) => i + 1));
    // Every confirmed seq is lower than every waitlisted seq: seats went first come, first served.
    const confirmedSeqs = await database.db
      .select({ seq: signups.seq })
      .from(signups)
      .where(and(eq(signups.shiftId, shiftIds[0]), eq(signups.status, 'confirmed')));
    expect(Math.max(...confirmedSeqs.map((s) => s.seq))).toBeLessThan(waitlist[0].seq);
  });

  it('keeps the count right when cancellations and sign-ups race', async () => {
    const { shiftIds } = await createOpportunity(database, org, { shifts: [{ capacity: 30 }] });
    const first = people.slice(0, 40);
    const later = people.slice(40, 60);
    const initial = await Promise.all(first.map((ctx) => signUp(ctx, shiftIds[0])));
    expect(await counts(shiftIds[0])).toMatchObject({ confirmed: 30, waitlisted: 10 });
    // 20 cancellations (15 confirmed, 5 waitlisted) race 20 new sign-ups.
    const confirmed = initial.filter((r) => r.status === 'confirmed').slice(0, 15);
    const waitlisted = initial.filter((r) => r.status === 'waitlisted').slice(0, 5);
    const owners = new Map(initial.map((r, i) => [r.id, first[i]]));
    await Promise.all([
      ...[...confirmed, ...waitlisted].map((r) => cancelSignup(owners.get(r.id)!, r.id)),
      ...later.map((ctx) => signUp(ctx, shiftIds[0])),
    ]);
    const after = await counts(shiftIds[0]);
    expect(after.confirmedCount).toBe(after.confirmed);
    expect(after.confirmed).toBe(30);
    expect(after.confirmed + after.waitlisted).toBe(40 - 20 + 20);
  });
});
