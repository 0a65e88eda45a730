import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { confirmDonation } from '../giving/donations.confirm.js';
import { donate } from '../giving/donations.service.js';
import { accountKeyString } from './ledger.accounts.js';
import { flows, type ModelPosting, type Outcome } from './ledger.property.model.js';
import { type Attempt, type DonationState, type Draft, Runner } from './ledger.property.runner.js';
import { type Target, USD_RATE } from './ledger.property.world.js';
import { convertMinor, ledgerToday } from './ledger.values.js';
import { cancelPayout, createPayout, markPayoutPaid } from './payouts.service.js';

// The giving steps of ledger.property.test.ts: points donations, money pledges and their payment
// confirmations (with the campaign's match), and payouts, each predicted by the model.

const ALLOWED: Record<string, string[]> = {
  pledged: ['paid', 'failed'],
  failed: ['paid'],
  paid: ['refunded'],
};
const OTHER_STATUS: Record<string, string> = { paid: 'failed', failed: 'refunded', refunded: 'paid' };

/** The request's recipient: a campaign (its first beneficiary), or an organisation directly. */
const to = (t: Target) => (t.campaignId ? { campaignId: t.campaignId } : { organisationId: t.partnerId });

export class GivingRunner extends Runner {
  pointDonation(emp: number, t: Target, points: number): Attempt {
    const { w, model } = this;
    const e = w.employees[emp];
    const idem = `pd-${randomUUID()}`;
    return async (other) => {
      const n = points + (other ? 1 : 0);
      const key = `donation:${idem}`;
      const request = JSON.stringify({ target: t, points: n });
      const v = model.pointValueJpy;
      const known = model.postings.get(key);
      const ps: ModelPosting[] = [
        {
          key,
          kind: 'point_donation',
          request,
          employeeId: e.id,
          campaignId: t.campaignId,
          lines: flows.pointDonation(e.id, w.cur, n, v, t),
        },
      ];
      const match = known || !t.campaignId ? 0 : model.matchFor(t.rule, t.campaignId, e.id, n * v);
      if (match > 0 && t.campaignId)
        ps.push({
          key: `match:${idem}`,
          kind: 'match',
          request: '{}',
          employeeId: e.id,
          campaignId: t.campaignId,
          lines: flows.match(t.campaignCompanyId as string, match, t),
        });
      const expected = known ? model.postAll([ps[0]]) : model.postAll(ps);
      const r = await this.outcome(expected, () =>
        donate(e.ctx, { ...to(t), points: n, idempotencyKey: idem }),
      );
      if (r && !known) {
        const d: DonationState = {
          idem,
          id: r.donation.id,
          emp,
          target: t,
          kind: 'points',
          status: 'paid',
          currency: 'JPY',
          amount: n,
          valueJpy: n * v,
        };
        this.donations.push(d);
        this.rekey(d);
      }
    };
  }

  pledge(emp: number, t: Target, currency: string, amount: number): Attempt {
    const e = this.w.employees[emp];
    const idem = `md-${randomUUID()}`;
    return async (other) => {
      const n = amount + (other ? 1 : 0);
      const known = this.donations.find((d) => d.idem === idem);
      const expected: Outcome =
        known && known.amount !== n ? { error: 'idempotency_key_reused' } : { posted: [] };
      const r = await this.outcome(expected, () =>
        donate(e.ctx, { ...to(t), amountMinor: n, currency, method: 'payroll', idempotencyKey: idem }),
      );
      if (r && !known) {
        const valueJpy = currency === 'JPY' ? n : convertMinor(n, currency, USD_RATE);
        expect(r.donation.valueJpy).toBe(valueJpy);
        this.donations.push({
          idem,
          id: r.donation.id,
          emp,
          target: t,
          kind: 'money',
          status: 'pledged',
          currency,
          amount: n,
          valueJpy,
        });
      }
    };
  }

  /** A payment confirmation: paid posts the money and its match; refunded reverses both. */
  confirm(d: DonationState, wanted: string): Attempt {
    const { model } = this;
    const eventId = `ev-${randomUUID()}`;
    const employeeId = this.w.employees[d.emp].id;
    return async (other) => {
      const status = other ? OTHER_STATUS[wanted] : wanted;
      const seen = this.events.get(eventId);
      let expected: Outcome = { posted: [] };
      let next = d.status;
      if (seen) expected = seen === status ? { posted: [] } : { error: 'idempotency_key_reused' };
      else if (d.status === status) expected = { posted: [] };
      else if (!ALLOWED[d.status]?.includes(status)) expected = { error: 'invalid_transition' };
      else next = status;
      if (next !== d.status && status === 'paid') {
        const t = d.target;
        const match = t.campaignId ? model.matchFor(t.rule, t.campaignId, employeeId, d.valueJpy) : 0;
        const ps: ModelPosting[] = [
          {
            key: `donation:${d.idem}`,
            kind: 'money_donation',
            request: '{}',
            employeeId,
            campaignId: t.campaignId,
            lines: flows.moneyDonation(d.currency, d.amount, d.valueJpy, t),
          },
        ];
        if (match > 0)
          ps.push({
            key: `match:${d.idem}`,
            kind: 'match',
            request: '{}',
            employeeId,
            campaignId: t.campaignId,
            lines: flows.match(t.campaignCompanyId as string, match, t),
          });
        expected = model.postAll(ps);
      } else if (next !== d.status && status === 'refunded') {
        const match = model.postings.has(`match:${d.idem}`)
          ? [model.reversal(`match:${d.idem}`, `refund-match:${d.idem}`)]
          : [];
        expected = model.postAll([...match, model.reversal(`donation:${d.idem}`, `refund:${d.idem}`)]);
      }
      const r = await this.outcome(expected, () =>
        confirmDonation(this.w.finance, {
          donationId: d.id,
          status: status as 'paid',
          eventId,
          source: 'app',
        }),
      );
      if (!r) return;
      if (!seen) this.events.set(eventId, status);
      d.status = next;
      this.rekey(d);
    };
  }

  /** A payout draft of one currency: every payable owed something and not in another draft. */
  async draft(currency: string) {
    const inDrafts = new Set(
      this.drafts
        .filter((d) => d.status === 'draft')
        .flatMap((d) => d.lines.map((l) => accountKeyString(l.payable))),
    );
    const lines = [...this.model.balances.values()]
      .filter((b) => b.key.kind === 'payable' && b.key.unit === currency && b.balance > 0)
      .filter((b) => !inDrafts.has(accountKeyString(b.key)))
      .map((b) => ({ payable: b.key, amount: b.balance }));
    const expected: Outcome = lines.length ? { posted: [] } : { error: 'nothing_to_pay' };
    const payout = await this.outcome(expected, () =>
      createPayout(this.w.finance, { currency: currency as 'JPY' }),
    );
    if (payout) this.drafts.push({ id: payout.id, currency, status: 'draft', lines });
  }

  async decidePayout(d: Draft, cancel: boolean) {
    let expected: Outcome = d.status === 'draft' ? { posted: [] } : { error: 'invalid_transition' };
    if (!cancel && d.status === 'draft') {
      const value = (amount: number) =>
        d.currency === 'JPY' ? amount : convertMinor(amount, d.currency, USD_RATE);
      const lines = flows.payout(
        d.currency,
        d.lines.map((l) => ({ ...l, valueJpy: value(l.amount) })),
      );
      expected = this.model.postAll([{ key: `payout:${d.id}`, kind: 'payout', request: '{}', lines }]);
    }
    const done = await this.outcome(expected, () =>
      cancel
        ? cancelPayout(this.w.finance, d.id)
        : markPayoutPaid(this.w.finance, d.id, { paidOn: ledgerToday() }),
    );
    if (done) d.status = done.status;
  }
}
