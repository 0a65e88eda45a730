import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { type Ctx, systemCtx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { balanceOf } from '../ledger/ledger.accounts.js';
import { account } from '../ledger/ledger.keys.js';
import { post } from '../ledger/ledger.post.js';
import { fxRates, ledgerPostings } from '../ledger/ledger.table.js';
import { currentFiscalYear } from '../ledger/ledger.values.js';
import { partners } from '../partners/partners.table.js';
import { campaignBeneficiaries, campaigns, donations } from './giving.table.js';

// Test support for the donation tests: campaigns and organisations are inserted as rows (their
// services are another module's), points are granted through the ledger's post().

export type GivingFixture = {
  org: TestOrg;
  /** The employee account's context (giving.join). */
  employee: Ctx;
  finance: Ctx;
  system: Ctx;
  fy: number;
  partner: (code: string, values?: Partial<typeof partners.$inferInsert>) => Promise<string>;
  campaign: (
    code: string,
    beneficiaryIds: string[],
    values?: Partial<typeof campaigns.$inferInsert>,
  ) => Promise<string>;
  grant: (employeeId: string, points: number, reference?: string) => Promise<void>;
  pointsOf: (employeeId: string) => Promise<number>;
  payableOf: (partnerId: string, campaignId: string | null, currency?: string) => Promise<number>;
  postings: () => Promise<number>;
  donationCount: () => Promise<number>;
  /** Pays an organisation everything on one payable (what a payout posts). */
  payOut: (partnerId: string, campaignId: string | null, amount: number, currency?: string) => Promise<void>;
  fxRate: (currency: string, jpyPerUnit: string) => Promise<void>;
};

let grants = 0;

export async function givingFixture(database: Database, code: string): Promise<GivingFixture> {
  const org = await createTestOrg(database, code);
  const employee = await ctxAs(database, org, 'employee');
  const finance = await ctxAs(database, org, 'finance');
  const system = systemCtx(database.db, org.orgId, 'test', 'en');
  const fy = await currentFiscalYear(system);
  const db = database.db;
  return {
    org,
    employee,
    finance,
    system,
    fy,
    async partner(partnerCode, values = {}) {
      const [p] = await db
        .insert(partners)
        .values({
          orgId: org.orgId,
          code: partnerCode,
          nameJa: `${partnerCode} 団体`,
          nameEn: `${partnerCode} Org`,
          kind: 'ngo',
          eligibleUntil: '2099-12-31',
          ...values,
        })
        .returning({ id: partners.id });
      return p.id;
    },
    async campaign(campaignCode, beneficiaryIds, values = {}) {
      const [c] = await db
        .insert(campaigns)
        .values({
          orgId: org.orgId,
          companyId: org.companies.jp,
          code: campaignCode,
          kind: 'disaster',
          fundType: 'relief_work',
          titleJa: `${campaignCode} 支援`,
          titleEn: `${campaignCode} relief`,
          startsOn: '2000-01-01',
          endsOn: '2999-12-31',
          status: 'open',
          ...values,
        })
        .returning({ id: campaigns.id });
      if (beneficiaryIds.length)
        await db.insert(campaignBeneficiaries).values(
          beneficiaryIds.map((partnerId, i) => ({
            orgId: org.orgId,
            campaignId: c.id,
            partnerId,
            position: i + 1,
          })),
        );
      return c.id;
    },
    async grant(employeeId, points, reference = `g${++grants}`) {
      await post(system, {
        kind: 'grant',
        idempotencyKey: `grant:${reference}`,
        request: { employeeId, points },
        fiscalYear: fy,
        links: { employeeId },
        lines: [
          { account: account.pointsGranted(fy), amount: -points },
          { account: account.employeePoints(employeeId, fy), amount: points },
        ],
      });
    },
    pointsOf: (employeeId) => balanceOf(system, account.employeePoints(employeeId, fy)),
    payableOf: (partnerId, campaignId, currency = 'JPY') =>
      balanceOf(system, account.payable(partnerId, campaignId, currency)),
    async postings() {
      const [{ n }] = await db
        .select({ n: count() })
        .from(ledgerPostings)
        .where(eq(ledgerPostings.orgId, org.orgId));
      return toNumber(n);
    },
    async donationCount() {
      const [{ n }] = await db.select({ n: count() }).from(donations).where(eq(donations.orgId, org.orgId));
      return toNumber(n);
    },
    async payOut(partnerId, campaignId, amount, currency = 'JPY') {
      await post(system, {
        kind: 'payout',
        idempotencyKey: `test-payout:${partnerId}:${campaignId}:${++grants}`,
        request: {},
        links: { partnerId },
        lines: [
          { account: account.payable(partnerId, campaignId, currency), amount: -amount, valueJpy: -amount },
          { account: account.paidOut(partnerId, currency), amount, valueJpy: amount },
        ],
      });
    },
    async fxRate(currency, jpyPerUnit) {
      await db.insert(fxRates).values({ orgId: org.orgId, fiscalYear: fy, currency, jpyPerUnit });
    },
  };
}

/** Donations of a campaign by status, for assertions. */
export async function donationsOf(database: Database, orgId: string, campaignId: string) {
  return database.db
    .select()
    .from(donations)
    .where(and(eq(donations.orgId, orgId), eq(donations.campaignId, campaignId)));
}
