import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Database } from '../../db/client.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { newSecret, sha256 } from '../../lib/tokens.js';
import { isPostgres, openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { roleGrants, sessions } from '../auth/auth.table.js';
import { campaignBeneficiaries, campaigns } from '../giving/giving.table.js';
import { partners } from '../partners/partners.table.js';
import { postGrant } from '../points/points.service.js';
import { createEmployees } from '../volunteering/signups.fixtures.js';
import { currentFiscalYear } from './ledger.values.js';
import { verifyLedger } from './ledger.verify.js';

// The concurrency test, through the HTTP API: 1,000 employees, each sending two points
// donations (to a matched campaign, another campaign, or an organisation directly) that together
// often ask for more than the 60 points they hold, from 20 concurrent clients; one request in ten is sent again with the same
// idempotency key while the first is still in flight. Each employee's requests sit next to each other
// in the queue, so they race each other for the same balance. On PostgreSQL they run on a pool of 20
// connections; on PGlite (one connection) the transactions queue, and every check must hold the same.
// The employees' sessions are written to the sessions table (as a sign-in would write them): signing
// 1,000 people in through argon2 would take most of the minute.

// PGlite runs one transaction at a time at about 30 ms a donation: there the same race runs with 300
// employees (LEDGER_RACE_EMPLOYEES=1000 runs the full size anywhere), so the file stays near a minute.
const EMPLOYEES = Number(process.env.LEDGER_RACE_EMPLOYEES ?? (isPostgres() ? 1_000 : 300));
const CLIENTS = 20;
const DONATIONS_EACH = 2;
const GRANT = 60;
const POINT_VALUE = 100;
const CAP_PER_EMPLOYEE = 3_000;
/** Low enough that the race reaches it: the match must stop exactly there. */
const CAP_PER_CAMPAIGN = EMPLOYEES * 1_000;

type Request = { employee: number; key: string; body: Record<string, unknown>; points: number; to: number };
type Answer = { request: Request; status: number; code?: string; donationId?: string; postingId?: string };

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let people: Ctx[];
let tokens: string[];
let targets: Array<{ campaignId?: string; organisationId?: string }>;
let fiscalYear: number;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'LRACE');
  people = await createEmployees(database, org, EMPLOYEES);
  tokens = people.map(() => newSecret('ks_'));
  const expiresAt = new Date(Date.now() + 86_400_000);
  for (let i = 0; i < EMPLOYEES; i += 500) {
    const batch = people.slice(i, i + 500).map((p, j) => ({ user: userOf(p), token: tokens[i + j] }));
    await database.db
      .insert(roleGrants)
      .values(batch.map((b) => ({ orgId: org.orgId, userId: b.user, role: 'employee', scopeType: 'org' })));
    await database.db.insert(sessions).values(
      batch.map((b) => ({
        id: sha256(b.token),
        orgId: org.orgId,
        userId: b.user,
        csrfToken: newSecret('', 24),
        expiresAt,
      })),
    );
  }
  const finance = await ctxAs(database, org, 'finance');
  fiscalYear = await currentFiscalYear(finance);
  const [p0, p1] = await database.db
    .insert(partners)
    .values(
      ['RC', 'JPF'].map((code) => ({
        orgId: org.orgId,
        code,
        nameJa: code,
        kind: 'ngo',
        eligibleUntil: '2099-12-31',
      })),
    )
    .returning({ id: partners.id });
  const { start, end } = fiscalYearRange(fiscalYear, 4);
  const base = { orgId: org.orgId, startsOn: start, endsOn: end, status: 'open', kind: 'disaster' };
  const [a, b] = await database.db
    .insert(campaigns)
    .values([
      {
        ...base,
        companyId: org.companies.jp,
        code: 'NOTO',
        fundType: 'relief_work',
        titleJa: '能登',
        matchRatioPercent: 100,
        matchCapPerEmployeeJpy: CAP_PER_EMPLOYEE,
        matchCapPerCampaignJpy: CAP_PER_CAMPAIGN,
      },
      { ...base, companyId: org.companies.jp, code: 'MAUI', fundType: 'victim_relief', titleEn: 'Maui' },
    ])
    .returning({ id: campaigns.id });
  await database.db.insert(campaignBeneficiaries).values([
    { orgId: org.orgId, campaignId: a.id, partnerId: p0.id, position: 1 },
    { orgId: org.orgId, campaignId: b.id, partnerId: p1.id, position: 1 },
  ]);
  targets = [{ campaignId: a.id }, { campaignId: b.id }, { organisationId: p1.id }];
  // Every employee's grant, in one transaction (as the points import posts a batch).
  await inTransaction(finance, async (tx) => {
    for (const [i, p] of people.entries())
      await postGrant(tx, { employeeId: employeeOf(p), fiscalYear, points: GRANT, reference: `race-${i}` });
  });
  // Errors are logged: an unexpected answer (500) then shows its cause in the run's output.
  app = await buildTestApp(database, { LOG_LEVEL: 'error' });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const userOf = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : '');
const employeeOf = (ctx: Ctx) => (ctx.actor.kind === 'user' ? (ctx.actor.employeeId as string) : '');

/** Runs fn over items with `clients` workers, each taking the next item as soon as it is free. */
async function pool<T, R>(clients: number, items: T[], fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** A deterministic spread of amounts: two donations of 15 to 54 points each, together often more than the 60 held. */
function requests(): Request[] {
  const out: Request[] = [];
  let n = 0;
  for (let e = 0; e < EMPLOYEES; e++) {
    for (let d = 0; d < DONATIONS_EACH; d++) {
      n++;
      const points = 15 + ((e * 7 + d * 13) % 40);
      const to = (e + d) % 3;
      const r = { employee: e, key: `race-${randomUUID()}`, points, to, body: {} };
      r.body = { ...targets[to], points, idempotencyKey: r.key };
      out.push(r);
      if (n % 10 === 0) out.push(r); // the same request again, right behind the first
    }
  }
  return out;
}

async function send(r: Request): Promise<Answer> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/donations',
    headers: { cookie: `kyosei_session=${tokens[r.employee]}` },
    payload: r.body,
  });
  const body = res.json();
  if (res.statusCode === 201)
    return { request: r, status: 201, donationId: body.donation.id, postingId: body.posting?.id };
  return { request: r, status: res.statusCode, code: body.code };
}

describe('donations under concurrency', () => {
  it(`${EMPLOYEES} employees, ${CLIENTS} concurrent clients, 10% retried: no overdraft, no duplicate, balanced`, async () => {
    const queue = requests();
    const started = performance.now();
    const answers = await pool(CLIENTS, queue, send);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${database.kind}: ${queue.length} POST /api/donations from ${CLIENTS} clients in ${seconds.toFixed(1)} s`,
    );

    // Every answer is a donation or a refusal for want of points; never an error.
    const unexpected = answers.filter((a) => a.status !== 201 && a.code !== 'insufficient_points');
    expect(unexpected.map((a) => `${a.status} ${a.code}`)).toEqual([]);

    // A retried request answers what the first one answered: the same donation, or the same refusal.
    const byKey = new Map<string, Answer[]>();
    for (const a of answers) byKey.set(a.request.key, [...(byKey.get(a.request.key) ?? []), a]);
    const retried = [...byKey.values()].filter((list) => list.length === 2);
    expect(retried.length).toBe(Math.floor((EMPLOYEES * DONATIONS_EACH) / 10));
    for (const [first, again] of retried) {
      expect(again.status).toBe(first.status);
      expect(again.donationId).toBe(first.donationId);
      expect(again.postingId).toBe(first.postingId);
    }
    const accepted = [...byKey.values()].map((list) => list[0]).filter((a) => a.status === 201);
    expect(accepted.length).toBeGreaterThan(EMPLOYEES);
    expect(accepted.length).toBeLessThan(EMPLOYEES * DONATIONS_EACH);

    // One donation and one points posting per accepted key; nothing for a refused one.
    const [counts] = await rowsOf<{ donations: unknown; postings: unknown; keys: unknown }>(
      database.db,
      sql`select (select count(*) from donations where org_id = ${org.orgId}) as donations,
        (select count(*) from ledger_postings where org_id = ${org.orgId} and kind = 'point_donation') as postings,
        (select count(distinct idempotency_key) from donations where org_id = ${org.orgId}) as keys`,
    );
    expect(toNumber(counts.donations)).toBe(accepted.length);
    expect(toNumber(counts.keys)).toBe(accepted.length);
    expect(toNumber(counts.postings)).toBe(accepted.length);

    // Each employee's balance is the grant less what was accepted, never below zero, stored = entries.
    const spent = new Map<string, number>();
    for (const a of accepted) {
      const id = employeeOf(people[a.request.employee]);
      spent.set(id, (spent.get(id) ?? 0) + a.request.points);
    }
    const balances = await rowsOf<{ employee_id: string; balance: unknown; entries: unknown }>(
      database.db,
      sql`select a.employee_id, a.balance, (select sum(e.amount) from ledger_entries e where e.account_id = a.id) as entries
        from ledger_accounts a
        where a.org_id = ${org.orgId} and a.kind = 'employee_points' and a.fiscal_year = ${fiscalYear}`,
    );
    const race = new Set(people.map(employeeOf));
    const mine = balances.filter((b) => race.has(b.employee_id));
    expect(mine).toHaveLength(EMPLOYEES);
    for (const b of mine) {
      expect(toNumber(b.balance)).toBeGreaterThanOrEqual(0);
      expect(toNumber(b.balance)).toBe(toNumber(b.entries));
      expect(toNumber(b.balance)).toBe(GRANT - (spent.get(b.employee_id) ?? 0));
    }

    // The match: within each employee's cap and the campaign's, exactly what the caps allow in all.
    const toNoto = new Map<string, number>();
    for (const a of accepted.filter((x) => x.request.to === 0)) {
      const id = employeeOf(people[a.request.employee]);
      toNoto.set(id, (toNoto.get(id) ?? 0) + a.request.points * POINT_VALUE);
    }
    const matches = await rowsOf<{ employee_id: string; matched: unknown }>(
      database.db,
      sql`select p.employee_id, sum(e.amount) as matched from ledger_postings p
        join ledger_entries e on e.posting_id = p.id join ledger_accounts a on a.id = e.account_id
        where p.org_id = ${org.orgId} and p.kind = 'match' and a.kind = 'payable' group by p.employee_id`,
    );
    for (const m of matches) {
      expect(toNumber(m.matched)).toBeGreaterThan(0);
      expect(toNumber(m.matched)).toBeLessThanOrEqual(
        Math.min(CAP_PER_EMPLOYEE, toNoto.get(m.employee_id) ?? 0),
      );
    }
    const matched = matches.reduce((s, m) => s + toNumber(m.matched), 0);
    const allowed = [...toNoto.values()].reduce((s, v) => s + Math.min(CAP_PER_EMPLOYEE, v), 0);
    expect(allowed).toBeGreaterThan(CAP_PER_CAMPAIGN); // the campaign's cap is reached under the race
    expect(matched).toBe(CAP_PER_CAMPAIGN);

    // Every posting sums to zero, no orphan, balances equal their entries, keys unique.
    const check = await verifyLedger(database.db, org.orgId);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
  }, 240_000);
});
