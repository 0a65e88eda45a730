import { inject } from 'vitest';
import type { Locale } from './i18n.js';
import { type ApiSession, DEMO_ACCOUNTS, type DemoRole, newSession, sessionFor } from './session.js';
import { type Opportunity, publishOpportunity, roster, signUp } from './volunteering.js';
import { screenAsPassed } from './partners.js';

// The records the giving journeys set up through the API (points, an activity with transport support,
// organisations, campaigns, company donations): the specs depend only on these, never on the demo's
// own giving figures.

type Page<T> = { items: T[]; total: number };

export type PointsYear = { fiscalYear: number; label: string; balance: number; granted: number };
export type PointsBalance = { pointValueJpy: number; currentFiscalYear: number; items: PointsYear[] };
export type Claim = { id: string; status: string; points: number; route: string; valueJpy: number | null };
export type CampaignTotals = { donors: number; points: number; pointsJpy: number; totalJpy: number };
export type Campaign = {
  id: string;
  code: string;
  status: 'draft' | 'open' | 'closed';
  titleJa: string | null;
  titleEn: string | null;
  totals: CampaignTotals;
};
export type Partner = { id: string; code: string; nameJa: string | null; nameEn: string | null };
export type Payable = { partner: { id: string }; currency: string; amountMinor: number };

/** Numbers and yen as the app writes them (Intl, ja-JP or en-GB). */
const tag = (locale: Locale) => (locale === 'ja' ? 'ja-JP' : 'en-GB');
export const num = (locale: Locale, n: number) => new Intl.NumberFormat(tag(locale)).format(n);
export const yen = (locale: Locale, n: number) =>
  new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'JPY' }).format(n);

/** A demo account's session: the one the global setup opened, else a sign-in of our own. */
export async function sessionOf(baseURL: string, role: DemoRole): Promise<ApiSession> {
  try {
    return await sessionFor(baseURL, DEMO_ACCOUNTS[role]);
  } catch {
    return newSession(baseURL, DEMO_ACCOUNTS[role], inject('demoPassword'));
  }
}

/** A PNG of one red pixel: the smallest receipt the server accepts (it checks the file's signature). */
export const RECEIPT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** Today in Tokyo (the ledger's day), `days` later or earlier, as YYYY-MM-DD. */
export function tokyoDate(days = 0): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(at);
}

/**
 * An account for an active demo employee of a site who has none yet (so never the site's promoter,
 * whose claims someone else decides), made by the admin and signed in through the API.
 */
export async function freshEmployeeAt(
  baseURL: string,
  admin: ApiSession,
  password: string,
  siteId: string,
): Promise<{ session: ApiSession; employeeId: string; email: string }> {
  const staff = await admin.call<Page<{ id: string; email: string | null }>>(
    'GET',
    `/api/employees?siteId=${siteId}&status=active&size=200`,
  );
  for (const e of staff.items) {
    if (!e.email) continue;
    try {
      await admin.call('POST', '/api/users', {
        email: e.email,
        password,
        employeeId: e.id,
        grants: [{ role: 'employee', scopeType: 'org' }],
      });
    } catch {
      continue; // already has an account: try the next one
    }
    return { session: await newSession(baseURL, e.email, password), employeeId: e.id, email: e.email };
  }
  throw new Error(`no active employee without an account at site ${siteId}`);
}

/** The session's own points: the current fiscal year and its balance. */
export async function myPoints(who: ApiSession): Promise<{ fiscalYear: number; balance: number }> {
  const b = await who.call<PointsBalance>('GET', '/api/points/balance');
  const year = b.items.find((y) => y.fiscalYear === b.currentFiscalYear);
  return { fiscalYear: b.currentFiscalYear, balance: year?.balance ?? 0 };
}

/** Finance grants points of the current fiscal year to an employee (a reference unique to the run). */
export async function grantPoints(
  finance: ApiSession,
  employee: ApiSession,
  employeeId: string,
  points: number,
  reference: string,
): Promise<number> {
  const { fiscalYear, balance } = await myPoints(employee);
  await finance.call('POST', '/api/points/grants', {
    employeeId,
    fiscalYear,
    points,
    reference,
    note: 'e2e',
  });
  const after = await myPoints(employee);
  if (after.balance !== balance + points)
    throw new Error(
      `the grant of ${points} points left the balance at ${after.balance}, not ${balance + points}`,
    );
  return after.balance;
}

/**
 * An online activity of the promoter's site that pays transport in points, with the employee signed
 * up and marked attended by the promoter: what a transport claim needs. Returns it and the sign-up.
 */
export async function attendedTransportActivity(
  promoter: ApiSession,
  employee: ApiSession,
  titles: { titleJa: string; titleEn: string },
): Promise<{ opportunity: Opportunity; signupId: string }> {
  const published = await publishOpportunity(promoter, { ...titles, shifts: [[2, 2, 5]] });
  const opportunity = await promoter.call<Opportunity>('PATCH', `/api/opportunities/${published.id}`, {
    transportByPoints: true,
  });
  const shiftId = opportunity.shifts[0].id;
  const signup = await signUp(employee, shiftId);
  if (signup.status !== 'confirmed') throw new Error(`the sign-up is ${signup.status}, not confirmed`);
  await promoter.call('PUT', `/api/signups/${signup.id}/attendance`, { attendance: 'attended' });
  const row = (await roster(promoter, shiftId)).find((r) => r.id === signup.id);
  if (row?.attendance !== 'attended') throw new Error('the attendance was not recorded');
  return { opportunity, signupId: signup.id };
}

/** The page of the pending claims queue (oldest first, 50 a page) that holds a claim. */
export async function queuePageOf(approver: ApiSession, claimId: string): Promise<number> {
  for (let page = 1; ; page++) {
    const q = await approver.call<Page<{ id: string }>>(
      'GET',
      `/api/claims?status=pending&size=50&page=${page}`,
    );
    if (q.items.some((c) => c.id === claimId)) return page;
    if (page * 50 >= q.total) throw new Error(`claim ${claimId} is not in the approver's queue`);
  }
}

/**
 * An eligible, active organisation with complete bank details, named after the run's token: eligibility
 * comes from a passed screening, which `screener` (a CSR manager) records.
 */
export async function createPartner(
  manager: ApiSession,
  token: { ja: string; en: string },
  kind: { ja: string; en: string },
  screener: ApiSession,
): Promise<Partner> {
  const partner = await manager.call<Partner>('POST', '/api/partners', {
    code: `E2E-${token.en}`,
    nameJa: `${kind.ja} ${token.ja}`,
    nameEn: `${kind.en} ${token.en}`,
    kind: 'npo',
    status: 'active',
    bank: {
      bankName: 'みずほ銀行',
      bankBranch: '本店',
      bankAccountType: 'ordinary',
      bankAccountNumber: '1234567',
      bankAccountHolder: `トクヒ) ${token.en.toUpperCase()}`,
    },
  });
  await screenAsPassed(screener, partner.id);
  return partner;
}

/** The first group company of the organisation (a campaign's or a company donation's giver). */
export async function firstCompanyId(who: ApiSession): Promise<string> {
  const companies = await who.call<{ items: { id: string }[] }>('GET', '/api/companies');
  if (!companies.items[0]) throw new Error('the organisation has no group company');
  return companies.items[0].id;
}

/**
 * The Noto earthquake relief campaign, open for points: the demo's when it is open, else (its fiscal
 * year is over, so it normally is closed) one the CSR manager creates and opens for this run, with
 * an organisation of its own as beneficiary and a 100% company match.
 */
export async function openNotoCampaign(
  csr: ApiSession,
  token: { ja: string; en: string },
): Promise<Campaign> {
  const demo = await csr.call<Page<Campaign>>('GET', '/api/campaigns?q=NOTO-2024&size=5');
  const open = demo.items.find((c) => c.code === 'NOTO-2024' && c.status === 'open');
  if (open) return csr.call<Campaign>('GET', `/api/campaigns/${open.id}`);
  const partner = await createPartner(
    csr,
    token,
    { ja: '能登復興支援ネット', en: 'Noto Recovery Network' },
    csr,
  );
  const draft = await csr.call<Campaign>('POST', '/api/campaigns', {
    companyId: await firstCompanyId(csr),
    code: `NOTO-${token.en}`,
    kind: 'disaster',
    fundType: 'relief_work',
    titleJa: `能登半島地震 災害支援 ${token.ja}`,
    titleEn: `Noto Peninsula earthquake relief ${token.en}`,
    storyJa: '能登半島地震の被災地で活動する団体を支援します。ポイントでも寄付できます。',
    storyEn: 'Support the groups at work in the areas hit by the Noto Peninsula earthquake. Points welcome.',
    goalJpy: 1_000_000,
    startsOn: tokyoDate(-1),
    endsOn: tokyoDate(60),
    acceptsPoints: true,
    acceptsMoney: true,
    matchRatioPercent: 100,
    matchCapPerEmployeeJpy: 50_000,
    partnerIds: [partner.id],
  });
  return csr.call<Campaign>('POST', `/api/campaigns/${draft.id}/open`, {});
}

/** What the organisation is owed in a currency, all campaigns together. */
export async function owedTo(finance: ApiSession, partnerId: string, currency: string): Promise<number> {
  const p = await finance.call<Page<Payable>>(
    'GET',
    `/api/payables?partnerId=${partnerId}&currency=${currency}`,
  );
  return p.items.reduce((sum, i) => sum + i.amountMinor, 0);
}
