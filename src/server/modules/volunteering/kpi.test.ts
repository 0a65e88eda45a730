import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  ctxAs,
  type Session,
  signIn,
  TEST_PASSWORD,
  type TestOrg,
} from '../../test/factories.js';
import { createUser } from '../auth/users.service.js';
import { buildKpiDataset } from './kpi.fixtures.js';
import type { VolunteeringKpis } from './kpi.schema.js';
import { volunteeringKpis } from './kpi.service.js';

// Fiscal year 2023 = 2023-04-01 .. 2024-03-31 (ja 2023年度, en "fiscal 2024"); the year before is 2022.
// Every expected figure below is counted by hand from the records of kpi.fixtures.ts.
let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ org } = await buildKpiDataset(database));
  app = await buildTestApp(database);
  admin = await signIn(app, org.users.org_admin.email);
});

type Call = { query: string; as?: Session };
async function kpis({ query, as = admin }: Call) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/volunteering/kpis?${query}`,
    headers: as.headers,
  });
  return { status: res.statusCode, body: res.json() };
}
const figures = ({
  newRegistrants,
  registrantsSince,
  registeredTotal,
  participants,
  participations,
  hours,
}: VolunteeringKpis['previous']) => ({
  newRegistrants,
  registrantsSince,
  registeredTotal,
  participants,
  participations,
  hours,
});

describe('volunteering KPIs of the whole group', () => {
  let body: VolunteeringKpis;
  beforeAll(async () => {
    const res = await kpis({ query: 'fiscalYear=2023' });
    expect(res.status).toBe(200);
    body = res.body;
  });

  it('names the year and its range with the organisation’s label conventions', () => {
    expect(body).toMatchObject({
      fiscalYear: 2023,
      labelJa: '2023年度',
      labelEn: 'fiscal 2024',
      start: '2023-04-01',
      end: '2024-03-31',
      since: '2021-04-01',
      scope: { level: 'group', companyId: null, siteId: null, nameEn: 'KPI Group' },
    });
    expect(body.previous).toMatchObject({ fiscalYear: 2022, labelJa: '2022年度', labelEn: 'fiscal 2023' });
  });

  it('counts registrants on the first and last day, since the default date, and not those who left', () => {
    // new: a1 (first day), a2 (last day); since 2021-04-01: a1, a2, b, u1, u2; registered: a1, a2, b, u2.
    expect(figures(body)).toMatchObject({ newRegistrants: 2, registrantsSince: 5, registeredTotal: 4 });
  });

  it('counts attended shifts by the local start date and approved logs only, each person once', () => {
    // a1: s1 120 (23:30 Tokyo on the last day), s3 60 (00:00 Tokyo on the first day), log 30;
    // u1: s5 180, s6 30 (22:00 Chicago on the last day), log 15; b: s7 45; u2: log 60 on the last day.
    expect(figures(body)).toMatchObject({ participants: 4, participations: 8, hours: 9 });
  });

  it('gives the same figures for the year before', () => {
    // registered: b (last day), u1; since: b, u1, u2; at its end: b, u1, u2, a4.
    // participation: u2 s4 240, b log 15, a2 log 50 = 305 minutes.
    expect(figures(body.previous)).toEqual({
      newRegistrants: 2,
      registrantsSince: 3,
      registeredTotal: 4,
      participants: 3,
      participations: 3,
      hours: 5.08,
    });
  });

  it('splits by field: registrants by interest, participation by the activity’s field', () => {
    expect(body.byField).toEqual([
      {
        field: 'education_culture_sports',
        newRegistrants: 0,
        registrantsSince: 1,
        registeredTotal: 0,
        participants: 1,
        participations: 1,
        hours: 0.75,
      },
      {
        field: 'welfare_diversity',
        newRegistrants: 1,
        registrantsSince: 1,
        registeredTotal: 1,
        participants: 1,
        participations: 1,
        hours: 1,
      },
      {
        field: 'environment',
        newRegistrants: 1,
        registrantsSince: 2,
        registeredTotal: 2,
        participants: 2,
        participations: 4,
        hours: 3.75,
      },
      {
        field: 'regional',
        newRegistrants: 1,
        registrantsSince: 1,
        registeredTotal: 1,
        participants: 1,
        participations: 2,
        hours: 3.5,
      },
    ]);
  });

  it('splits by the employee’s company, every company listed', () => {
    expect(body.byCompany).toEqual([
      {
        companyId: org.companies.jp,
        companyCode: 'JP01',
        nameJa: 'KPI 日本',
        nameEn: 'KPI Japan',
        newRegistrants: 2,
        registrantsSince: 3,
        registeredTotal: 3,
        participants: 2,
        participations: 4,
        hours: 4.25,
      },
      {
        companyId: org.companies.us,
        companyCode: 'US01',
        nameJa: 'KPI 米国',
        nameEn: 'KPI America',
        newRegistrants: 0,
        registrantsSince: 2,
        registeredTotal: 1,
        participants: 2,
        participations: 4,
        hours: 4.75,
      },
    ]);
  });

  it('counts registrants since a given day', async () => {
    const res = await kpis({ query: 'fiscalYear=2023&since=2023-01-01' });
    expect(res.body.since).toBe('2023-01-01');
    expect(res.body.registrantsSince).toBe(3);
    expect(res.body.previous.registrantsSince).toBe(1);
  });

  it('answers zeros for a year without records', async () => {
    const res = await kpis({ query: 'fiscalYear=2010' });
    expect(figures(res.body)).toEqual({
      newRegistrants: 0,
      registrantsSince: 0,
      registeredTotal: 0,
      participants: 0,
      participations: 0,
      hours: 0,
    });
    expect(res.body.byCompany).toHaveLength(2);
    expect(res.body.byField.map((f: { participants: number }) => f.participants)).toEqual([0, 0, 0, 0]);
  });
});

describe('volunteering KPIs of a company or a site', () => {
  it('counts a company’s employees only', async () => {
    const res = await kpis({ query: `fiscalYear=2023&companyId=${org.companies.us}` });
    expect(res.status).toBe(200);
    expect(res.body.scope).toMatchObject({ level: 'company', companyCode: 'US01', nameEn: 'KPI America' });
    expect(figures(res.body)).toEqual({
      newRegistrants: 0,
      registrantsSince: 2,
      registeredTotal: 1,
      participants: 2,
      participations: 4,
      hours: 4.75,
    });
    expect(figures(res.body.previous)).toEqual({
      newRegistrants: 1,
      registrantsSince: 2,
      registeredTotal: 2,
      participants: 1,
      participations: 1,
      hours: 4,
    });
    expect(res.body.byCompany.map((c: { companyCode: string }) => c.companyCode)).toEqual(['US01']);
  });

  it('counts a site’s employees only', async () => {
    const res = await kpis({ query: `fiscalYear=2023&siteId=${org.sites.tokyo}` });
    expect(res.body.scope).toMatchObject({ level: 'site', siteCode: 'TKY', companyCode: 'JP01' });
    // a1, a2 joined in the year (a4 left on its last day); a1 took part three times (b has no site).
    expect(figures(res.body)).toEqual({
      newRegistrants: 2,
      registrantsSince: 2,
      registeredTotal: 2,
      participants: 1,
      participations: 3,
      hours: 3.5,
    });
    expect(figures(res.body.previous)).toMatchObject({ registeredTotal: 1, participants: 1, hours: 0.83 });
  });

  it('is the same through the service in another language', async () => {
    const ctx = await ctxAs(database, org, 'auditor', 'ja');
    const direct = await volunteeringKpis(ctx, { fiscalYear: 2023, companyId: org.companies.us });
    expect(direct.participants).toBe(2);
    expect(direct.labelJa).toBe('2023年度');
  });
});

describe('who may read which scope', () => {
  let jpManager: Session;
  let tokyoPromoter: Session;
  beforeAll(async () => {
    const sys = systemCtx(database.db, org.orgId);
    await createUser(sys, {
      email: 'jp-csr@kpi.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'csr_manager', scopeType: 'company', companyId: org.companies.jp }],
    });
    await createUser(sys, {
      email: 'tky-promoter@kpi.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'promoter', scopeType: 'site', siteId: org.sites.tokyo }],
    });
    jpManager = await signIn(app, 'jp-csr@kpi.test');
    tokyoPromoter = await signIn(app, 'tky-promoter@kpi.test');
  });

  it('gives a company grant its company by default, and its sites', async () => {
    const own = await kpis({ query: 'fiscalYear=2023', as: jpManager });
    expect(own.status).toBe(200);
    expect(own.body.scope).toMatchObject({ level: 'company', companyId: org.companies.jp });
    expect(own.body.participants).toBe(2);
    const site = await kpis({ query: `fiscalYear=2023&siteId=${org.sites.tokyo}`, as: jpManager });
    expect(site.status).toBe(200);
  });

  it('refuses a company grant another company, its sites and the group', async () => {
    for (const query of [`companyId=${org.companies.us}`, `siteId=${org.sites.texas}`]) {
      const res = await kpis({ query: `fiscalYear=2023&${query}`, as: jpManager });
      expect(res.status, query).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
  });

  it('gives a site grant its site only', async () => {
    const own = await kpis({ query: 'fiscalYear=2023', as: tokyoPromoter });
    expect(own.body.scope).toMatchObject({ level: 'site', siteId: org.sites.tokyo });
    const company = await kpis({ query: `fiscalYear=2023&companyId=${org.companies.jp}`, as: tokyoPromoter });
    expect(company.status).toBe(403);
  });

  it('lets auditors read and refuses employees', async () => {
    const auditor = await signIn(app, org.users.auditor.email);
    expect((await kpis({ query: 'fiscalYear=2023', as: auditor })).status).toBe(200);
    const employee = await signIn(app, org.users.employee.email);
    expect((await kpis({ query: 'fiscalYear=2023', as: employee })).status).toBe(403);
  });

  it('validates the query', async () => {
    expect((await kpis({ query: '' })).status).toBe(400);
    expect((await kpis({ query: 'fiscalYear=2023&since=2023-02-30' })).status).toBe(400);
    const unknown = await kpis({ query: `fiscalYear=2023&companyId=${crypto.randomUUID()}` });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
    const mismatch = await kpis({
      query: `fiscalYear=2023&companyId=${org.companies.jp}&siteId=${org.sites.texas}`,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.fields).toMatchObject([{ path: 'siteId', code: 'site_outside_company' }]);
  });
});
