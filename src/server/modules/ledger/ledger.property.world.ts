import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { storeFile } from '../files/files.service.js';
import { campaignBeneficiaries, campaigns } from '../giving/giving.table.js';
import { partners } from '../partners/partners.table.js';
import { PNG, pastSignup } from '../points/claims.fixtures.js';
import { post } from './ledger.post.js';
import type { LedgerModel, MatchRule } from './ledger.property.model.js';
import { flows } from './ledger.property.model.js';
import { fxRates } from './ledger.table.js';
import { currentFiscalYear } from './ledger.values.js';

// The organisation each run of ledger.property.test.ts starts from: three employees (each acting in
// their own context), finance, a CSR manager who approves claims, an admin who sets the point value,
// two eligible organisations, campaign A (matched 100% within caps) for the first, campaign B for the
// second, a USD rate for this fiscal year, and points left over from last year (posted as last year's
// grants were: the app refuses new grants to an ended year).

export const USD_RATE = '150.25';
export const POINT_VALUE = 100;

export type Target = {
  partnerId: string;
  campaignId: string | null;
  campaignCompanyId: string | null;
  rule: MatchRule | null;
};

export type World = {
  org: TestOrg;
  finance: Ctx;
  approver: Ctx;
  admin: Ctx;
  employees: Array<{ id: string; ctx: Ctx }>;
  cur: number;
  prev: number;
  /** 0: campaign A (matched), 1: campaign B, 2: the second organisation directly. */
  targets: Target[];
};

let orgs = 0;

export async function createWorld(database: Database, opening: number[], model: LedgerModel): Promise<World> {
  const org = await createTestOrg(database, `PROP${++orgs}`);
  const finance = await ctxAs(database, org, 'finance');
  const roles = ['employee', 'promoter', 'program_manager'] as const;
  const employees = await Promise.all(
    roles.map(async (r) => ({ id: org.users[r].employeeId, ctx: await ctxAs(database, org, r) })),
  );
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
  const cur = await currentFiscalYear(finance);
  const { start, end } = fiscalYearRange(cur, 4);
  const rule: MatchRule = {
    companyId: org.companies.jp,
    ratioPercent: 100,
    capPerEmployee: 30_000,
    capPerCampaign: 50_000,
  };
  const campaign = { orgId: org.orgId, startsOn: start, endsOn: end, status: 'open' };
  const [a, b] = await database.db
    .insert(campaigns)
    .values([
      {
        ...campaign,
        companyId: rule.companyId,
        code: 'A',
        kind: 'disaster',
        fundType: 'relief_work',
        titleEn: 'Campaign A',
        matchRatioPercent: rule.ratioPercent,
        matchCapPerEmployeeJpy: rule.capPerEmployee,
        matchCapPerCampaignJpy: rule.capPerCampaign,
      },
      {
        ...campaign,
        companyId: org.companies.us,
        code: 'B',
        kind: 'cause',
        fundType: 'general',
        titleEn: 'B',
      },
    ])
    .returning({ id: campaigns.id });
  await database.db.insert(campaignBeneficiaries).values([
    { orgId: org.orgId, campaignId: a.id, partnerId: p0.id, position: 1 },
    { orgId: org.orgId, campaignId: b.id, partnerId: p1.id, position: 1 },
  ]);
  await database.db
    .insert(fxRates)
    .values({ orgId: org.orgId, fiscalYear: cur, currency: 'USD', jpyPerUnit: USD_RATE });
  const prev = cur - 1;
  for (const [i, points] of opening.entries()) {
    if (points === 0) continue;
    const e = employees[i];
    const key = `grant:opening-${i}`;
    const request = { employeeId: e.id, fiscalYear: prev, points };
    const lines = flows.grant(e.id, prev, points, POINT_VALUE);
    await post(finance, {
      kind: 'grant',
      idempotencyKey: key,
      request,
      fiscalYear: prev,
      effectiveOn: fiscalYearRange(prev, 4).start,
      links: { employeeId: e.id },
      lines,
    });
    model.postAll([{ key, kind: 'grant', request: JSON.stringify(request), employeeId: e.id, lines }]);
  }
  return {
    org,
    finance,
    approver: await ctxAs(database, org, 'csr_manager'),
    admin: await ctxAs(database, org, 'org_admin'),
    employees,
    cur,
    prev,
    targets: [
      { partnerId: p0.id, campaignId: a.id, campaignCompanyId: rule.companyId, rule },
      { partnerId: p1.id, campaignId: b.id, campaignCompanyId: org.companies.us, rule: null },
      { partnerId: p1.id, campaignId: null, campaignCompanyId: null, rule: null },
    ],
  };
}

/** An activity the employee attended, with a receipt they uploaded: what a claim needs. */
export async function claimable(database: Database, w: World, employee: number) {
  const e = w.employees[employee];
  const { signupId } = await pastSignup(database, w.org, e.id);
  const file = await storeFile(e.ctx, {
    name: 'receipt.png',
    contentType: 'image/png',
    content: PNG,
    purpose: 'claim_receipt',
  });
  return { signupId, receiptFileId: file.id };
}
