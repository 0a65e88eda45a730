import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { updateOrganisation } from '../organisations/organisations.service.js';
import { decideClaim } from '../points/claims.decide.js';
import { createClaim } from '../points/claims.service.js';
import { expireFiscalYear } from '../points/points.expiry.js';
import { grantPoints } from '../points/points.service.js';
import { reversePosting } from './ledger.browse.js';
import { account } from './ledger.keys.js';
import { GivingRunner } from './ledger.property.giving.js';
import { flows, isRefused, LedgerModel, type ModelPosting, type Outcome } from './ledger.property.model.js';
import { type Attempt, stats } from './ledger.property.runner.js';
import { claimable, createWorld, POINT_VALUE } from './ledger.property.world.js';

// Random sequences of what the services do to the ledger: grants (this year; last year's are refused),
// points donations, money pledges confirmed paid, failed or refunded (with the campaign's match),
// approved and rejected expense claims, finance's reversals, payouts drafted, paid or cancelled,
// expiry of last year's points, point-value changes, retries of any earlier request (which must
// answer without posting again) and reuses of a key for another request (which must be refused).
// A plain model (ledger.property.model.ts) predicts each outcome. After EVERY step: verifyLedger
// finds nothing, the postings are exactly the model's, and every account's balance and yen value
// equal the model's (balanceOf, the stored balance, and the sums of its entries).

const NUM_RUNS = Number(process.env.LEDGER_PROPERTY_RUNS ?? 30);
const MAX_STEPS = 30;

const pick = fc.nat(1_000);
const chance = (p: number) => fc.integer({ min: 0, max: 99 }).map((n) => n < p * 100);
const emp = fc.nat(2);
const target = fc.nat(2);
/** A kind of step, drawn `weight` times as often as a weight of 1. */
function step<T extends string, R extends Record<string, unknown>>(
  t: T,
  weight: number,
  r: { [K in keyof R]: fc.Arbitrary<R[K]> },
) {
  return { weight, arbitrary: fc.record({ t: fc.constant(t), ...r }) as fc.Arbitrary<{ t: T } & R> };
}
const stepArb = fc.oneof(
  step('grant', 5, {
    emp,
    prev: chance(0.15),
    points: fc.integer({ min: 1, max: 400 }),
  }),
  step('pointDonation', 4, { emp, target, points: fc.integer({ min: 1, max: 200 }) }),
  step('pledge', 3, { emp, target, usd: chance(0.3), amount: fc.integer({ min: 1, max: 40_000 }) }),
  step('confirm', 5, { pick, status: fc.constantFrom('paid', 'paid', 'failed', 'refunded') }),
  step('claim', 2, { emp, points: fc.integer({ min: 1, max: 150 }) }),
  step('decide', 2, { pick, approve: chance(0.8) }),
  step('reverse', 2, { pick }),
  step('retry', 5, { pick }),
  step('reuse', 1, { pick }),
  step('expire', 1, {}),
  step('payoutDraft', 2, { usd: chance(0.3) }),
  step('payoutDecide', 3, { pick, cancel: chance(0.2) }),
  step('pointValue', 1, { value: fc.integer({ min: 1, max: 300 }) }),
);
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;
const openingArb = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })), {
  minLength: 3,
  maxLength: 3,
});

const FREELY_REVERSIBLE = new Set(['grant', 'expiry', 'claim', 'company_donation']);
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});

class PropertyRunner extends GivingRunner {
  async step(s: Step): Promise<void> {
    this.current = s.t;
    if (s.t === 'retry' || s.t === 'reuse') {
      const candidates = s.t === 'retry' ? this.attempts : this.attempts.filter((a) => a.reusable);
      const a = candidates[s.pick % Math.max(1, candidates.length)];
      if (a) await a.attempt(s.t === 'reuse');
      return;
    }
    if (s.t === 'pointValue') {
      await updateOrganisation(this.w.admin, { pointValueMinor: s.value });
      this.model.pointValueJpy = s.value;
      return;
    }
    const made = await this.make(s);
    if (!made) return;
    this.attempts.push(made);
    await made.attempt(false);
  }

  async make(s: Step): Promise<{ attempt: Attempt; reusable: boolean } | undefined> {
    const { w, model } = this;
    switch (s.t) {
      case 'grant': {
        const e = w.employees[s.emp];
        const fy = s.prev ? w.prev : w.cur;
        const reference = `g-${randomUUID()}`;
        const key = `grant:${reference}`;
        const attempt: Attempt = async (other) => {
          const points = s.points + (other ? 1 : 0);
          const request = JSON.stringify({ employeeId: e.id, fy, points });
          const expected =
            !model.postings.has(key) && s.prev
              ? { error: 'fiscal_year_ended' }
              : model.postAll([
                  {
                    key,
                    kind: 'grant',
                    request,
                    employeeId: e.id,
                    lines: flows.grant(e.id, fy, points, model.pointValueJpy),
                  },
                ]);
          await this.outcome(expected, () =>
            grantPoints(w.finance, { employeeId: e.id, fiscalYear: fy, points, reference }),
          );
        };
        return { attempt, reusable: true };
      }
      case 'pointDonation':
        return { attempt: this.pointDonation(s.emp, w.targets[s.target], s.points), reusable: true };
      case 'pledge':
        return {
          attempt: this.pledge(s.emp, w.targets[s.target], s.usd ? 'USD' : 'JPY', s.amount),
          reusable: true,
        };
      case 'confirm': {
        const d = this.donations[s.pick % Math.max(1, this.donations.length)];
        return d && { attempt: this.confirm(d, s.status), reusable: true };
      }
      case 'claim': {
        const fixture = await claimable(database, w, s.emp);
        const e = w.employees[s.emp];
        const attempt: Attempt = async () => {
          const live = this.claims.some(
            (c) => c.signupId === fixture.signupId && (c.status === 'pending' || c.status === 'approved'),
          );
          const balance = model.balance(account.employeePoints(e.id, w.cur));
          const expected: Outcome =
            s.points > balance
              ? { error: 'insufficient_points' }
              : live
                ? { error: 'already_claimed' }
                : { posted: [] };
          const claim = await this.outcome(expected, () =>
            createClaim(e.ctx, { ...fixture, points: s.points, route: 'Shinagawa → Kawasaki, JR, return' }),
          );
          if (claim)
            this.claims.push({
              id: claim.id,
              emp: s.emp,
              points: s.points,
              status: 'pending',
              signupId: fixture.signupId,
            });
        };
        return { attempt, reusable: false };
      }
      case 'decide': {
        const c = this.claims[s.pick % Math.max(1, this.claims.length)];
        if (!c) return;
        const employeeId = w.employees[c.emp].id;
        const attempt: Attempt = async () => {
          let expected: Outcome = { posted: [] };
          if (c.status !== 'pending') expected = { error: 'invalid_transition' };
          else if (s.approve) {
            const lines = flows.claim(employeeId, w.cur, c.points, model.pointValueJpy);
            expected = model.postAll([
              { key: `claim:${c.id}`, kind: 'claim', request: '{}', employeeId, lines },
            ]);
          }
          const decided = await this.outcome(expected, () =>
            decideClaim(
              w.approver,
              c.id,
              s.approve ? 'approved' : 'rejected',
              s.approve ? undefined : 'No receipt',
            ),
          );
          if (decided) c.status = decided.status;
        };
        return { attempt, reusable: false };
      }
      case 'reverse': {
        const keys = [...model.postings.keys()];
        if (keys.length === 0) return;
        const key = `reverse:${randomUUID()}`;
        const attempt: Attempt = async (other) => {
          const original = keys[(s.pick + (other ? 1 : 0)) % keys.length];
          // Donations are refunded and payouts handled in their batch: finance reverses the rest.
          const r = FREELY_REVERSIBLE.has(model.postings.get(original)?.kind ?? '')
            ? model.reversal(original, key)
            : { error: 'reversal_not_allowed' };
          const expected = isRefused(r) ? r : model.postAll([r]);
          const id = await this.dbId(original);
          await this.outcome(expected, () =>
            reversePosting(w.finance, id, { memo: 'Correction', idempotencyKey: key }),
          );
        };
        return { attempt, reusable: true };
      }
      case 'expire':
        return { attempt: () => this.expire(), reusable: false };
      case 'payoutDraft':
        return { attempt: () => this.draft(s.usd ? 'USD' : 'JPY'), reusable: false };
      case 'payoutDecide': {
        const d = this.drafts[s.pick % Math.max(1, this.drafts.length)];
        return d && { attempt: () => this.decidePayout(d, s.cancel), reusable: false };
      }
    }
  }

  /** Expires last year's points: one posting per employee still holding some. */
  async expire() {
    const { w, model } = this;
    const items: ModelPosting[] = [];
    for (const e of w.employees) {
      const balance = model.balance(account.employeePoints(e.id, w.prev));
      if (balance === 0) continue;
      const [a] = await rowsOf<{ id: string; last: unknown }>(
        database.db,
        sql`select a.id, (select max(x.id) from ledger_entries x where x.account_id = a.id) as last
          from ledger_accounts a where a.org_id = ${w.org.orgId} and a.kind = 'employee_points'
            and a.employee_id = ${e.id} and a.fiscal_year = ${w.prev}`,
      );
      const lines = flows.expiry(e.id, w.prev, balance, model.pointValueJpy);
      items.push({
        key: `expiry:${a.id}:${toNumber(a.last)}`,
        kind: 'expiry',
        request: '{}',
        employeeId: e.id,
        lines,
      });
    }
    await this.outcome(model.postAll(items), () => expireFiscalYear(w.finance, w.prev));
  }
}

describe('ledger invariants under random sequences of services', () => {
  it(`hold after every step (${NUM_RUNS} runs of up to ${MAX_STEPS} steps)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        openingArb,
        openingArb.map((ns) => ns.map((n) => n * 4)),
        fc.array(stepArb, { minLength: 1, maxLength: MAX_STEPS, size: 'max' }),
        async (lastYear, thisYear, steps) => {
          const model = new LedgerModel(POINT_VALUE);
          const runner = new PropertyRunner(database, await createWorld(database, lastYear, model), model);
          await runner.check();
          const grants = thisYear.flatMap((points, emp) =>
            points ? [{ t: 'grant' as const, emp, prev: false, points }] : [],
          );
          for (const s of [...grants, ...steps]) {
            await runner.step(s);
            await runner.check();
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
    if (process.env.LEDGER_PROPERTY_STATS)
      console.log(
        [...stats]
          .sort()
          .map(([k, n]) => `${k}: ${n}`)
          .join('\n'),
      );
  }, 300_000);
});
