import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  type TestOrg,
} from '../../test/factories.js';
import { closeYear } from '../accounting/closing.js';
import { insertGeneratedExpenses } from '../accounting/totals.test-support.js';
import { createBlock } from './blocks.service.js';
import { publishReport } from './publish.service.js';

// April 2023 – March 2024: start year 2023, report number 2024 (the test org's conventions).
const START = 2023;
const FY = 2024;
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let reader: Session;
let employee: Session;
const webDist = mkdtempSync(join(tmpdir(), 'kyosei-web-'));

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'RPG');
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>spa</title>');
  app = await buildTestApp(database, { KYOSEI_WEB_DIST: webDist });
  await insertGeneratedExpenses(database, {
    orgId: org.orgId,
    companyIds: [org.companies.jp, org.companies.us],
    years: [2022, START],
    count: 40,
    seed: 61,
  });
  const manager = await ctxAs(database, org, 'csr_manager');
  await createBlock(manager, START, {
    section: 'policy',
    titleJa: '取り組み方針',
    titleEn: 'Our policy',
    bodyJa: '地域とともに歩みます。',
    bodyEn: 'We work with local communities.',
  });
  reader = await signIn(app, org.users.csr_manager.email);
  employee = await signIn(app, org.users.employee.email);
});
afterAll(async () => {
  await app.close();
  rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, session?: Session) =>
  app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });

describe('the report page and its exports', () => {
  it('keeps a draft from the public and from readers without reports.read, with a 404 page', async () => {
    for (const session of [undefined, employee]) {
      const res = await get(`/report/en/${FY}`, session);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Report not found');
    }
    expect((await get(`/report/fr/${FY}`)).statusCode).toBe(404);
    expect((await get('/report/ja/abcd')).body).toContain('報告書が見つかりません');
    const exported = await get(`/api/public/reports/RPG/${FY}/export.csv?lang=en`);
    expect(exported.statusCode).toBe(404);
    expect((await get(`/api/reports/${FY}/export.csv`, employee)).statusCode).toBe(403);
  });

  it('shows a reader the draft under a banner, with drill-down links on the figures', async () => {
    const res = await get(`/report/ja/${FY}`, reader);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('<html lang="ja">');
    expect(res.body).toContain('下書き：この報告書はまだ公開されていません');
    expect(res.body).toContain(`href="/reports/${FY}/records?figure=expenses.total"`);
    expect(res.body).toContain(`href="/report/en/${FY}"`);
    expect(res.body).toContain('地域とともに歩みます。');
    expect(res.body).not.toContain('We work with local communities.');
  });

  it('exports the same document as the API, and CSV, XLSX and the zip bundle', async () => {
    const api = (await get(`/api/reports/${FY}?lang=en`, reader)).json();
    const json = await get(`/api/reports/${FY}/export.json?lang=en`, reader);
    expect(json.headers['content-disposition']).toBe(`attachment; filename="report-RPG-${FY}-en.json"`);
    const { computedAt: _a, ...exported } = json.json();
    const { computedAt: _b, ...expected } = api;
    expect(exported).toEqual(expected);
    const csv = await get(`/api/reports/${FY}/export.csv?lang=ja`, reader);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\uFEFFsection,ref,label,value,unit')).toBe(true);
    expect(csv.body).toContain(`expenses,expenses.total,合計,${api.expenses.totalJpy},円`);
    const xlsx = await get(`/api/reports/${FY}/export.xlsx?lang=en`, reader);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const zip = unzipSync(new Uint8Array((await get(`/api/reports/${FY}/export.zip`, reader)).rawPayload));
    expect(Object.keys(zip).sort()).toEqual(['en/index.html', 'ja/index.html', 'style.css']);
    expect(CJK.test(strFromU8(zip['en/index.html']))).toBe(false);
  });

  it('once published, serves the page and its exports to anyone, in the asked language only', async () => {
    await closeYear(await ctxAs(database, org, 'finance'), START);
    await publishReport(await ctxAs(database, org, 'csr_manager'), START);
    const doc = (await get(`/api/public/reports/RPG/${FY}?lang=en`)).json();
    const en = await get(`/report/en/${FY}`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body).not.toContain('figure=');
    expect(en.body).not.toContain('class="draft"');
    expect(CJK.exec(en.body)?.[0]).toBeUndefined();
    expect(en.body).toContain(
      `In fiscal 2024, total corporate citizenship activity expenses for the RPG Group were approximately`,
    );
    for (const y of doc.expenses.trend) expect(en.body).toContain(y.labelEn);
    const ja = await get(`/report/ja/${FY}?org=RPG`);
    expect(ja.body).toContain('2023年度のRPG グループ全体の企業市民活動支出額は、総額約');
    expect(ja.body).toContain(`href="/report/en/${FY}?org=RPG"`);
    expect((await get(`/report/ja/${FY}?org=NOPE`)).statusCode).toBe(404);
    const pdf = await get(`/api/public/reports/RPG/${FY}/export.pdf?lang=ja`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);
  }, 60_000);

  it('is served by the report route, not the web app’s fallback', async () => {
    expect((await get(`/report/en/${FY}`)).body).toContain('<html lang="en">');
    expect((await get('/reports')).body).toContain('<title>spa</title>');
  });
});
