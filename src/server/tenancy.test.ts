import { getTableColumns, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/client.js';
import * as schema from './db/schema.js';
import { openTestDatabase } from './test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from './test/factories.js';
import { listRoutes } from './test/routes.js';
import { PNG } from './modules/points/claims.fixtures.js';
import { fiscalYearOf } from '../shared/fiscal-year.js';
import { ledgerToday } from './modules/ledger/ledger.values.js';
import { ACCOUNTING_TABLES, type AccountingIds, accountingOfA } from './test/tenancy.accounting.js';
import { PROGRAM_TABLES, type ProgramIds, programsOfA } from './test/tenancy.programs.js';

/**
 * Two organisations side by side: nothing of organisation A may reach organisation B's administrator
 * or auditor through any route. The routes are enumerated from the built app, so a new route is
 * covered the day it is added; one with path parameters needs an entry in ids() below.
 */
let database: Database;
let app: FastifyInstance;
let a: TestOrg;
let b: TestOrg;
let bAdmin: Session;
let bAuditor: Session;
let bCsr: Session;
let bFinance: Session;
let alpha: Record<'company' | 'site' | 'department' | 'employee' | 'token' | 'grant', string>;
let vol: Record<
  'opportunity' | 'shift' | 'checkinCode' | 'signup' | 'hourLog' | 'registration' | 'skill' | 'mail',
  string
>;
let giving: Record<
  'partner' | 'campaign' | 'grant' | 'donation' | 'claim' | 'payout' | 'companyDonation',
  string
>;
let prog: ProgramIds;
let acc: AccountingIds;
let aIds: string[];

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

async function post(url: string, as: Session, payload: object, method: 'POST' | 'PUT' = 'POST') {
  const res = await app.inject({ method, url, headers: as.headers, payload });
  if (res.statusCode !== (method === 'POST' ? 201 : 200))
    throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** Volunteering records of organisation A: an opportunity with a sign-up, an hour log, a registration. */
async function volunteeringOfA(): Promise<typeof vol> {
  const csr = await signIn(app, a.users.csr_manager.email);
  const employee = await signIn(app, a.users.employee.email);
  const admin = await signIn(app, a.users.org_admin.email);
  const start = new Date(Date.now() + 7 * 86_400_000);
  const opportunity = await post('/api/opportunities', csr, {
    companyId: alpha.company,
    siteId: alpha.site,
    titleJa: 'アルファ清掃',
    titleEn: 'Alpha clean-up',
    descriptionJa: 'アルファの浜',
    organiser: 'Alpha',
    field: 'environment',
    transportByPoints: true,
    mode: 'on_site',
    region: 'Alpha',
    shifts: [
      {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        capacity: 5,
      },
    ],
  });
  const published = await app.inject({
    method: 'POST',
    url: `/api/opportunities/${opportunity}/publish`,
    headers: csr.headers,
  });
  const shift = published.json().shifts[0].id as string;
  const [{ code }] = rowsOf<{ code: string }>(
    await database.db.execute(sql`select checkin_code as code from opportunity_shifts where id = ${shift}`),
  );
  const signup = await post(`/api/shifts/${shift}/signups`, employee, {});
  const hourLog = await post('/api/me/hour-logs', employee, {
    activityDate: '2024-01-01',
    organisationName: 'Alpha NPO',
    field: 'regional',
    minutes: 60,
    description: 'alpha',
  });
  const registration = await post('/api/me/registration', admin, {}, 'PUT');
  const skill = await post('/api/volunteer-skills', admin, {
    code: 'alpha-skill',
    nameJa: 'アルファ',
    nameEn: 'Alpha',
  });
  await app.inject({ method: 'GET', url: '/api/me/calendar-feed', headers: employee.headers });
  const [{ mail }] = rowsOf<{ mail: string }>(
    await database.db.execute(sql`select id as mail from mail_outbox where org_id = ${a.orgId} limit 1`),
  );
  return { opportunity, shift, checkinCode: code, signup, hourLog, registration, skill, mail };
}

async function postJson(url: string, as: Session, payload: object | Buffer, headers: object = {}) {
  const res = await app.inject({ method: 'POST', url, headers: { ...as.headers, ...headers }, payload });
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Giving records of organisation A: a partner, an open campaign with gifts, points, a claim, a payout. */
async function givingOfA(): Promise<typeof giving> {
  const admin = await signIn(app, a.users.org_admin.email);
  const csr = await signIn(app, a.users.csr_manager.email);
  const employee = await signIn(app, a.users.employee.email);
  const finance = await signIn(app, a.users.finance.email);
  const partner = (
    await postJson('/api/partners', admin, {
      code: 'ALPHA-NPO',
      nameJa: 'アルファ団体',
      nameEn: 'Alpha NPO',
      kind: 'npo',
    })
  ).id as string;
  // Eligible as a passed screening would make it (the screening's own tests cover that path).
  await database.db.execute(sql`update partners set eligible_until = '2099-12-31' where id = ${partner}`);
  const campaign = (
    await postJson('/api/campaigns', admin, {
      companyId: alpha.company,
      code: 'ALPHA-CAMP',
      kind: 'disaster',
      fundType: 'victim_relief',
      titleJa: 'アルファ募金',
      storyJa: 'アルファ',
      startsOn: '2024-01-01',
      endsOn: '2030-03-31',
      partnerIds: [partner],
    })
  ).id as string;
  await postJson(`/api/campaigns/${campaign}/open`, admin, {});
  const companyDonation = (
    await postJson('/api/company-donations', admin, {
      companyId: alpha.company,
      campaignId: campaign,
      partnerId: partner,
      amountMinor: 1000,
      currency: 'JPY',
      donatedOn: '2024-01-10',
      idempotencyKey: 'alpha-company-gift',
    })
  ).id as string;
  const grant = (
    await postJson('/api/points/grants', admin, {
      employeeId: a.users.employee.employeeId,
      fiscalYear: fiscalYearOf(ledgerToday(), 4),
      points: 100,
      reference: 'ALPHA-GRANT-1',
    })
  ).postingId as string;
  const donation = (
    await postJson('/api/donations', employee, {
      campaignId: campaign,
      amountMinor: 1000,
      currency: 'JPY',
      idempotencyKey: 'alpha-donation-1',
    })
  ).donation.id as string;
  const attended = await app.inject({
    method: 'PUT',
    url: `/api/signups/${vol.signup}/attendance`,
    headers: csr.headers,
    payload: { attendance: 'attended' },
  });
  if (attended.statusCode !== 200) throw new Error(`attendance: ${attended.body}`);
  const file = (await postJson('/api/files?name=alpha.png', employee, PNG, { 'content-type': 'image/png' }))
    .id as string;
  const claim = (
    await postJson('/api/claims', employee, {
      signupId: vol.signup,
      points: 10,
      route: 'Alpha route',
      receiptFileId: file,
    })
  ).id as string;
  const payout = (await postJson('/api/payouts', finance, { currency: 'JPY' })).id as string;
  await app.inject({
    method: 'PUT',
    url: '/api/fx-rates/2025/SGD',
    headers: admin.headers,
    payload: { jpyPerUnit: '110.5' },
  });
  return { partner, campaign, grant, donation, claim, payout, companyDonation };
}

/** Every id in organisation A's rows, from every table that carries org_id (new tables included). */
async function idsOfOrg(orgId: string): Promise<string[]> {
  const ids = new Set<string>([orgId]);
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable) || !('orgId' in getTableColumns(table))) continue;
    const res = await database.db.execute(
      sql`select to_jsonb(t)::text as doc from ${table} t where t.org_id = ${orgId}`,
    );
    for (const row of rowsOf<{ doc: string }>(res)) for (const id of row.doc.match(UUID) ?? []) ids.add(id);
  }
  return [...ids];
}

beforeAll(async () => {
  database = await openTestDatabase();
  a = await createTestOrg(database, 'TENA');
  b = await createTestOrg(database, 'TENB');
  app = await buildTestApp(database);
  // Organisation A gets records with names found nowhere else, each made through the API (and audited).
  const aAdmin = await signIn(app, a.users.org_admin.email);
  const company = await post('/api/companies', aAdmin, {
    code: 'ALPHA-CO',
    nameJa: 'アルファ',
    nameEn: 'Alpha Co',
    country: 'SG',
    currency: 'SGD',
    timeZone: 'Asia/Singapore',
  });
  const site = await post('/api/sites', aAdmin, {
    companyId: company,
    code: 'ALPHA-SITE',
    nameJa: 'アルファ拠点',
    nameEn: 'Alpha Site',
    region: 'Alpha',
    timeZone: 'Asia/Singapore',
  });
  const department = await post('/api/departments', aAdmin, {
    companyId: company,
    code: 'ALPHA-DEPT',
    nameJa: 'アルファ部',
    nameEn: 'Alpha Dept',
  });
  const employee = await post('/api/employees', aAdmin, {
    employeeNumber: 'ALPHA-E1',
    nameJa: '阿部 アルファ',
    nameEn: 'Alpha Abe',
    nameKana: 'あべ あるふぁ',
    email: 'alpha.abe@tena.test',
    companyId: company,
    siteId: site,
    departmentId: department,
    hireDate: '2020-04-01',
  });
  const token = await post('/api/me/tokens', aAdmin, { name: 'alpha script' });
  const grant = await post(`/api/users/${a.users.promoter.id}/grants`, aAdmin, {
    role: 'promoter',
    scopeType: 'site',
    siteId: site,
  });
  alpha = { company, site, department, employee, token, grant };
  vol = await volunteeringOfA();
  giving = await givingOfA();
  prog = await programsOfA(database, {
    orgId: a.orgId,
    companyId: alpha.company,
    siteId: alpha.site,
    employeeId: alpha.employee,
    userId: a.users.org_admin.id,
    partnerId: giving.partner,
  });
  acc = await accountingOfA(database, {
    orgId: a.orgId,
    companyId: alpha.company,
    partnerId: giving.partner,
  });
  aIds = await idsOfOrg(a.orgId);
  bFinance = await signIn(app, b.users.finance.email);
  bAdmin = await signIn(app, b.users.org_admin.email);
  bAuditor = await signIn(app, b.users.auditor.email);
  bCsr = await signIn(app, b.users.csr_manager.email);
}, 120_000);

/** An id of organisation A for each path parameter of each route; a route missing here fails the test. */
function ids(route: string): Record<string, string> | undefined {
  const byRoute: Record<string, Record<string, string>> = {
    '/api/companies/:id': { id: alpha.company },
    '/api/sites/:id': { id: alpha.site },
    '/api/departments/:id': { id: alpha.department },
    '/api/employees/:id': { id: alpha.employee },
    '/api/users/:id': { id: a.users.promoter.id },
    '/api/users/:id/password': { id: a.users.promoter.id },
    '/api/users/:id/grants': { id: a.users.promoter.id },
    '/api/users/:id/grants/:grantId': { id: a.users.promoter.id, grantId: alpha.grant },
    '/api/me/tokens/:id': { id: alpha.token },
    '/api/opportunities/:id': { id: vol.opportunity },
    '/api/opportunities/:id/publish': { id: vol.opportunity },
    '/api/opportunities/:id/cancel': { id: vol.opportunity },
    '/api/opportunities/:id/complete': { id: vol.opportunity },
    '/api/shifts/:id/calendar.ics': { id: vol.shift },
    '/api/shifts/:id/signups': { id: vol.shift },
    '/api/shifts/:id/checkin': { id: vol.shift },
    '/api/shifts/:id/checkin-qr.svg': { id: vol.shift },
    '/api/check-in/:code': { code: vol.checkinCode },
    '/api/signups/:id': { id: vol.signup },
    '/api/signups/:id/attendance': { id: vol.signup },
    '/api/me/hour-logs/:id': { id: vol.hourLog },
    '/api/hour-logs/:id/approve': { id: vol.hourLog },
    '/api/hour-logs/:id/reject': { id: vol.hourLog },
    '/api/volunteers/:id': { id: vol.registration },
    '/api/volunteer-skills/:id': { id: vol.skill },
    '/api/mail-outbox/:id': { id: vol.mail },
    '/api/partners/:id': { id: giving.partner },
    '/api/campaigns/:id': { id: giving.campaign },
    '/api/campaigns/:id/open': { id: giving.campaign },
    '/api/campaigns/:id/close': { id: giving.campaign },
    '/api/campaigns/:id/beneficiaries': { id: giving.campaign },
    '/api/points/grants/:postingId': { postingId: giving.grant },
    '/api/ledger/postings/:id': { id: giving.grant },
    '/api/ledger/postings/:id/reverse': { id: giving.grant },
    '/api/donations/:id': { id: giving.donation },
    '/api/donations/:id/status': { id: giving.donation },
    '/api/claims/:id': { id: giving.claim },
    '/api/claims/:id/receipt': { id: giving.claim },
    '/api/claims/:id/approve': { id: giving.claim },
    '/api/claims/:id/reject': { id: giving.claim },
    '/api/payouts/:id': { id: giving.payout },
    '/api/payouts/:id.csv': { id: giving.payout },
    '/api/payouts/:id/paid': { id: giving.payout },
    '/api/payouts/:id/cancel': { id: giving.payout },
    '/api/fx-rates/:fiscalYear/:currency': { fiscalYear: '2025', currency: 'SGD' },
    '/api/partners/:id/contacts': { id: giving.partner },
    '/api/partners/:id/contacts/:contactId': { id: giving.partner, contactId: prog.contact },
    '/api/partners/:id/screenings': { id: giving.partner },
    '/api/screening/guidelines/:id': { id: prog.guideline },
    '/api/screening/guidelines/:id/criteria': { id: prog.guideline },
    '/api/screening/guidelines/:id/publish': { id: prog.guideline },
    '/api/screenings/:id': { id: prog.screening },
    '/api/screenings/:id/answers/:criterionId': { id: prog.screening, criterionId: prog.criterion },
    '/api/screenings/:id/decide': { id: prog.screening },
    '/api/agreements/:id': { id: prog.agreement },
    '/api/agreements/:id/documents': { id: prog.agreement },
    '/api/files/:id': { id: prog.file },
    '/api/programs/:id': { id: prog.program },
    '/api/programs/:id/partners': { id: prog.program },
    '/api/programs/:id/figures': { id: prog.program },
    '/api/programs/:id/imports/:kind': { id: prog.program, kind: 'graduates' },
    '/api/programs/:id/cohorts': { id: prog.program },
    '/api/programs/:id/projects': { id: prog.program },
    '/api/programs/:id/sessions': { id: prog.program },
    '/api/programs/:id/surveys': { id: prog.program },
    '/api/programs/:id/testimonials': { id: prog.program },
    '/api/programs/:id/photos': { id: prog.program },
    '/api/programs/:id/certifications': { id: prog.program },
    '/api/programs/:id/reviews': { id: prog.program },
    '/api/programs/:id/impacts': { id: prog.program },
    '/api/programs/:id/impacts/:fiscalYear': { id: prog.program, fiscalYear: '2023' },
    '/api/cohorts/:id': { id: prog.cohort },
    '/api/cohorts/:id/graduates': { id: prog.cohort },
    '/api/graduates/:id': { id: prog.graduate },
    '/api/projects/:id': { id: prog.project },
    '/api/projects/:id/members': { id: prog.project },
    '/api/projects/:id/items': { id: prog.project },
    '/api/project-items/:id': { id: prog.projectItem },
    '/api/sessions/:id': { id: prog.session },
    '/api/sessions/:id/attendees': { id: prog.session },
    '/api/surveys/:id': { id: prog.survey },
    '/api/surveys/:id/questions': { id: prog.survey },
    '/api/surveys/:id/indicators': { id: prog.survey },
    '/api/surveys/:id/results': { id: prog.survey },
    '/api/testimonials/:id': { id: prog.testimonial },
    '/api/photos/:id': { id: prog.photo },
    '/api/photos/:id/image': { id: prog.photo },
    '/api/certifications/:id/holders': { id: prog.certification },
    '/api/certification-holders/:id/renew': { id: prog.holder },
    '/api/certification-holders/:id/revoke': { id: prog.holder },
    '/api/class-requests/:id': { id: prog.classRequest },
    '/api/class-requests/:id/assign': { id: prog.classRequest },
    '/api/class-requests/:id/decline': { id: prog.classRequest },
    '/api/class-requests/:id/complete': { id: prog.classRequest },
    '/api/collection-items/:id': { id: prog.item },
    '/api/drives/:id': { id: prog.drive },
    '/api/drives/:id/open': { id: prog.drive },
    '/api/drives/:id/close': { id: prog.drive },
    '/api/drives/:id/reports': { id: prog.drive },
    '/api/drives/:id/reports/:siteId/:itemId': { id: prog.drive, siteId: alpha.site, itemId: prog.item },
    '/api/drives/:id/results': { id: prog.drive },
    '/api/drives/:id/results.csv': { id: prog.drive },
    '/api/evaluation/criteria/:id': { id: prog.evaluationCriterion },
    '/api/reviews/:id': { id: prog.review },
    '/api/reviews/:id/finalise': { id: prog.review },
    '/api/expenses/:id': { id: acc.expense },
    '/api/expenses/:id/files': { id: acc.expense },
    '/api/goals/metrics/:id': { id: acc.metric },
    '/api/goals/metrics/:id/values/:fiscalYear': { id: acc.metric, fiscalYear: '2024' },
    '/api/goals/targets/:id': { id: acc.target },
    '/api/goals/targets/:id/progress/:fiscalYear': { id: acc.target, fiscalYear: '2024' },
    '/api/goals/yearly/:id': { id: acc.yearlyGoal },
    '/api/reports/:fy/blocks/:id': { fy: '2025', id: acc.block },
    '/api/reports/:fy/blocks/:id/move': { fy: '2025', id: acc.block },
    // Keyed by year, not by id: B reaches its own year (OWN_KEYED, OWN_KEYED_READS).
    '/api/accounting/:fiscalYear/totals': { fiscalYear: '2024' },
    '/api/accounting/:fiscalYear/b4si.csv': { fiscalYear: '2024' },
    '/api/accounting/years/:fiscalYear/close': { fiscalYear: '2010' },
    '/api/accounting/years/:fiscalYear/restatements': { fiscalYear: '2011' },
    ...Object.fromEntries(
      [
        '',
        '/blocks',
        '/translations',
        '/records',
        '/copy-blocks',
        '/publish',
        '/unpublish',
        ...['json', 'csv', 'xlsx', 'pdf', 'zip'].map((f) => `/export.${f}`),
      ].map((tail) => [`/api/reports/:fy${tail}`, { fy: '2025' }]),
    ),
  };
  return byRoute[route];
}

/** A valid body for each state-changing route with parameters, so that only the tenant check can refuse it. */
const BODIES: Record<string, object | string | undefined> = {
  'PATCH /api/companies/:id': { nameEn: 'Taken over' },
  'PATCH /api/sites/:id': { nameEn: 'Taken over' },
  'PATCH /api/departments/:id': { nameEn: 'Taken over' },
  'PATCH /api/employees/:id': { nameEn: 'Taken over' },
  'PATCH /api/users/:id': { displayName: 'Taken over', disabled: true },
  'PUT /api/users/:id/password': { password: 'taken over password' },
  'POST /api/users/:id/grants': { role: 'org_admin', scopeType: 'org' },
  'PATCH /api/opportunities/:id': { titleEn: 'Taken over' },
  'PUT /api/signups/:id/attendance': { attendance: 'attended' },
  'POST /api/shifts/:id/signups': {},
  'POST /api/check-in/:code': {},
  'PATCH /api/volunteer-skills/:id': { nameEn: 'Taken over' },
  'POST /api/hour-logs/:id/approve': {},
  'POST /api/hour-logs/:id/reject': {},
  'PATCH /api/partners/:id': { status: 'closed' },
  'POST /api/partners/:id/contacts': { name: 'Taken over' },
  'PATCH /api/partners/:id/contacts/:contactId': { name: 'Taken over' },
  'PATCH /api/screening/guidelines/:id': { titleEn: 'Taken over' },
  'PUT /api/screening/guidelines/:id/criteria': { items: [{ code: 'X', textEn: 'Taken over' }] },
  'PUT /api/screenings/:id/answers/:criterionId': { answer: 'yes', evidence: 'Taken over' },
  'POST /api/screenings/:id/decide': { result: 'failed' },
  'PATCH /api/agreements/:id': { status: 'terminated' },
  'PUT /api/agreements/:id/documents': { fileIds: [] },
  'PATCH /api/programs/:id': { nameEn: 'Taken over' },
  'PUT /api/programs/:id/partners': { items: [] },
  'POST /api/programs/:id/cohorts': { code: 'X', fiscalYear: 2023, nameEn: 'Taken over' },
  'POST /api/programs/:id/projects': { code: 'X', titleEn: 'Taken over', fiscalYear: 2023 },
  'POST /api/programs/:id/sessions': {
    kind: 'class',
    titleEn: 'Taken over',
    startsOn: '2023-11-09',
    counts: { students: 1 },
  },
  'POST /api/programs/:id/surveys': { code: 'X', titleEn: 'Taken over', fiscalYear: 2023 },
  'POST /api/programs/:id/testimonials': { quoteEn: 'Taken over', consentOn: '2023-10-01' },
  'POST /api/programs/:id/certifications': { code: 'X', nameEn: 'Taken over' },
  'POST /api/programs/:id/reviews': { fiscalYear: 2022 },
  'PUT /api/programs/:id/impacts/:fiscalYear': {
    assessed: 1,
    connect: 0,
    improve: 0,
    transform: 0,
    behaviourChange: 0,
    skillsChange: 0,
    qualityOfLifeChange: 0,
  },
  'POST /api/programs/:id/photos': { fileId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/programs/:id/imports/:kind':
    'cohort_code,cohort_fiscal_year,graduate_ref,kind,name_ja\nX,2023,X,group,x\n',
  'PATCH /api/cohorts/:id': { nameEn: 'Taken over' },
  'POST /api/cohorts/:id/graduates': { kind: 'group', nameEn: 'Taken over' },
  'PATCH /api/graduates/:id': { nameEn: 'Taken over' },
  'PATCH /api/projects/:id': { titleEn: 'Taken over' },
  'PUT /api/projects/:id/members': { items: [] },
  'POST /api/projects/:id/items': { kind: 'outcome', titleEn: 'Taken over', quantity: 1 },
  'PATCH /api/project-items/:id': { titleEn: 'Taken over' },
  'PATCH /api/sessions/:id': { titleEn: 'Taken over' },
  'PUT /api/sessions/:id/attendees': { employeeIds: [] },
  'PATCH /api/surveys/:id': { titleEn: 'Taken over' },
  'PUT /api/surveys/:id/questions': { items: [] },
  'PUT /api/surveys/:id/indicators': { items: [] },
  'POST /api/certifications/:id/holders': {
    employeeId: '00000000-0000-4000-8000-000000000000',
    certifiedOn: '2024-04-01',
  },
  'POST /api/certification-holders/:id/renew': { certifiedOn: '2026-04-01' },
  'POST /api/certification-holders/:id/revoke': { revokedOn: '2024-04-01' },
  'POST /api/class-requests/:id/assign': {
    scheduledOn: '2030-01-10',
    employeeIds: ['00000000-0000-4000-8000-000000000000'],
  },
  'POST /api/class-requests/:id/decline': { reason: 'Taken over' },
  'POST /api/class-requests/:id/complete': { counts: { students: 1 } },
  'PATCH /api/collection-items/:id': { nameEn: 'Taken over' },
  'PATCH /api/drives/:id': { titleEn: 'Taken over' },
  'PUT /api/drives/:id/reports/:siteId/:itemId': { quantity: 1 },
  'PATCH /api/evaluation/criteria/:id': { nameEn: 'Taken over' },
  'PATCH /api/reviews/:id': { summaryEn: 'Taken over' },
  'PATCH /api/campaigns/:id': { goalJpy: 1 },
  'PUT /api/campaigns/:id/beneficiaries': { partnerIds: [] },
  'POST /api/claims/:id/approve': {},
  'POST /api/claims/:id/reject': { note: 'Taken over' },
  'POST /api/ledger/postings/:id/reverse': { memo: 'Taken over', idempotencyKey: 'tenancy-rev' },
  'POST /api/payouts/:id/paid': { paidOn: '2024-01-31' },
  'POST /api/donations/:id/status': { status: 'paid', eventId: 'tenancy-evt' },
  'PUT /api/fx-rates/:fiscalYear/:currency': { jpyPerUnit: '99.5' },
  'PATCH /api/expenses/:id': { descriptionEn: 'Taken over' },
  'PUT /api/expenses/:id/files': { fileIds: [] },
  'PATCH /api/goals/metrics/:id': { nameEn: 'Taken over' },
  'PUT /api/goals/metrics/:id/values/:fiscalYear': { value: 1, evidenceEn: 'Taken over' },
  'PATCH /api/goals/targets/:id': { titleEn: 'Taken over' },
  'PUT /api/goals/targets/:id/progress/:fiscalYear': { progressEn: 'Taken over' },
  'PATCH /api/goals/yearly/:id': { textEn: 'Taken over' },
  'PATCH /api/reports/:fy': { amountUnitJa: 'hyakuman' },
  'POST /api/reports/:fy/blocks': { section: 'policy', titleJa: '方針', titleEn: 'Policy' },
  'PATCH /api/reports/:fy/blocks/:id': { titleEn: 'Taken over' },
  'POST /api/reports/:fy/blocks/:id/move': { direction: 'down' },
  'POST /api/reports/:fy/copy-blocks': { fromFiscalYear: 2023 },
  'POST /api/accounting/years/:fiscalYear/restatements': {
    reasonJa: '修正',
    reasonEn: 'Correction',
    lines: [
      {
        spentOn: '2011-06-01',
        companyId: '',
        descriptionEn: 'Late',
        type: 'cash_donation',
        amountMinor: 1000,
        keidanrenField: 'education',
      },
    ],
  },
};

/**
 * Changes keyed by names inside the caller's own organisation, not by ids: B's request writes B's own
 * record (200), and the snapshot proves A's stays as it was.
 */
const OWN_KEYED: Record<string, number> = {
  'PUT /api/fx-rates/:fiscalYear/:currency': 200,
  // B's own fiscal year 2010 (ended, open): closed. 2011 is not closed: no restatement.
  'POST /api/accounting/years/:fiscalYear/close': 200,
  'POST /api/accounting/years/:fiscalYear/restatements': 409,
  'PATCH /api/reports/:fy': 200,
  'POST /api/reports/:fy/blocks': 201,
  'POST /api/reports/:fy/copy-blocks': 200,
  // B's own report of an open year: it cannot be published; unpublishing a draft leaves it a draft.
  'POST /api/reports/:fy/publish': 409,
  'POST /api/reports/:fy/unpublish': 200,
};

/** Reads keyed by a year, not an id: B's own year answers (200), and must show nothing of A. */
const OWN_KEYED_READS = (path: string) =>
  path.startsWith('/api/accounting/') || (path.startsWith('/api/reports/:fy') && !path.includes(':id'));

/** Query parameters some list routes require. */
const REQUIRED_QUERY: Record<string, string> = {
  '/api/volunteering/kpis': 'fiscalYear=2024',
  '/api/goals/yearly': 'fiscalYear=2024',
  '/api/goals/overview': 'fiscalYear=2024',
  '/api/reports/:fy/records': 'figure=expenses.total',
};

/** Organisation A's query-parameter ids, passed to list routes as filters. */
const queryId = (name: string) =>
  ({
    companyId: alpha.company,
    siteId: alpha.site,
    departmentId: alpha.department,
    employeeId: alpha.employee,
    entityId: alpha.employee,
    actorUserId: a.users.org_admin.id,
  })[name] ?? a.orgId;

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_, name: string) => params[name]);

/** Public by design: the API docs, and what the public class-request page offers (any organisation's code). */
const isStatic = (path: string) =>
  path.startsWith('/api/docs') || path === '/api/openapi.json' || path.startsWith('/api/public/');

/** A's ids and names in a response; the ids the request itself named (echoed in `instance`) do not count. */
function leaks(body: string, requested = ''): string[] {
  const found = aIds.filter((id) => body.includes(id) && !requested.includes(id));
  for (const word of ['tena', 'alpha', 'アルファ']) if (body.toLowerCase().includes(word)) found.push(word);
  return found;
}

describe('tenancy: organisation B sees nothing of organisation A', () => {
  it('collected organisation A’s ids from every table', () => {
    expect(aIds).toEqual(expect.arrayContaining(Object.values(alpha)));
    expect(aIds.length).toBeGreaterThan(30);
  });

  it('leaks nothing through any list or read route, with or without A’s ids as filters', async () => {
    const swagger = app.swagger() as {
      paths: Record<string, { get?: { parameters?: { in: string; name: string }[] } }>;
    };
    const routes = listRoutes(app).filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/') && !isStatic(r.path),
    );
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const problems: string[] = [];
    for (const { path } of routes) {
      const params = path.includes(':') ? ids(path) : {};
      if (!params) {
        problems.push(`GET ${path}: no id of organisation A for its parameters; add it to ids()`);
        continue;
      }
      const openApiPath = path.replace(/:(\w+)/g, '{$1}');
      const filters = (swagger.paths[openApiPath]?.get?.parameters ?? [])
        .filter((p) => p.in === 'query' && /Id$/.test(p.name))
        .map((p) => `${p.name}=${queryId(p.name)}`);
      const base = fill(path, params) + (REQUIRED_QUERY[path] ? `?${REQUIRED_QUERY[path]}` : '');
      const urls = [base, ...filters.map((f) => `${base}${base.includes('?') ? '&' : '?'}${f}`)];
      for (const url of urls) {
        const statuses: number[] = [];
        for (const [who, as] of [
          ['admin', bAdmin],
          ['auditor', bAuditor],
          ['CSR manager', bCsr],
        ] as const) {
          const res = await app.inject({
            method: 'GET',
            url: `${url}${url.includes('?') ? '&' : '?'}size=200`,
            headers: as.headers,
          });
          statuses.push(res.statusCode);
          const leaked = leaks(res.body, url);
          if (leaked.length) problems.push(`GET ${url} as B's ${who} shows A's ${leaked.join(', ')}`);
        }
        // A read of A's id must be 404 (403 when the role lacks the permission); a list must answer
        // someone, or refuse A's id given as a filter as unknown (404); the caller's own record may not exist.
        const filtered = url !== base;
        const expected = OWN_KEYED_READS(path)
          ? [200]
          : path.includes(':')
            ? [404]
            : filtered || path.startsWith('/api/me/')
              ? [200, 404]
              : [200];
        if (
          !statuses.some((st) => expected.includes(st)) ||
          statuses.some((st) => !expected.includes(st) && st !== 403)
        )
          problems.push(
            `GET ${url} as B's admin, auditor and CSR manager: ${statuses.join(', ')}, expected ${expected.join(' or ')}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers 404 to every change aimed at organisation A’s records, and changes nothing', async () => {
    const routes = listRoutes(app).filter(
      (r) => r.method !== 'GET' && r.path.includes(':') && r.path.startsWith('/api/'),
    );
    const before = await snapshot();
    const problems: string[] = [];
    for (const { method, path } of routes) {
      const params = ids(path);
      if (!params) {
        problems.push(`${method} ${path}: no id of organisation A for its parameters; add it to ids()`);
        continue;
      }
      // B's admin first; where that role lacks the permission (403), B's CSR manager, then B's finance.
      const body = bodyFor(`${method} ${path}`);
      let res = await change(method, fill(path, params), bAdmin, body);
      if (res.statusCode === 403) res = await change(method, fill(path, params), bCsr, body);
      if (res.statusCode === 403) res = await change(method, fill(path, params), bFinance, body);
      const expected = OWN_KEYED[`${method} ${path}`] ?? 404;
      if (res.statusCode !== expected) problems.push(`${method} ${path} as B: ${res.statusCode} ${res.body}`);
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to create records in B that point at A’s records', async () => {
    const attempts: [string, object][] = [
      ['/api/sites', { companyId: alpha.company, code: 'X1', nameJa: 'x', nameEn: 'x', timeZone: 'UTC' }],
      ['/api/departments', { companyId: alpha.company, code: 'X1', nameJa: 'x', nameEn: 'x' }],
      [
        '/api/departments',
        { companyId: b.companies.jp, parentId: alpha.department, code: 'X2', nameJa: 'x', nameEn: 'x' },
      ],
      [
        '/api/employees',
        {
          employeeNumber: 'X1',
          nameJa: 'x',
          nameEn: 'x',
          nameKana: 'x',
          email: 'x@tenb.test',
          companyId: b.companies.jp,
          siteId: alpha.site,
          hireDate: '2020-04-01',
        },
      ],
      ['/api/users', { email: 'x@tenb.test', employeeId: alpha.employee }],
      [
        `/api/users/${b.users.promoter.id}/grants`,
        { role: 'promoter', scopeType: 'site', siteId: alpha.site },
      ],
    ];
    for (const [url, payload] of attempts) {
      const res = await app.inject({ method: 'POST', url, headers: bAdmin.headers, payload });
      expect(`${url} ${res.statusCode} ${res.json().code}`).toMatch(/ 400 validation_failed$/);
      expect(leaks(res.body)).toEqual([]);
    }
  });
});

/** The body of a change; a restatement line names B's own company. */
function bodyFor(route: string): object | string | undefined {
  const body = BODIES[route];
  if (route !== 'POST /api/accounting/years/:fiscalYear/restatements') return body;
  const line = { ...(body as { lines: object[] }).lines[0], companyId: b.companies.jp };
  return { ...(body as object), lines: [line] };
}

/** A state-changing request; a string body is sent as CSV (the import routes). */
function change(method: string, url: string, as: Session, payload?: object | string) {
  const headers = typeof payload === 'string' ? { ...as.headers, 'content-type': 'text/csv' } : as.headers;
  return app.inject({ method: method as 'PATCH', url, headers, ...(payload ? { payload } : {}) });
}

/** Organisation A's rows, to prove that B's refused attempts changed nothing. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const name of [
    'group_companies',
    'sites',
    'departments',
    'employees',
    'users',
    'role_grants',
    'api_tokens',
    'opportunities',
    'opportunity_shifts',
    'signups',
    'volunteer_hour_logs',
    'volunteer_registrations',
    'volunteer_skills',
    'mail_outbox',
    'partners',
    'campaigns',
    'campaign_beneficiaries',
    'donations',
    'donation_events',
    'company_donations',
    'point_claims',
    'stored_files',
    'ledger_accounts',
    'ledger_postings',
    'ledger_entries',
    'payouts',
    'payout_lines',
    'fx_rates',
    ...PROGRAM_TABLES,
    ...ACCOUNTING_TABLES,
  ]) {
    const res = await database.db.execute(
      sql`select md5(coalesce(string_agg(to_jsonb(t)::text, ',' order by to_jsonb(t)::text), '')) as h from ${sql.identifier(name)} t where t.org_id = ${a.orgId}`,
    );
    parts.push(`${name}:${rowsOf<{ h: string }>(res)[0].h}`);
  }
  return parts.join(' ');
}
