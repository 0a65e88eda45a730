import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, ctxAs, signIn } from '../../test/factories.js';
import { closeYear } from '../accounting/closing.js';
import { insertGeneratedExpenses } from '../accounting/totals.test-support.js';
import { recordsWorld, type RecordsWorld } from '../programs/records.test-support.js';
import { programSessionAttendees, programSessionCounts, programSessions } from '../programs/records.table.js';
import { volunteerRegistrations } from '../volunteering/volunteering.table.js';
import { createBlock, listBlocks, updateBlock } from './blocks.service.js';
import { figureRecords, figureRefs, figureValue } from './drilldown.js';
import { missingTranslations, publishReport } from './publish.service.js';
import { reportDocument } from './report.document.js';
import { reportFigures } from './report.figures.js';
import { reportFiguresFor } from './reports.service.js';

// Fiscal year April 2023 – March 2024: start year 2023, report number 2024 (the test org's defaults).
const START = 2023;
const FY = 2024;

let database: Database;
let w: RecordsWorld;
let manager: Ctx;
let finance: Ctx;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  w = await recordsWorld(database, 'RPT');
  manager = w.manager;
  finance = await ctxAs(database, w.org, 'finance');
  const db = database.db;
  const orgId = w.org.orgId;
  await insertGeneratedExpenses(database, {
    orgId,
    companyIds: [w.org.companies.jp, w.org.companies.us],
    years: [2022, 2023],
    count: 60,
    seed: 6,
  });
  const [session] = await db
    .insert(programSessions)
    .values({
      orgId,
      programId: w.jpProgramId,
      externalRef: 'S-1',
      kind: 'class',
      titleJa: '出前授業',
      startsOn: '2023-06-10',
      endsOn: '2023-06-10',
      fiscalYear: START,
      employeeMinutes: 270,
    })
    .returning();
  await db.insert(programSessionCounts).values([
    { orgId, sessionId: session.id, participantKind: 'students', count: 40 },
    { orgId, sessionId: session.id, participantKind: 'organisations', count: 2 },
  ]);
  await db.insert(programSessionAttendees).values([
    { orgId, sessionId: session.id, employeeId: w.org.users.employee.employeeId },
    { orgId, sessionId: session.id, employeeId: w.org.users.promoter.employeeId },
  ]);
  await db.insert(volunteerRegistrations).values([
    { orgId, employeeId: w.org.users.employee.employeeId, joinedOn: '2023-05-01' },
    { orgId, employeeId: w.org.users.finance.employeeId, joinedOn: '2022-05-01' },
  ]);
  app = await buildTestApp(database);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('report figures', () => {
  it('assembles the year from the modules: expenses, volunteering, programs', async () => {
    const f = await reportFigures(manager, START);
    expect(f.fiscalYear).toBe(FY);
    expect(f.period).toMatchObject({
      start: '2023-04-01',
      end: '2024-03-31',
      labelJa: '2023年度',
      labelEn: 'fiscal 2024',
    });
    expect(f.expenses.totalJpy).toBeGreaterThan(0);
    expect(f.volunteering.newRegistrants).toBe(1);
    expect(f.volunteering.participants).toBe(2);
    const ses = f.programs.find((p) => p.code === 'SES');
    expect(ses?.figures.map((x) => [x.key, x.value])).toEqual(
      expect.arrayContaining([
        ['sessions', 1],
        ['participants', 40],
        ['employees', 2],
        ['employeeHours', 4.5],
      ]),
    );
    expect(f.programs.find((p) => p.code === 'US-TX')).toBeUndefined();
  });

  it('resolves every ref the figures emit, and each list adds up to its figure', async () => {
    const f = await reportFigures(manager, START);
    const refs = figureRefs(f);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const r = await figureRecords(manager, START, { figure: ref, page: 1, size: 5 });
      expect(r.figure).toBe(ref);
      expect(r.value, ref).toBe(figureValue(f, ref));
      expect(r.items.length).toBe(Math.min(5, r.total));
    }
  });

  it('answers not_found for a ref that names no figure', async () => {
    for (const figure of ['nope', 'expenses.type.gold', 'programs.NOPE.sessions', 'constructor.x'])
      await expect(figureRecords(manager, START, { figure, page: 1, size: 5 })).rejects.toMatchObject({
        code: 'not_found',
      });
  });
});

describe('closing, publishing and the public report', () => {
  it('refuses to publish an open year', async () => {
    await expect(publishReport(manager, START)).rejects.toMatchObject({ code: 'report_year_open' });
  });

  it('reads a closed year from its snapshot, and lists missing translations until they are written', async () => {
    const live = await reportFigures(manager, START);
    await closeYear(finance, START);
    const frozen = await reportFiguresFor(manager, START);
    expect(frozen.expenses).toEqual(live.expenses);
    expect(frozen.closedAt).not.toBeNull();
    const block = await createBlock(manager, START, { section: 'policy', titleJa: '方針', bodyJa: '本文' });
    const missing = await missingTranslations(manager, START);
    expect(missing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'block', id: block.id, field: 'title', missing: ['en'] }),
        expect.objectContaining({ kind: 'program', field: 'name', missing: ['en'] }),
      ]),
    );
    await expect(publishReport(manager, START)).rejects.toMatchObject({ code: 'translation_missing' });
    await updateBlock(manager, START, block.id, { titleEn: 'Policy', bodyEn: 'Body' });
    await database.db.execute(
      `update programs set name_en = 'Social entrepreneurs' where org_id = '${w.org.orgId}' and code = 'SES'`,
    );
    expect(await missingTranslations(manager, START)).toEqual([]);
    const state = await publishReport(manager, START);
    expect(state).toMatchObject({ fiscalYear: FY, status: 'published' });
    await expect(updateBlock(manager, START, block.id, { titleEn: null })).rejects.toMatchObject({
      code: 'translation_missing',
    });
    expect((await listBlocks(manager, START))[0].titleEn).toBe('Policy');
  });

  it('serves the published report without signing in, the same as the signed-in API', async () => {
    const pub = await app.inject({ method: 'GET', url: `/api/public/reports/RPT/${FY}?lang=en` });
    expect(pub.statusCode).toBe(200);
    const s = await signIn(app, w.org.users.csr_manager.email);
    const own = await app.inject({ method: 'GET', url: `/api/reports/${FY}?lang=en`, headers: s.headers });
    expect(own.statusCode).toBe(200);
    const a = pub.json();
    const b = own.json();
    expect(a.expenses).toEqual(b.expenses);
    expect(a.period.label).toBe('fiscal 2024');
    expect(a.blocks[0]).toMatchObject({ title: 'Policy', body: 'Body' });
    const draft = await app.inject({ method: 'GET', url: `/api/public/reports/RPT/${FY - 1}?lang=ja` });
    expect(draft.statusCode).toBe(404);
  });

  it('shows a closed year’s drill-down with its published value, and exports it as CSV', async () => {
    const s = await signIn(app, w.org.users.finance.email);
    const res = await app.inject({
      method: 'GET',
      url: `/api/reports/${FY}/records?figure=expenses.total&page=1&size=2`,
      headers: s.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.publishedValue).toBe(body.value);
    expect(body.items).toHaveLength(2);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/reports/${FY}/records?figure=expenses.total&format=csv&lang=ja`,
      headers: s.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF日付,会社')).toBe(true);
    expect(csv.body.trim().split('\r\n')).toHaveLength(body.total + 1);
  });

  it('lists the years, and keeps another organisation and unprivileged roles out', async () => {
    const s = await signIn(app, w.org.users.csr_manager.email);
    const list = await app.inject({ method: 'GET', url: '/api/reports', headers: s.headers });
    expect(list.statusCode).toBe(200);
    const year = list.json().items.find((y: { fiscalYear: number }) => y.fiscalYear === FY);
    expect(year).toMatchObject({
      startYear: START,
      status: 'published',
      closed: true,
      missingTranslations: 0,
    });
    const emp = await signIn(app, w.org.users.employee.email);
    const denied = await app.inject({ method: 'GET', url: `/api/reports/${FY}`, headers: emp.headers });
    expect(denied.statusCode).toBe(403);
    const other = await createTestOrg(database, 'RPX');
    const otherCtx = await ctxAs(database, other, 'csr_manager');
    const doc = await reportDocument(otherCtx, START, 'ja');
    expect(doc.blocks).toEqual([]);
    expect(doc.expenses.totalJpy).toBe(0);
  });
});

describe('moving blocks', () => {
  it('swaps a block with its neighbour in its section, numbering the section first; audited; for managers only', async () => {
    const s = await signIn(app, w.org.users.csr_manager.email);
    const fy = FY - 1;
    const add = async (titleEn: string, section = 'framework', position?: number) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/reports/${fy}/blocks`,
        headers: s.headers,
        payload: { section, titleJa: titleEn, titleEn, ...(position === undefined ? {} : { position }) },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const a = await add('A');
    const b = await add('B');
    const c = await add('C', 'framework', 1); // the same position as B, added later: after it
    await add('Elsewhere', 'policy');
    const titles = async () =>
      (await listBlocks(manager, START - 1)).filter((x) => x.section === 'framework').map((x) => x.titleEn);
    expect(await titles()).toEqual(['A', 'B', 'C']);
    const move = (id: string, direction: string, headers = s.headers) =>
      app.inject({
        method: 'POST',
        url: `/api/reports/${fy}/blocks/${id}/move`,
        headers,
        payload: { direction },
      });

    const up = await move(c, 'up');
    expect(up.statusCode, up.body).toBe(200);
    expect(
      up.json().items.map((x: { titleEn: string; position: number }) => [x.titleEn, x.position]),
    ).toEqual([
      ['A', 0],
      ['C', 1],
      ['B', 2],
    ]);
    expect(await titles()).toEqual(['A', 'C', 'B']);
    expect((await move(a, 'up')).json().items.map((x: { titleEn: string }) => x.titleEn)).toEqual([
      'A',
      'C',
      'B',
    ]);
    expect((await move(b, 'down')).statusCode).toBe(200);
    expect((await move(a, 'down')).statusCode).toBe(200);
    expect(await titles()).toEqual(['C', 'A', 'B']);

    const audit = await app.inject({
      method: 'GET',
      url: `/api/audit?entityType=report_block&action=move`,
      headers: (await signIn(app, w.org.users.auditor.email)).headers,
    });
    expect(audit.json().items.map((e: { entityId: string }) => e.entityId)).toEqual([a, c]);

    expect((await move(c, 'sideways')).statusCode).toBe(400);
    expect((await move('00000000-0000-4000-8000-000000000000', 'up')).statusCode).toBe(404);
    const employee = await signIn(app, w.org.users.employee.email);
    expect((await move(c, 'down', employee.headers)).statusCode).toBe(403);
    expect(await titles()).toEqual(['C', 'A', 'B']);
  });
});
