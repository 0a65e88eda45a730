import type { Tx } from '../../db/client.js';
import { bulkInsert } from './demo.bulk.js';
import { DEMO_FX_RATES, DEMO_PARTNERS } from './demo.giving-data.js';
import { insertAccounts, insertLedger } from './demo.giving-insert-ledger.js';
import type { GivingState } from './demo.giving-plan.js';
import { RECEIPT_PNG, RECEIPT_SHA256 } from './demo.giving-receipt.js';
import { dayOf, fyStart, isoOf, zonedInstant } from './demo.time.js';

export type GivingSummary = {
  partners: number;
  campaigns: number;
  donations: number;
  claims: number;
  payouts: number;
  postings: number;
  expiries: number;
  entries: number;
};

const COLUMNS = {
  fx: 'orgId uuid, fiscalYear smallint, currency text, jpyPerUnit numeric, updatedAt timestamptz',
  partners: `id uuid, orgId uuid, code text, nameJa text, nameEn text, kind text, website text, eligibleUntil date,
    status text, bankName text, bankBranch text, bankAccountType text, bankAccountNumber text,
    bankAccountHolder text`,
  campaigns: `id uuid, orgId uuid, companyId uuid, code text, kind text, fundType text, titleJa text, titleEn text,
    storyJa text, storyEn text, goalJpy bigint, startsOn date, endsOn date, status text, acceptsPoints boolean,
    acceptsMoney boolean, matchRatioPercent smallint, matchCapPerEmployeeJpy bigint, matchCapPerCampaignJpy bigint,
    createdBy uuid, createdAt timestamptz, updatedAt timestamptz`,
  beneficiaries: 'orgId uuid, campaignId uuid, partnerId uuid, position smallint',
  companyDonations: `id uuid, orgId uuid, companyId uuid, campaignId uuid, partnerId uuid, amountMinor bigint,
    currency text, valueJpy bigint, donatedOn date, note text, idempotencyKey text, createdBy uuid, createdAt timestamptz`,
  donations: `id uuid, orgId uuid, employeeId uuid, campaignId uuid, partnerId uuid, kind text, method text,
    points int, amountMinor bigint, currency text, valueJpy bigint, status text, fiscalYear smallint,
    idempotencyKey text, externalRef text, pledgedAt timestamptz, paidAt timestamptz, failedAt timestamptz,
    refundedAt timestamptz, createdAt timestamptz, updatedAt timestamptz`,
  events:
    'orgId uuid, donationId uuid, source text, eventId text, status text, payload jsonb, receivedAt timestamptz',
  files: `id uuid, orgId uuid, uploadedBy uuid, purpose text, name text, contentType text, size int, sha256 text,
    content bytea, createdAt timestamptz`,
  claims: `id uuid, orgId uuid, employeeId uuid, signupId uuid, points int, route text, note text, receiptFileId uuid,
    status text, decidedBy uuid, decidedAt timestamptz, decisionNote text, createdAt timestamptz, updatedAt timestamptz`,
  payouts: `id uuid, orgId uuid, reference text, currency text, status text, paidOn date, createdBy uuid, paidBy uuid,
    createdAt timestamptz, updatedAt timestamptz`,
};

/** Partners, campaigns with their beneficiaries, the company's donations and the FX rates. */
async function insertProgramme(tx: Tx, state: GivingState): Promise<void> {
  const { orgId } = state.world;
  const rates = Object.entries(DEMO_FX_RATES).flatMap(([currency, years]) =>
    Object.entries(years).map(([fy, rate]) => ({ currency, fy: Number(fy), rate })),
  );
  await bulkInsert(tx, 'fx_rates', COLUMNS.fx, rates, (r) => ({
    orgId,
    fiscalYear: r.fy,
    currency: r.currency,
    jpyPerUnit: r.rate,
    updatedAt: zonedInstant(fyStart(r.fy) + 20, 10 * 60, 'Asia/Tokyo'),
  }));
  await bulkInsert(tx, 'partners', COLUMNS.partners, DEMO_PARTNERS, (p) => {
    const [bankName, bankBranch, bankAccountType, bankAccountNumber, bankAccountHolder] = p.bank;
    const { bank: _bank, screened, ...fields } = p;
    const id = state.partnerIds.get(p.code)!;
    return {
      ...fields,
      // As migration 0010 did for the legacy flag: a year of eligibility, until screening takes over.
      eligibleUntil: screened ? isoOf(state.world.today + 365) : null,
      id,
      orgId,
      bankName,
      bankBranch,
      bankAccountType,
      bankAccountNumber,
      bankAccountHolder,
    };
  });
  await bulkInsert(tx, 'campaigns', COLUMNS.campaigns, state.campaigns, (c) => ({
    id: c.id,
    orgId,
    companyId: c.companyId,
    code: c.code,
    kind: c.kind,
    fundType: c.fundType,
    titleJa: c.titleJa,
    titleEn: c.titleEn,
    storyJa: c.storyJa,
    storyEn: c.storyEn,
    goalJpy: c.goalJpy,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: c.status,
    acceptsPoints: true,
    acceptsMoney: true,
    matchRatioPercent: c.match?.ratioPercent ?? null,
    matchCapPerEmployeeJpy: c.match?.perEmployeeJpy ?? null,
    matchCapPerCampaignJpy: c.match?.perCampaignJpy ?? null,
    createdBy: state.world.users.csr,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
  }));
  const beneficiaries = state.campaigns.flatMap((c) =>
    c.beneficiaries.map((code, i) => ({
      campaignId: c.id,
      partnerId: state.partnerIds.get(code)!,
      position: i + 1,
    })),
  );
  await bulkInsert(tx, 'campaign_beneficiaries', COLUMNS.beneficiaries, beneficiaries, (b) => ({
    ...b,
    orgId,
  }));
  await bulkInsert(tx, 'company_donations', COLUMNS.companyDonations, state.companyDonations, (d) => {
    const { amountJpy, ...rest } = d;
    return {
      ...rest,
      orgId,
      amountMinor: amountJpy,
      currency: 'JPY',
      valueJpy: amountJpy,
      createdBy: state.world.users.csr,
    };
  });
}

/** Employees' donations and their payment events, transport claims with their receipts, payouts. */
async function insertActivity(tx: Tx, state: GivingState): Promise<void> {
  const { orgId, users } = state.world;
  await bulkInsert(tx, 'donations', COLUMNS.donations, state.donations, (d) => ({
    ...d,
    orgId,
    createdAt: d.pledgedAt,
    updatedAt: d.refundedAt ?? d.failedAt ?? d.paidAt ?? d.pledgedAt,
  }));
  await bulkInsert(tx, 'donation_events', COLUMNS.events, state.events, (e) => ({
    ...e,
    orgId,
    payload: JSON.stringify(e.payload),
  }));
  const content = `\\x${RECEIPT_PNG.toString('hex')}`;
  await bulkInsert(tx, 'stored_files', COLUMNS.files, state.files, (f) => ({
    ...f,
    orgId,
    // Receipts handed in on paper and scanned by the CSR office: the claimants have no account.
    uploadedBy: users.csr,
    purpose: 'claim_receipt',
    contentType: 'image/png',
    size: RECEIPT_PNG.length,
    sha256: RECEIPT_SHA256,
    content,
  }));
  await bulkInsert(tx, 'point_claims', COLUMNS.claims, state.claims, (c) => ({ ...c, orgId }));
  await bulkInsert(tx, 'payouts', COLUMNS.payouts, state.payouts, (p) => ({
    id: p.id,
    orgId,
    reference: p.reference,
    currency: p.currency,
    status: 'paid',
    paidOn: p.paidOn,
    createdBy: p.createdBy,
    paidBy: p.createdBy,
    createdAt: p.createdAt,
    updatedAt: zonedInstant(dayOf(p.paidOn), 15 * 60, 'Asia/Tokyo'),
  }));
}

/** Writes the giving plan; answers what was written (for the demo's audit record). */
export async function insertGivingPlan(tx: Tx, state: GivingState): Promise<GivingSummary> {
  await insertProgramme(tx, state);
  await insertActivity(tx, state);
  const entries = await insertLedger(tx, state, await insertAccounts(tx, state));
  return {
    partners: DEMO_PARTNERS.length,
    campaigns: state.campaigns.length,
    donations: state.donations.length,
    claims: state.claims.length,
    payouts: state.payouts.length,
    postings: state.book.postings.length,
    expiries: state.book.postings.filter((p) => p.kind === 'expiry').length,
    entries,
  };
}
