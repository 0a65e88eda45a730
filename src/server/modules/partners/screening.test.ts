import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/dates.js';
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
import { auditLog } from '../audit/audit.table.js';
import { storedFiles } from '../files/files.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { partners } from './partners.table.js';
import { listDue } from './screening.due.js';
import { decideScreening } from './screening.service.js';
import { partnerScreenings } from './screening.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let csr: Session;
let pm: Session;
let admin: Session;
let promoter: Session;
let guidelineId: string;
let criteria: Record<string, string>;

const call = (as: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

async function addPartner(code: string, extra: Partial<typeof partners.$inferInsert> = {}): Promise<string> {
  const [p] = await database.db
    .insert(partners)
    .values({ orgId: org.orgId, code, nameJa: `${code} 法人`, nameEn: `${code} NPO`, kind: 'npo', ...extra })
    .returning();
  return p.id;
}

const eligibleUntil = async (id: string) =>
  (await database.db.select().from(partners).where(eq(partners.id, id)))[0].eligibleUntil;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'SCREEN');
  app = await buildTestApp(database);
  csr = await signIn(app, org.users.csr_manager.email);
  pm = await signIn(app, org.users.program_manager.email);
  admin = await signIn(app, org.users.org_admin.email);
  promoter = await signIn(app, org.users.promoter.email);
  const draft = (
    await call(csr, 'POST', '/api/screening/guidelines', { titleJa: '選定ガイドライン', validityMonths: 24 })
  ).json();
  const g = (
    await call(csr, 'PUT', `/api/screening/guidelines/${draft.id}/criteria`, {
      items: [
        { code: 'ARTICLES', textJa: '定款', evidenceJa: '定款' },
        { code: 'ANTISOCIAL', textJa: '反社会的勢力でないことの確認', evidenceJa: '確認書' },
        { code: 'REPORT', textJa: '活動報告', required: false },
      ],
    })
  ).json();
  criteria = Object.fromEntries(g.criteria.map((c: { code: string; id: string }) => [c.code, c.id]));
  guidelineId = draft.id;
});

describe('screening a partner', () => {
  let partnerId: string;
  let screeningId: string;

  it('needs a published guideline before anyone can screen', async () => {
    partnerId = await addPartner('NEW-NPO');
    const res = await call(pm, 'POST', `/api/partners/${partnerId}/screenings`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('no_active_guideline');
    await call(csr, 'POST', `/api/screening/guidelines/${guidelineId}/publish`);
  });

  it('starts a draft against the active guideline, one at a time', async () => {
    const res = await call(pm, 'POST', `/api/partners/${partnerId}/screenings`);
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      status: 'draft',
      guidelineVersion: 1,
      answered: 0,
      criteriaCount: 3,
      canPass: false,
    });
    expect(s.items.map((i: { criterion: { code: string } }) => i.criterion.code)).toEqual([
      'ARTICLES',
      'ANTISOCIAL',
      'REPORT',
    ]);
    screeningId = s.id;
    const again = await call(csr, 'POST', `/api/partners/${partnerId}/screenings`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('screening_draft_exists');
  });

  it('refuses to pass until every required criterion is yes with evidence, naming each', async () => {
    await call(pm, 'PUT', `/api/screenings/${screeningId}/answers/${criteria.ARTICLES}`, { answer: 'yes' });
    await call(pm, 'PUT', `/api/screenings/${screeningId}/answers/${criteria.ANTISOCIAL}`, { answer: 'no' });
    const res = await call(pm, 'POST', `/api/screenings/${screeningId}/decide`, { result: 'passed' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('screening_incomplete');
    expect(res.json().fields).toEqual([
      expect.objectContaining({ path: 'answers.ARTICLES', code: 'evidence_required' }),
      expect.objectContaining({ path: 'answers.ANTISOCIAL', code: 'criterion_not_met' }),
    ]);
    expect(await eligibleUntil(partnerId)).toBeNull();
  });

  it('accepts a file as evidence only when it was uploaded as screening evidence', async () => {
    const file = async (purpose: string) =>
      (
        await database.db
          .insert(storedFiles)
          .values({
            orgId: org.orgId,
            uploadedBy: org.users.program_manager.id,
            purpose,
            name: 'kakunin.pdf',
            contentType: 'application/pdf',
            size: 9,
            sha256: 'x',
            content: Buffer.from('%PDF-1.4\n'),
          })
          .returning()
      )[0].id;
    const receipt = await file('claim_receipt');
    const bad = await call(pm, 'PUT', `/api/screenings/${screeningId}/answers/${criteria.ANTISOCIAL}`, {
      answer: 'yes',
      fileId: receipt,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'fileId', code: 'file_purpose' });
    const evidence = await file('screening_evidence');
    const ok = await call(pm, 'PUT', `/api/screenings/${screeningId}/answers/${criteria.ANTISOCIAL}`, {
      answer: 'yes',
      fileId: evidence,
      comment: '2025年度の確認書',
    });
    expect(ok.statusCode).toBe(200);
    const item = ok
      .json()
      .items.find((i: { criterion: { code: string } }) => i.criterion.code === 'ANTISOCIAL');
    expect(item).toMatchObject({
      met: true,
      answer: { answer: 'yes', file: { id: evidence, name: 'kakunin.pdf' } },
    });
  });

  it('passes with evidence: the partner is eligible until re-screening, in the same transaction', async () => {
    await call(pm, 'PUT', `/api/screenings/${screeningId}/answers/${criteria.ARTICLES}`, {
      answer: 'yes',
      evidence: '定款（2024年改定）を確認',
    });
    const res = await call(pm, 'POST', `/api/screenings/${screeningId}/decide`, {
      result: 'passed',
      notes: '問題なし',
    });
    expect(res.statusCode).toBe(200);
    const due = addMonths(ledgerToday(), 24);
    expect(res.json()).toMatchObject({
      status: 'passed',
      nextDueOn: due,
      decidedBy: { id: org.users.program_manager.id },
      notes: '問題なし',
    });
    expect(await eligibleUntil(partnerId)).toBe(due);
    const actions = await database.db
      .select({ action: auditLog.action, entityType: auditLog.entityType })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.action, 'partner.eligibility')));
    expect(actions).toHaveLength(1);
  });

  it('never changes a decided screening', async () => {
    const answer = await call(pm, 'PUT', `/api/screenings/${screeningId}/answers/${criteria.REPORT}`, {
      answer: 'na',
    });
    expect(answer.json().code).toBe('screening_decided');
    const decide = await call(pm, 'POST', `/api/screenings/${screeningId}/decide`, { result: 'failed' });
    expect(decide.json().code).toBe('screening_decided');
  });

  it('a failed re-screening ends the eligibility', async () => {
    const s = (await call(csr, 'POST', `/api/partners/${partnerId}/screenings`)).json();
    const res = await call(csr, 'POST', `/api/screenings/${s.id}/decide`, {
      result: 'failed',
      notes: '決算書未提出',
    });
    expect(res.json()).toMatchObject({ status: 'failed', nextDueOn: null });
    expect(await eligibleUntil(partnerId)).toBeNull();
    const list = (await call(promoter, 'GET', `/api/partners/${partnerId}/screenings`)).json();
    expect(list.items.map((i: { status: string }) => i.status)).toEqual(['failed', 'passed']);
  });

  it('decides once when two screeners decide at the same moment', async () => {
    const other = await addPartner('RACE');
    const s = (await call(pm, 'POST', `/api/partners/${other}/screenings`)).json();
    const [a, b] = [await ctxAs(database, org, 'program_manager'), await ctxAs(database, org, 'csr_manager')];
    const results = await Promise.allSettled([
      decideScreening(a, s.id, { result: 'failed', notes: null }),
      decideScreening(b, s.id, { result: 'failed', notes: null }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('screening_decided');
  });

  it('keeps screening to partners.screen: org admins and promoters cannot', async () => {
    const other = await addPartner('OTHER');
    expect((await call(admin, 'POST', `/api/partners/${other}/screenings`)).statusCode).toBe(403);
    expect((await call(promoter, 'POST', `/api/partners/${other}/screenings`)).statusCode).toBe(403);
    expect((await call(pm, 'POST', `/api/partners/${crypto.randomUUID()}/screenings`)).statusCode).toBe(404);
  });

  it('answers only criteria of the screening’s own guideline version', async () => {
    const other = await addPartner('V-CHECK');
    const s = (await call(pm, 'POST', `/api/partners/${other}/screenings`)).json();
    const res = await call(pm, 'PUT', `/api/screenings/${s.id}/answers/${crypto.randomUUID()}`, {
      answer: 'yes',
    });
    expect(res.statusCode).toBe(404);
    expect((await call(pm, 'DELETE', `/api/screenings/${s.id}`)).statusCode).toBe(204);
  });

  it('rejects a decided screening without a decider or a passed one without a due date (database checks)', async () => {
    const other = await addPartner('DB-CHECK');
    const [row] = await database.db
      .insert(partnerScreenings)
      .values({ orgId: org.orgId, partnerId: other, guidelineId, startedBy: org.users.csr_manager.id })
      .returning();
    await expect(
      database.db.update(partnerScreenings).set({ status: 'passed' }).where(eq(partnerScreenings.id, row.id)),
    ).rejects.toThrow();
    await expect(
      database.db
        .update(partnerScreenings)
        .set({ status: 'passed', decidedAt: new Date(), decidedBy: org.users.csr_manager.id })
        .where(eq(partnerScreenings.id, row.id)),
    ).rejects.toThrow();
    await expect(
      database.db
        .insert(partnerScreenings)
        .values({ orgId: org.orgId, partnerId: other, guidelineId, startedBy: org.users.csr_manager.id }),
    ).rejects.toThrow();
    await database.db.delete(partnerScreenings).where(eq(partnerScreenings.id, row.id));
  });
});

describe('the due list', () => {
  it('lists overdue first, then due soon, with the last decision; optionally the never screened', async () => {
    const today = ledgerToday();
    const late = await addPartner('LATE', { eligibleUntil: addMonths(today, -1) });
    const soon = await addPartner('SOON', { eligibleUntil: addMonths(today, 1) });
    await addPartner('LATER', { eligibleUntil: addMonths(today, 12) });
    await addPartner('GONE', { eligibleUntil: addMonths(today, -2), status: 'closed' });
    const never = await addPartner('NEVER');
    // A screening in progress shows so the card can continue it.
    const ctx = await ctxAs(database, org, 'program_manager');
    const draft = (await call(pm, 'POST', `/api/partners/${soon}/screenings`)).json();
    const res = await call(promoter, 'GET', '/api/screening/due?within=60');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(
      page.items.map((i: { partnerCode: string; state: string }) => `${i.partnerCode}:${i.state}`),
    ).toEqual(['LATE:overdue', 'SOON:due_soon']);
    expect(page).toMatchObject({ total: 2, overdue: 1, dueSoon: 1 });
    expect(page.items[0]).toMatchObject({ partnerId: late, daysLeft: expect.any(Number), draftId: null });
    expect(page.items[0].daysLeft).toBeLessThan(0);
    expect(page.items[1].draftId).toBe(draft.id);
    const withNever = await listDue(ctx, { within: 60, unscreened: true, page: 1, size: 50 });
    const codes = withNever.items.map((i) => i.partnerCode);
    expect(codes).toContain('NEVER');
    expect(codes).not.toContain('NEW-NPO'); // screened and failed: not "never screened"
    expect(withNever.items.find((i) => i.partnerId === never)?.state).toBe('never_screened');
  });

  it('moves a partner off the list once it passes again', async () => {
    const ctx = await ctxAs(database, org, 'csr_manager');
    const [late] = await database.db.select().from(partners).where(eq(partners.code, 'LATE'));
    const s = (await call(csr, 'POST', `/api/partners/${late.id}/screenings`)).json();
    for (const code of ['ARTICLES', 'ANTISOCIAL'])
      await call(csr, 'PUT', `/api/screenings/${s.id}/answers/${criteria[code]}`, {
        answer: 'yes',
        evidence: '確認済',
      });
    await decideScreening(ctx, s.id, { result: 'passed', notes: null }, '2026-01-31');
    expect(await eligibleUntil(late.id)).toBe('2028-01-31');
    const page = await listDue(ctx, { within: 60, unscreened: false, page: 1, size: 50 }, '2026-02-01');
    expect(page.items.map((i) => i.partnerCode)).not.toContain('LATE');
    const count = await database.db.execute(
      sql`select count(*) as n from partner_screenings where partner_id = ${late.id}`,
    );
    expect(Number((count as unknown as { rows: { n: number }[] }).rows[0].n)).toBe(1);
  });
});

describe('addMonths', () => {
  it('keeps the day inside shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 24)).toBe('2027-12-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });
});
