import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { PDF } from '../points/claims.fixtures.js';
import { metrics, yearlyGoals } from './goals.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let other: TestOrg;
let csr: Session;
let pm: Session;
let employee: Session;
let otherCsr: Session;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (as: Session, method: Method, url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
const fieldsOf = (res: { json: () => { fields?: { path: string; code: string }[] } }) =>
  (res.json().fields ?? []).map((f) => `${f.path}:${f.code}`).sort();

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'GOALS');
  other = await createTestOrg(database, 'GOALX');
  app = await buildTestApp(database);
  csr = await signIn(app, org.users.csr_manager.email);
  pm = await signIn(app, org.users.program_manager.email);
  employee = await signIn(app, org.users.employee.email);
  otherCsr = await signIn(app, other.users.csr_manager.email);
});

describe('metrics', () => {
  it('lists every binding with its parameters', async () => {
    const res = await call(pm, 'GET', '/api/goals/bindings');
    expect(res.statusCode).toBe(200);
    const byKey = new Map(res.json().map((b: { key: string }) => [b.key, b]));
    expect([...byKey.keys()]).toEqual(
      expect.arrayContaining([
        'volunteering.new_registrants',
        'volunteering.registrants',
        'volunteering.participants',
        'volunteering.participants_change',
        'volunteering.hours',
        'expenses.total',
        'certifications.certified',
        'programs.graduates',
        'programs.participants',
        'programs.sessions',
        'drives.total_jpy',
        'partners.comprehensive_agreements',
      ]),
    );
    expect(byKey.get('volunteering.registrants')).toMatchObject({
      params: [{ name: 'since', format: 'date' }],
      scoped: true,
    });
    expect(byKey.get('programs.graduates')).toMatchObject({
      params: [{ name: 'programCode', format: 'code' }],
      scoped: false,
    });
  });

  it('creates a bound metric named after its binding, audited', async () => {
    const res = await call(csr, 'POST', '/api/goals/metrics', {
      code: 'REG',
      kind: 'bound',
      binding: 'volunteering.registrants',
      params: { since: '2021-04-01' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'REG',
      nameJa: '登録者数（起算日から）',
      unitEn: 'people',
      values: [],
    });
    const logs = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.entityType, 'metric')));
    expect(logs.map((l) => l.action)).toContain('metric.create');
  });

  it('refuses a bad binding, parameters or scope with field errors, and creates nothing', async () => {
    const post = (body: object) =>
      call(csr, 'POST', '/api/goals/metrics', { code: 'BAD', kind: 'bound', ...body });
    expect(fieldsOf(await post({ binding: 'nope' }))).toEqual(['binding:invalid_value']);
    expect(fieldsOf(await post({}))).toEqual(['binding:required']);
    expect(fieldsOf(await post({ binding: 'volunteering.registrants', params: {} }))).toEqual([
      'params.since:required',
    ]);
    expect(
      fieldsOf(await post({ binding: 'volunteering.registrants', params: { since: 'x', more: 1 } })),
    ).toEqual(['params.more:invalid_value', 'params.since:invalid_format']);
    expect(fieldsOf(await post({ binding: 'programs.graduates', params: { programCode: 'NONE' } }))).toEqual([
      'params.programCode:unknown_program',
    ]);
    expect(
      fieldsOf(await post({ binding: 'certifications.certified', params: { certificationCode: 'NONE' } })),
    ).toEqual(['params.certificationCode:unknown_certification']);
    expect(fieldsOf(await post({ binding: 'expenses.total', scopeCompanyId: org.companies.jp }))).toEqual([
      'scopeCompanyId:invalid_value',
    ]);
    expect(
      fieldsOf(await post({ binding: 'volunteering.hours', scopeCompanyId: other.companies.jp })),
    ).toEqual(['scopeCompanyId:not_found']);
    expect(fieldsOf(await post({ kind: 'manual', binding: 'expenses.total' }))).toEqual([
      'binding:invalid_value',
      'nameJa:required',
    ]);
    const rows = await database.db
      .select()
      .from(metrics)
      .where(and(eq(metrics.orgId, org.orgId), eq(metrics.code, 'BAD')));
    expect(rows).toEqual([]);
  });

  it('refuses a duplicate code and the roles that only read', async () => {
    const body = { code: 'REG', kind: 'bound', binding: 'volunteering.hours' };
    expect((await call(csr, 'POST', '/api/goals/metrics', body)).json()).toMatchObject({ code: 'duplicate' });
    expect((await call(pm, 'POST', '/api/goals/metrics', { ...body, code: 'PM' })).statusCode).toBe(403);
    expect((await call(employee, 'GET', '/api/goals/metrics')).statusCode).toBe(403);
    expect((await call(pm, 'GET', '/api/goals/metrics')).json().total).toBe(1);
  });

  it('takes manual values with evidence (text or a metric_evidence file), never for a bound metric', async () => {
    const created = await call(csr, 'POST', '/api/goals/metrics', {
      code: 'CO2',
      kind: 'manual',
      nameEn: 'CO2 saved',
      unitEn: 't',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const noEvidence = await call(csr, 'PUT', `/api/goals/metrics/${id}/values/2023`, { value: 12.5 });
    expect(fieldsOf(noEvidence)).toEqual(['evidenceJa:evidence_required']);
    const upload = await app.inject({
      method: 'POST',
      url: '/api/files?name=audit.pdf&purpose=metric_evidence',
      headers: { ...csr.headers, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(upload.statusCode).toBe(201);
    const put = await call(csr, 'PUT', `/api/goals/metrics/${id}/values/2023`, {
      value: 12.5,
      fileId: upload.json().id,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().values).toEqual([
      expect.objectContaining({
        fiscalYear: 2023,
        value: 12.5,
        file: { id: upload.json().id, name: 'audit.pdf' },
      }),
    ]);
    const again = await call(csr, 'PUT', `/api/goals/metrics/${id}/values/2023`, {
      value: 13,
      evidenceJa: '監査',
    });
    expect(again.json().values).toEqual([
      expect.objectContaining({ value: 13, evidenceJa: '監査', file: null }),
    ]);
    const [reg] = (await call(pm, 'GET', '/api/goals/metrics?kind=bound')).json().items;
    const bound = await call(csr, 'PUT', `/api/goals/metrics/${reg.id}/values/2023`, {
      value: 1,
      evidenceEn: 'typed',
    });
    expect(bound.statusCode).toBe(409);
    expect(bound.json().code).toBe('metric_bound');
    expect((await call(csr, 'DELETE', `/api/goals/metrics/${id}/values/2023`)).json().values).toEqual([]);
    expect((await call(csr, 'DELETE', `/api/goals/metrics/${id}/values/2023`)).statusCode).toBe(404);
  });

  it('changes a binding’s parameters but not its kind', async () => {
    const [reg] = (await call(pm, 'GET', '/api/goals/metrics?kind=bound')).json().items;
    const res = await call(csr, 'PATCH', `/api/goals/metrics/${reg.id}`, { params: { since: '2022-04-01' } });
    expect(res.json().params).toEqual({ since: '2022-04-01' });
    expect((await call(csr, 'PATCH', `/api/goals/metrics/${reg.id}`, { kind: 'manual' })).statusCode).toBe(
      400,
    );
  });
});

describe('targets, yearly goals and progress', () => {
  let regId: string;
  let targetId: string;

  beforeAll(async () => {
    regId = (await call(pm, 'GET', '/api/goals/metrics?kind=bound')).json().items[0].id;
  });

  it('sets a target and checks its rules', async () => {
    const bad = await call(csr, 'POST', '/api/goals/targets', {
      code: 'T1',
      periodStart: '2026-03-31',
      periodEnd: '2021-04-01',
      metricId: regId,
    });
    expect(fieldsOf(bad)).toEqual([
      'periodEnd:ends_before_start',
      'targetValue:required',
      'titleJa:required',
    ]);
    const res = await call(csr, 'POST', '/api/goals/targets', {
      code: 'T1',
      titleJa: '新規登録者 10,000人',
      titleEn: '10,000 new registrants',
      periodStart: '2021-04-01',
      periodEnd: '2026-03-31',
      metricId: regId,
      targetValue: 10000,
      materiality: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      materiality: true,
      targetValue: 10000,
      metric: { code: 'REG', bound: true },
      progress: [],
    });
    targetId = res.json().id;
    expect((await call(pm, 'GET', '/api/goals/targets?fiscalYear=2023')).json().total).toBe(1);
    expect((await call(pm, 'GET', '/api/goals/targets?fiscalYear=2019')).json().total).toBe(0);
  });

  it('sets yearly goals, choosing the comparison from what is given', async () => {
    const measured = await call(csr, 'POST', '/api/goals/yearly', {
      fiscalYear: 2023,
      targetId,
      textJa: '新規登録者 1,200人',
      textEn: '1,200 new registrants',
      metricId: regId,
      goalValue: 1200,
    });
    expect(measured.json()).toMatchObject({ comparison: 'at_least', goalValue: 1200 });
    const words = await call(csr, 'POST', '/api/goals/yearly', {
      fiscalYear: 2023,
      textEn: 'Keep talking',
      position: 1,
    });
    expect(words.json()).toMatchObject({ comparison: 'none', metricId: null });
    const bad = await call(csr, 'POST', '/api/goals/yearly', {
      fiscalYear: 2023,
      textEn: 'x',
      comparison: 'at_most',
    });
    expect(fieldsOf(bad)).toEqual(['goalValue:required', 'metricId:required']);
    const list = await call(pm, 'GET', '/api/goals/yearly?fiscalYear=2023');
    expect(list.json().items.map((g: { textEn: string }) => g.textEn)).toEqual([
      '1,200 new registrants',
      'Keep talking',
    ]);
    const patched = await call(csr, 'PATCH', `/api/goals/yearly/${words.json().id}`, {
      textJa: '対話を続ける',
    });
    expect(patched.json()).toMatchObject({ textJa: '対話を続ける', textEn: 'Keep talking' });
    expect((await call(csr, 'DELETE', `/api/goals/yearly/${words.json().id}`)).statusCode).toBe(204);
  });

  it('writes progress texts for a year of the period, and clears them', async () => {
    const url = `/api/goals/targets/${targetId}/progress/2023`;
    const res = await call(csr, 'PUT', url, {
      progressJa: '順調',
      progressEn: 'On course',
      issuesEn: 'Reach',
    });
    expect(res.json().progress).toEqual([
      expect.objectContaining({
        fiscalYear: 2023,
        progressJa: '順調',
        issuesEn: 'Reach',
        achievementsJa: null,
      }),
    ]);
    const outside = await call(csr, 'PUT', `/api/goals/targets/${targetId}/progress/2019`, {
      progressEn: 'x',
    });
    expect(fieldsOf(outside)).toEqual(['fiscalYear:invalid_fiscal_year']);
    expect((await call(csr, 'PUT', url, {})).json().progress).toEqual([]);
    await call(csr, 'PUT', url, { progressJa: '順調', progressEn: 'On course' });
  });

  it('answers the year’s overview with labels, lines and progress', async () => {
    const res = await call(pm, 'GET', '/api/goals/overview?fiscalYear=2023');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ fiscalYear: 2023, labelJa: '2023年度', labelEn: 'fiscal 2024' });
    expect(body.goals.map((g: { kind: string; status: string }) => [g.kind, g.status])).toEqual([
      ['target', 'behind'],
      ['yearly', 'not_achieved'],
    ]);
    expect(body.progress).toEqual([expect.objectContaining({ targetId, progressEn: 'On course' })]);
  });

  it('keeps organisations apart', async () => {
    expect((await call(otherCsr, 'GET', `/api/goals/targets/${targetId}`)).statusCode).toBe(404);
    expect((await call(otherCsr, 'PATCH', `/api/goals/metrics/${regId}`, { nameEn: 'x' })).statusCode).toBe(
      404,
    );
    const foreign = await call(otherCsr, 'POST', '/api/goals/targets', {
      code: 'T1',
      titleEn: 'x',
      periodStart: '2021-04-01',
      periodEnd: '2022-03-31',
      metricId: regId,
      targetValue: 1,
    });
    expect(fieldsOf(foreign)).toEqual(['metricId:not_found']);
    expect((await call(otherCsr, 'GET', '/api/goals/overview?fiscalYear=2023')).json().goals).toEqual([]);
  });

  it('deletes a target with its yearly goals', async () => {
    expect((await call(csr, 'DELETE', `/api/goals/targets/${targetId}`)).statusCode).toBe(204);
    const left = await database.db.select().from(yearlyGoals).where(eq(yearlyGoals.orgId, org.orgId));
    expect(left).toEqual([]);
    expect((await call(pm, 'GET', `/api/goals/targets/${targetId}`)).statusCode).toBe(404);
  });
});
