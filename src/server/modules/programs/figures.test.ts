import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
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
import { programReviews } from '../evaluation/evaluation.table.js';
import { certificationHolders, certifications, classRequests } from './certifications.table.js';
import { programFigures } from './figures.js';
import { programs } from './programs.table.js';
import {
  programCohorts,
  programGraduates,
  programProjectItems,
  programProjects,
  programSessionAttendees,
  programSessionCounts,
  programSessions,
  programTestimonials,
} from './records.table.js';
import {
  surveyAnswers,
  surveyIndicators,
  surveyQuestions,
  surveyResponses,
  surveys,
} from './surveys.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let programId: string;

/** A small program: two fiscal years (2022, 2023) of every kind of record, figures known by hand. */
async function fixture() {
  const db = database.db;
  const orgId = org.orgId;
  const [a, b, c] = [org.users.employee, org.users.promoter, org.users.finance].map((u) => u.employeeId);
  const [p] = await db
    .insert(programs)
    .values({
      orgId,
      code: 'FIG',
      nameJa: '図',
      framework: 'company_program',
      companyId: org.companies.jp,
      startYear: 2020,
    })
    .returning();
  const sessions = await db
    .insert(programSessions)
    .values(
      [
        { ref: 's1', fy: 2022, on: '2022-05-10', minutes: 150 },
        { ref: 's2', fy: 2023, on: '2023-06-01', minutes: 100 },
        { ref: 's3', fy: 2023, on: '2024-02-01', minutes: null },
        { ref: 'old', fy: 2015, on: '2015-06-01', minutes: null },
      ].map((s) => ({
        orgId,
        programId: p.id,
        externalRef: s.ref,
        kind: 'class',
        titleJa: s.ref,
        startsOn: s.on,
        endsOn: s.on,
        fiscalYear: s.fy,
        employeeMinutes: s.minutes,
      })),
    )
    .returning();
  const [s1, s2, s3, old] = sessions;
  const counts: [string, string, number][] = [
    [s1.id, 'students', 30],
    [s1.id, 'employees', 5],
    [s1.id, 'organisations', 2],
    [s2.id, 'students', 40],
    [s2.id, 'teachers', 3],
    [s3.id, 'public', 100],
    [old.id, 'students', 999],
  ];
  await db
    .insert(programSessionCounts)
    .values(
      counts.map(([sessionId, participantKind, count]) => ({ orgId, sessionId, participantKind, count })),
    );
  const attendees: [string, string][] = [
    [s1.id, a],
    [s1.id, b],
    [s2.id, a],
    [s2.id, c],
    [s3.id, a],
  ];
  await db
    .insert(programSessionAttendees)
    .values(attendees.map(([sessionId, employeeId]) => ({ orgId, sessionId, employeeId })));
  const [c22, c23] = await db
    .insert(programCohorts)
    .values([
      { orgId, programId: p.id, code: 'C22', nameJa: '22期', fiscalYear: 2022 },
      { orgId, programId: p.id, code: 'C23', nameJa: '23期', fiscalYear: 2023 },
    ])
    .returning();
  await db.insert(programGraduates).values([
    { orgId, programId: p.id, cohortId: c22.id, externalRef: 'g1', nameJa: 'g1' },
    { orgId, programId: p.id, cohortId: c22.id, externalRef: 'g2', nameJa: 'g2', supportedFiscalYear: 2023 },
    { orgId, programId: p.id, cohortId: c23.id, externalRef: 'g3', nameJa: 'g3' },
    { orgId, programId: p.id, cohortId: c23.id, externalRef: 'g4', nameJa: 'g4' },
    { orgId, programId: p.id, cohortId: c23.id, externalRef: 'g5', nameJa: 'g5' },
  ]);
  const [project] = await db
    .insert(programProjects)
    .values({ orgId, programId: p.id, code: 'KAKEGAWA', titleJa: '掛川', fiscalYear: 2023 })
    .returning();
  await db.insert(programProjectItems).values([
    { orgId, projectId: project.id, kind: 'outcome', titleJa: '生まれたプロジェクト', quantity: 14 },
    { orgId, projectId: project.id, kind: 'milestone', titleJa: 'ワークショップ', quantity: 2 },
  ]);
  await db
    .insert(programTestimonials)
    .values({ orgId, programId: p.id, quoteJa: '楽しかった', fiscalYear: 2023, consentOn: '2023-07-01' });
  const [survey] = await db
    .insert(surveys)
    .values({ orgId, programId: p.id, code: 'FIG-S', titleJa: 'アンケート', fiscalYear: 2023 })
    .returning();
  const [q] = await db
    .insert(surveyQuestions)
    .values({ orgId, surveyId: survey.id, code: 'q1', position: 1, kind: 'yes_no', textJa: '理解が深まった' })
    .returning();
  await db.insert(surveyIndicators).values({
    orgId,
    surveyId: survey.id,
    questionId: q.id,
    code: 'understood',
    labelEn: 'Understood',
    threshold: 1,
  });
  const responses = await db
    .insert(surveyResponses)
    .values(['r1', 'r2', 'r3', 'r4'].map((respondentRef) => ({ orgId, surveyId: survey.id, respondentRef })))
    .returning();
  await db.insert(surveyAnswers).values(
    responses.map((r, i) => ({
      orgId,
      surveyId: survey.id,
      responseId: r.id,
      questionId: q.id,
      valueInt: i < 3 ? 1 : 0,
    })),
  );
  const [cert] = await db
    .insert(certifications)
    .values({ orgId, programId: p.id, code: 'FIG-I', nameJa: '講師' })
    .returning();
  await db.insert(certificationHolders).values([
    { orgId, certificationId: cert.id, employeeId: a, certifiedOn: '2020-01-01' },
    { orgId, certificationId: cert.id, employeeId: b, certifiedOn: '2019-01-01', expiresOn: '2021-01-01' },
  ]);
  await db.insert(classRequests).values({
    orgId,
    programId: p.id,
    certificationId: cert.id,
    requesterKind: 'school',
    requesterOrganisation: '白河高校',
    contactName: '先生',
    contactEmail: 'sensei@example.test',
    preferredOn: '2023-07-10',
    place: '白河',
    audience: 'students',
    expectedParticipants: 40,
    status: 'completed',
    scheduledOn: '2023-07-10',
  });
  await db.insert(programReviews).values({
    orgId,
    programId: p.id,
    fiscalYear: 2023,
    status: 'final',
    reviewedOn: '2024-05-01',
    reviewerId: org.users.program_manager.id,
    decision: 'continue',
    nextReviewOn: '2025-05-01',
    evidence: {},
    finalisedAt: new Date(),
  });
  return p.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'FIGS');
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.program_manager.email);
  programId = await fixture();
});

describe('programFigures', () => {
  it('counts every kind of record per fiscal year, straight from the tables', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/figures?from=2022&to=2023`,
      headers: manager.headers,
    });
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({
      from: 2022,
      to: 2023,
      certifiedNow: 1,
      latestReview: { decision: 'continue', reviewedOn: '2024-05-01', nextReviewOn: '2025-05-01' },
    });
    const [y22, y23] = f.years;
    expect(y22).toMatchObject({
      fiscalYear: 2022,
      sessions: 1,
      participants: { students: 30, employees: 5, organisations: 2, public: 0, teachers: 0 },
      participantsTotal: 35,
      employees: 2,
      employeeHours: 2.5,
      graduates: 2,
      graduatesCumulative: 2,
      supportedVentures: 0,
      projects: 0,
      outcomesQuantity: 0,
      classRequestsCompleted: 0,
      testimonials: 0,
      surveyIndicators: [],
    });
    expect(y23).toMatchObject({
      fiscalYear: 2023,
      sessions: 2,
      participants: { students: 40, teachers: 3, public: 100, employees: 0 },
      participantsTotal: 143,
      employees: 2,
      employeeHours: 1.7, // 100 minutes (s3 not recorded), one decimal
      graduates: 3,
      graduatesCumulative: 5,
      supportedVentures: 1,
      projects: 1,
      outcomesQuantity: 14,
      classRequestsCompleted: 1,
      testimonials: 1,
    });
    expect(y23.surveyIndicators).toEqual([
      expect.objectContaining({ code: 'understood', labelEn: 'Understood', value: 0.75, n: 4 }),
    ]);
  });

  it('defaults to the ten fiscal years up to the current one, zeros included', async () => {
    const ctx = await ctxAs(database, org, 'program_manager');
    const f = await programFigures(ctx, programId);
    expect(f.years).toHaveLength(10);
    expect(f.to - f.from).toBe(9);
    expect(f.years.every((y, i) => y.fiscalYear === f.from + i)).toBe(true);
    const only = await programFigures(ctx, programId, { from: 2015, to: 2015 });
    expect(only.years[0]).toMatchObject({
      sessions: 1,
      participantsTotal: 999,
      graduatesCumulative: 0,
      employeeHours: 0,
    });
  });

  it('refuses an upside-down or too long range, and another organisation’s program', async () => {
    const url = (q: string) => `/api/programs/${programId}/figures?${q}`;
    const upside = await app.inject({
      method: 'GET',
      url: url('from=2024&to=2020'),
      headers: manager.headers,
    });
    expect(upside.json().fields[0]).toMatchObject({ path: 'from', code: 'ends_before_start' });
    const long = await app.inject({ method: 'GET', url: url('from=1950&to=2020'), headers: manager.headers });
    expect(long.statusCode).toBe(400);
    const other = await createTestOrg(database, 'FIGS2');
    const ctx = await ctxAs(database, other, 'csr_manager');
    await expect(programFigures(ctx, programId)).rejects.toMatchObject({ code: 'not_found' });
    expect((await database.db.select().from(programs).where(eq(programs.orgId, other.orgId))).length).toBe(0);
  });
});
