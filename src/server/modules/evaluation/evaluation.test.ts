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
import { ledgerToday } from '../ledger/ledger.values.js';
import { latestReview } from './evaluation.view.js';
import { programReviews } from './evaluation.table.js';
import { companyProgramManager, insertProgram, insertSession } from './evaluation.test-support.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;
let manager: Session;
let auditor: Session;
let scoped: Session;
let programId: string;
let usProgramId: string;
const criteria: string[] = [];
const fy = 2024;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (as: Session, method: Method, url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'EVAL');
  app = await buildTestApp(database);
  admin = await signIn(app, org.users.org_admin.email);
  manager = await signIn(app, org.users.program_manager.email);
  auditor = await signIn(app, org.users.auditor.email);
  scoped = await companyProgramManager(app, database, org, org.companies.us);
  programId = (await insertProgram(database, org, 'SES', org.companies.jp)).id;
  usProgramId = (await insertProgram(database, org, 'US-TX', org.companies.us)).id;
  await insertSession(database, org, programId, {
    ref: 'S1',
    on: '2024-06-10',
    fiscalYear: fy,
    counts: { students: 70, employees: 2 },
    employeeIds: [org.users.employee.employeeId, org.users.promoter.employeeId],
  });
  // Two employees for 2 h 15 min each.
  await database.db.execute(
    sql`update program_sessions set employee_minutes = 270 where program_id = ${programId} and external_ref = 'S1'`,
  );
});

describe('evaluation criteria', () => {
  it('are added in order by those who manage evaluations, audited', async () => {
    for (const [code, nameJa, nameEn] of [
      ['impact', '社会的インパクト', 'Social impact'],
      ['materiality', 'マテリアリティとの整合', 'Alignment with materiality'],
      ['cost', '費用対効果', 'Cost efficiency'],
    ]) {
      const res = await call(admin, 'POST', '/api/evaluation/criteria', { code, nameJa, nameEn });
      expect(res.statusCode).toBe(201);
      criteria.push(res.json().id);
    }
    const list = (await call(manager, 'GET', '/api/evaluation/criteria')).json().items;
    expect(list.map((c: { code: string }) => c.code)).toEqual(['impact', 'materiality', 'cost']);
    expect(list.map((c: { position: number }) => c.position)).toEqual([0, 1, 2]);
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'evaluation_criterion'), eq(auditLog.entityId, criteria[0])));
    expect(entries[0].action).toBe('evaluation_criterion.create');
  });

  it('refuses a duplicate code, a criterion without a name and a program manager', async () => {
    const dup = await call(admin, 'POST', '/api/evaluation/criteria', { code: 'impact', nameEn: 'Again' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toEqual([expect.objectContaining({ path: 'code', code: 'duplicate' })]);
    const nameless = await call(admin, 'POST', '/api/evaluation/criteria', { code: 'x' });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().fields[0]).toMatchObject({ path: 'nameJa', code: 'required' });
    const pm = await call(manager, 'POST', '/api/evaluation/criteria', { code: 'y', nameEn: 'Y' });
    expect(pm.statusCode).toBe(403);
  });

  it('retires a criterion, which drops off the active list', async () => {
    const retired = await call(admin, 'POST', '/api/evaluation/criteria', { code: 'old', nameEn: 'Old' });
    const res = await call(admin, 'PATCH', `/api/evaluation/criteria/${retired.json().id}`, {
      active: false,
    });
    expect(res.json()).toMatchObject({ active: false, code: 'old' });
    const active = (await call(manager, 'GET', '/api/evaluation/criteria?active=true')).json().items;
    expect(active.map((c: { code: string }) => c.code)).toEqual(['impact', 'materiality', 'cost']);
  });
});

describe('a program review', () => {
  let reviewId: string;

  it('opens one draft per program, with the evidence read from the records', async () => {
    const res = await call(manager, 'POST', `/api/programs/${programId}/reviews`, { fiscalYear: fy });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    reviewId = r.id;
    expect(r).toMatchObject({ status: 'draft', fiscalYear: fy, evidenceStored: false });
    expect(r.criteria).toHaveLength(3);
    expect(r.evidence).toMatchObject({
      fiscalYear: fy,
      from: '2024-04-01',
      to: '2025-03-31',
      certifiedNow: 0,
      expenses: null,
      figures: {
        sessions: 1,
        participants: { students: 70, employees: 2, public: 0 },
        participantsTotal: 72,
        employees: 2,
        employeeHours: 4.5,
      },
    });
    expect(r.suggestedNextReviewOn).toBe(addMonths(ledgerToday(), 12));
    const again = await call(manager, 'POST', `/api/programs/${programId}/reviews`, { fiscalYear: fy });
    expect(again.statusCode).toBe(409);
  });

  it('refuses unknown criteria and a next review before the review', async () => {
    const unknown = await call(manager, 'PATCH', `/api/reviews/${reviewId}`, {
      scores: [{ criterionId: '00000000-0000-4000-8000-000000000000', score: 3 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0]).toMatchObject({ path: 'scores.0.criterionId', code: 'not_found' });
    const dates = await call(manager, 'PATCH', `/api/reviews/${reviewId}`, {
      reviewedOn: '2025-05-01',
      nextReviewOn: '2025-04-01',
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().fields[0]).toMatchObject({
      path: 'nextReviewOn',
      code: 'next_review_not_after_review',
    });
    const score6 = await call(manager, 'PATCH', `/api/reviews/${reviewId}`, {
      scores: [{ criterionId: criteria[0], score: 6 }],
    });
    expect(score6.statusCode).toBe(400);
  });

  it('cannot be finalised before every active criterion is scored and a decision taken', async () => {
    await call(manager, 'PATCH', `/api/reviews/${reviewId}`, {
      scores: [{ criterionId: criteria[0], score: 4, comment: '起業家72組' }],
    });
    const res = await call(manager, 'POST', `/api/reviews/${reviewId}/finalise`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('review_incomplete');
    const paths = res.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([`scores.${criteria[1]}`, `scores.${criteria[2]}`, 'decision']),
    );
    expect(paths).not.toContain(`scores.${criteria[0]}`);
  });

  it('is finalised with its evidence stored, the next review one cycle later, audited', async () => {
    const patch = await call(manager, 'PATCH', `/api/reviews/${reviewId}`, {
      scores: criteria.map((criterionId, i) => ({ criterionId, score: 3 + (i % 2), comment: `c${i}` })),
      decision: 'continue',
      reviewedOn: '2025-05-20',
      summaryJa: '順調',
      actionsJa: '卒業生の追跡調査',
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().averageScore).toBe(3.3);
    const res = await call(manager, 'POST', `/api/reviews/${reviewId}/finalise`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'final',
      decision: 'continue',
      reviewedOn: '2025-05-20',
      nextReviewOn: '2026-05-20',
      evidenceStored: true,
      reviewer: { name: 'program_manager' },
    });
    expect(res.json().evidence.figures.participantsTotal).toBe(72);
    const [stored] = await database.db
      .select({ evidence: programReviews.evidence })
      .from(programReviews)
      .where(eq(programReviews.id, reviewId));
    expect(stored.evidence).toMatchObject({ figures: { employeeHours: 4.5, sessions: 1 } });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'program_review.finalise'), eq(auditLog.entityId, reviewId)));
    expect(entry).toBeDefined();
  });

  it('never changes once final: edits, a second finalise and deletion are refused; evidence stays', async () => {
    for (const [method, url, body] of [
      ['PATCH', `/api/reviews/${reviewId}`, { decision: 'end' }],
      ['PATCH', `/api/reviews/${reviewId}`, { scores: [] }],
      ['POST', `/api/reviews/${reviewId}/finalise`, undefined],
      ['DELETE', `/api/reviews/${reviewId}`, undefined],
    ] as const) {
      const res = await call(manager, method, url, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('review_final');
    }
    await insertSession(database, org, programId, {
      ref: 'S2',
      on: '2024-07-01',
      fiscalYear: fy,
      counts: { students: 30 },
      employeeIds: [],
    });
    await database.db.execute(
      sql`update program_sessions set employee_minutes = 600 where program_id = ${programId} and external_ref = 'S2'`,
    );
    const r = (await call(manager, 'GET', `/api/reviews/${reviewId}`)).json();
    expect(r).toMatchObject({ decision: 'continue', status: 'final' });
    expect(r.scores).toHaveLength(3);
    expect(r.evidence.figures).toMatchObject({ sessions: 1, employeeHours: 4.5 });
    const live = (await call(manager, 'GET', `/api/programs/${programId}/reviews`)).json();
    expect(live.items[0].id).toBe(reviewId);
  });

  it('reads as a timeline, newest first, and the latest one is what the program page shows', async () => {
    const d = (
      await call(manager, 'POST', `/api/programs/${programId}/reviews`, { fiscalYear: 2025 })
    ).json();
    await call(manager, 'PATCH', `/api/reviews/${d.id}`, {
      scores: criteria.map((criterionId) => ({ criterionId, score: 2 })),
      decision: 'improve',
      reviewedOn: ledgerToday(),
    });
    const fin = await call(manager, 'POST', `/api/reviews/${d.id}/finalise`);
    expect(fin.statusCode).toBe(200);
    const timeline = (await call(auditor, 'GET', `/api/programs/${programId}/reviews`)).json();
    expect(timeline.items.map((r: { decision: string }) => r.decision)).toEqual(['improve', 'continue']);
    expect(timeline.total).toBe(2);
    const latest = await latestReview(await ctxAs(database, org, 'auditor'), programId);
    expect(latest).toMatchObject({ id: d.id, decision: 'improve', fiscalYear: 2025 });
    expect(await latestReview(await ctxAs(database, org, 'auditor'), usProgramId)).toBeNull();
  });

  it('still reads a stored snapshot taken when the figures had fewer fields', async () => {
    const rewrite = sql`update program_reviews
      set evidence = evidence #- '{figures,testimonials}' #- '{figures,employeeHours}' where id = ${reviewId}`;
    // The database itself refuses to change a final review (migration 0012)…
    await expect(database.db.execute(rewrite)).rejects.toThrow();
    // …so the test lifts the trigger to store a snapshot as an older version would have.
    await asOldData(() => database.db.execute(rewrite));
    const res = await call(auditor, 'GET', `/api/reviews/${reviewId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().evidence.figures.testimonials).toBeUndefined();
    expect(res.json().evidence.figures.employeeHours).toBeUndefined();
    expect(res.json().evidence.figures.sessions).toBe(1);
  });

  it('discards a draft', async () => {
    const d = (await call(manager, 'POST', `/api/programs/${programId}/reviews`, {})).json();
    expect((await call(manager, 'DELETE', `/api/reviews/${d.id}`)).statusCode).toBe(204);
    expect((await call(manager, 'GET', `/api/reviews/${d.id}`)).statusCode).toBe(404);
  });
});

describe('review scope', () => {
  it('a company-scoped program manager reviews only their company’s programs', async () => {
    const other = await call(scoped, 'POST', `/api/programs/${programId}/reviews`, {});
    expect(other.statusCode).toBe(403);
    const own = await call(scoped, 'POST', `/api/programs/${usProgramId}/reviews`, { fiscalYear: fy });
    expect(own.statusCode).toBe(201);
    const draft = (await call(manager, 'POST', `/api/programs/${programId}/reviews`, {})).json();
    expect((await call(scoped, 'PATCH', `/api/reviews/${draft.id}`, { decision: 'end' })).statusCode).toBe(
      403,
    );
    expect((await call(scoped, 'POST', `/api/reviews/${draft.id}/finalise`)).statusCode).toBe(403);
    expect((await call(scoped, 'GET', `/api/reviews/${draft.id}`)).statusCode).toBe(403);
    expect((await call(scoped, 'GET', `/api/programs/${programId}/reviews`)).statusCode).toBe(403);
    expect((await call(auditor, 'POST', `/api/programs/${usProgramId}/reviews`, {})).statusCode).toBe(403);
    await call(manager, 'DELETE', `/api/reviews/${draft.id}`);
  });
});

/** Rewrites final reviews as if made long ago: the freezing trigger is lifted for the statement. */
async function asOldData(write: () => Promise<unknown>) {
  await database.db.execute(sql`alter table program_reviews disable trigger program_reviews_frozen`);
  try {
    await write();
  } finally {
    await database.db.execute(sql`alter table program_reviews enable trigger program_reviews_frozen`);
  }
}

describe('reviews due', () => {
  it('lists programs never reviewed and those past their next review date', async () => {
    const due = (await call(manager, 'GET', '/api/reviews/due')).json();
    expect(due.items.map((d: { code: string }) => d.code)).toEqual(['US-TX']);
    expect(due.items[0]).toMatchObject({ lastReviewedOn: null, daysOverdue: null, hasDraft: true });
    await asOldData(() =>
      database.db
        .update(programReviews)
        .set({ reviewedOn: sql`current_date - 400`, nextReviewOn: sql`current_date - 3` })
        .where(and(eq(programReviews.programId, programId), eq(programReviews.decision, 'improve'))),
    );
    const later = (await call(manager, 'GET', '/api/reviews/due')).json();
    const ses = later.items.find((d: { code: string }) => d.code === 'SES');
    expect(ses).toMatchObject({ lastDecision: 'improve', hasDraft: false });
    expect(ses.daysOverdue).toBeGreaterThanOrEqual(2);
    const mine = (await call(scoped, 'GET', '/api/reviews/due?mine=true')).json();
    expect(mine.items.map((d: { code: string }) => d.code)).toEqual(['US-TX']);
  });
});
