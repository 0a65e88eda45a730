import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { rowsOf } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, type Session, signIn, TEST_PASSWORD, type TestOrg } from '../../test/factories.js';
import { createUser } from '../auth/users.service.js';
import { buildKpiDataset } from '../volunteering/kpi.fixtures.js';
import { programs } from './programs.table.js';

// Sessions on the KPI organisation of kpi.fixtures.ts (fiscal year 2023 = April 2023..March 2024):
// there a1, b, u1 and u2 took part in 2023 (a1 and u1 in environment), a2 only in 2022 and 2024.
let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let e: Record<string, string>;
let manager: Session;
let usManager: Session;
let programId: string;
let usProgramId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ org, e } = await buildKpiDataset(database));
  const rows = await database.db
    .insert(programs)
    .values([
      {
        orgId: org.orgId,
        code: 'FUTURE',
        nameJa: '未来創造',
        framework: 'company_program',
        companyId: org.companies.jp,
        companyField: 'environment',
        startYear: 2020,
      },
      {
        orgId: org.orgId,
        code: 'US-TX',
        nameEn: 'Texas',
        framework: 'local_activity',
        companyId: org.companies.us,
        startYear: 2020,
      },
    ])
    .returning();
  [programId, usProgramId] = rows.map((r) => r.id);
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.program_manager.email);
  await createUser(systemCtx(database.db, org.orgId), {
    email: 'us-pm@kpi.test',
    password: TEST_PASSWORD,
    grants: [{ role: 'program_manager', scopeType: 'company', companyId: org.companies.us }],
  });
  usManager = await signIn(app, 'us-pm@kpi.test');
});

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  as = manager,
) => app.inject({ method, url, payload, headers: as.headers });

const participants = async (fiscalYear: number) => {
  const res = await call('GET', `/api/volunteering/kpis?fiscalYear=${fiscalYear}`);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  const env = body.byField.find((f: { field: string }) => f.field === 'environment');
  return {
    all: body.participants,
    environment: env.participants,
    participations: body.participations,
    hours: body.hours,
  };
};

describe('program sessions', () => {
  let sessionId: string;

  it('records a class with counts by kind and named employees, in the fiscal year of its start', async () => {
    const res = await call('POST', `/api/programs/${programId}/sessions`, {
      ref: 'HS-A-2023',
      kind: 'class',
      titleJa: '高校での授業',
      startsOn: '2024-03-31',
      placeJa: '県立高校',
      counts: { students: 25, teachers: 2, employees: 3 },
      employeeIds: [e.a1, e.a2],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    sessionId = body.id;
    expect(body).toMatchObject({
      ref: 'HS-A-2023',
      fiscalYear: 2023,
      fiscalYearLabel: '2023年度',
      endsOn: '2024-03-31',
      counts: { students: 25, teachers: 2, employees: 3, guardians: null },
      participantsTotal: 30,
      attendeeCount: 2,
    });
    expect(body.attendees.map((a: { employeeId: string }) => a.employeeId).sort()).toEqual(
      [e.a1, e.a2].sort(),
    );
    const list = (await call('GET', `/api/programs/${programId}/sessions?fiscalYear=2023`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: sessionId, attendeeCount: 2 }] });
  });

  it('counts a named attendee once in the participants KPI, with or without other volunteering', async () => {
    // a1 attended opportunities in 2023 (no change); a2 had none in 2023 (one more); hours unchanged.
    expect(await participants(2023)).toEqual({ all: 5, environment: 3, participations: 8, hours: 9 });
    await call('PUT', `/api/sessions/${sessionId}/attendees`, { employeeIds: [e.a1, e.a2, e.u1] });
    expect((await participants(2023)).all).toBe(5); // u1 took part already
  });

  it('moves attendees with the session’s date and takes them out when removed or deleted', async () => {
    const moved = await call('PATCH', `/api/sessions/${sessionId}`, {
      startsOn: '2024-04-01',
      endsOn: '2024-04-01',
    });
    expect(moved.json()).toMatchObject({ fiscalYear: 2024 });
    expect((await participants(2023)).all).toBe(4);
    const back = await call('PATCH', `/api/sessions/${sessionId}`, {
      startsOn: '2023-12-01',
      endsOn: '2023-12-01',
    });
    expect(back.statusCode).toBe(200);
    expect((await participants(2023)).all).toBe(5);
    const second = await call('POST', `/api/programs/${programId}/sessions`, {
      kind: 'workshop',
      titleEn: 'Second',
      startsOn: '2023-12-02',
      employeeIds: [e.a2],
    });
    expect((await participants(2023)).all).toBe(5); // a2 twice in the year is still one person
    expect((await call('DELETE', `/api/sessions/${second.json().id}`)).statusCode).toBe(204);
    await call('PUT', `/api/sessions/${sessionId}/attendees`, { employeeIds: [e.a1] });
    expect(await participants(2023)).toEqual({ all: 4, environment: 2, participations: 8, hours: 9 });
  });

  it('agrees with a rebuild from scratch', async () => {
    await call('PUT', `/api/sessions/${sessionId}/attendees`, { employeeIds: [e.a1, e.a3, e.u2] });
    const read = () =>
      rowsOf<Record<string, unknown>>(
        database.db,
        sql`select fiscal_year, company_id, site_id, field, participants, participations, minutes
          from volunteer_activity_totals where org_id = ${org.orgId} and participants <> 0
          order by fiscal_year, company_id, site_id nulls first, field`,
      );
    const before = await read();
    await database.db.execute(sql`select volunteer_activity_rebuild(${org.orgId})`);
    expect(await read()).toEqual(before);
    await database.db.execute(sql`update programs set company_field = 'regional' where id = ${programId}`);
    const regional = await read();
    await database.db.execute(sql`select volunteer_activity_rebuild(${org.orgId})`);
    expect(await read()).toEqual(regional);
  });

  it('refuses fewer employees than the named attendees, unknown employees and bad dates', async () => {
    const few = await call('PATCH', `/api/sessions/${sessionId}`, { counts: { employees: 1 } });
    expect(few.statusCode).toBe(400);
    expect(few.json().fields).toEqual([
      expect.objectContaining({ path: 'counts.employees', code: 'below_named_attendees' }),
    ]);
    await call('PATCH', `/api/sessions/${sessionId}`, { counts: { employees: 3, students: 25 } });
    const many = await call('PUT', `/api/sessions/${sessionId}/attendees`, {
      employeeIds: [e.a1, e.a2, e.a3, e.a4],
    });
    expect(many.json().fields[0]).toMatchObject({ path: 'employeeIds', code: 'below_named_attendees' });
    const stranger = await call('PUT', `/api/sessions/${sessionId}/attendees`, {
      employeeIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(stranger.json().fields[0]).toMatchObject({ code: 'unknown_employee' });
    const dates = await call('PATCH', `/api/sessions/${sessionId}`, { endsOn: '2020-01-01' });
    expect(dates.json().fields[0]).toMatchObject({ path: 'endsOn', code: 'ends_before_start' });
    const dup = await call('POST', `/api/programs/${programId}/sessions`, {
      ref: 'HS-A-2023',
      kind: 'class',
      titleJa: 'x',
      startsOn: '2023-05-01',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('changes counts and attendees together in one PATCH', async () => {
    const res = await call('PATCH', `/api/sessions/${sessionId}`, {
      counts: { employees: 1 },
      employeeIds: [e.a1],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ counts: { employees: 1, students: null }, attendeeCount: 1 });
    const over = await call('PATCH', `/api/sessions/${sessionId}`, { employeeIds: [e.a1, e.a2] });
    expect(over.json().fields[0]).toMatchObject({ path: 'employeeIds', code: 'below_named_attendees' });
  });

  it('records the employees’ hours as whole minutes, keeps them on PATCH and clears them with null', async () => {
    const res = await call('POST', `/api/programs/${programId}/sessions`, {
      kind: 'workshop',
      titleEn: 'Hours',
      startsOn: '2023-07-01',
      employeeHours: 2.33,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    // 2.33 h = 139.8 minutes, stored as 140 and read back as 140 / 60 = 2.33 h.
    expect(res.json()).toMatchObject({ employeeHours: 2.33 });
    const minutes = async () =>
      (
        await rowsOf<{ m: number | null }>(
          database.db,
          sql`select employee_minutes as m from program_sessions where id = ${id}`,
        )
      )[0].m;
    expect(await minutes()).toBe(140);
    const renamed = await call('PATCH', `/api/sessions/${id}`, { titleEn: 'Renamed' });
    expect(renamed.json()).toMatchObject({ employeeHours: 2.33 });
    const changed = await call('PATCH', `/api/sessions/${id}`, { employeeHours: 7.5 });
    expect(changed.json()).toMatchObject({ employeeHours: 7.5 });
    expect(await minutes()).toBe(450);
    const list = (await call('GET', `/api/programs/${programId}/sessions?kind=workshop`)).json();
    expect(list.items.find((x: { id: string }) => x.id === id)).toMatchObject({ employeeHours: 7.5 });
    const cleared = await call('PATCH', `/api/sessions/${id}`, { employeeHours: null });
    expect(cleared.json()).toMatchObject({ employeeHours: null });
    expect(await minutes()).toBeNull();
    for (const bad of [-1, 1.005]) {
      const r = await call('PATCH', `/api/sessions/${id}`, { employeeHours: bad });
      expect(r.statusCode).toBe(400);
      expect(r.json().fields[0]).toMatchObject({ path: 'employeeHours' });
    }
    expect((await call('DELETE', `/api/sessions/${id}`)).statusCode).toBe(204);
  });

  it('keeps a session that a survey refers to', async () => {
    const s = await call('POST', `/api/programs/${programId}/sessions`, {
      kind: 'class',
      titleJa: '授業',
      startsOn: '2023-06-01',
    });
    const survey = await call('POST', `/api/programs/${programId}/surveys`, {
      code: 'AFTER-CLASS',
      titleJa: '授業後',
      sessionId: s.json().id,
    });
    expect(survey.json()).toMatchObject({ fiscalYear: 2023, sessionId: s.json().id });
    expect((await call('DELETE', `/api/sessions/${s.json().id}`)).statusCode).toBe(409);
    expect((await call('GET', `/api/sessions/${s.json().id}`)).statusCode).toBe(200);
  });

  it('keeps a company-scoped manager to their company’s programs', async () => {
    const other = await call(
      'POST',
      `/api/programs/${programId}/sessions`,
      { kind: 'class', titleJa: 'x', startsOn: '2023-05-01' },
      usManager,
    );
    expect(other.statusCode).toBe(403);
    expect((await call('PATCH', `/api/sessions/${sessionId}`, { titleEn: 'x' }, usManager)).statusCode).toBe(
      403,
    );
    const own = await call(
      'POST',
      `/api/programs/${usProgramId}/sessions`,
      { kind: 'event', titleEn: 'Fair', startsOn: '2023-05-01', counts: { public: 400 } },
      usManager,
    );
    expect(own.statusCode).toBe(201);
  });

  it('holds its rules in the database too', async () => {
    await expect(
      database.db.execute(sql`insert into program_session_counts (org_id, session_id, participant_kind, count)
        values (${org.orgId}, ${sessionId}, 'public', -1)`),
    ).rejects.toThrow();
    await expect(
      database.db.execute(sql`update program_sessions set ends_on = '2000-01-01' where id = ${sessionId}`),
    ).rejects.toThrow();
    await expect(
      database.db.execute(sql`update program_sessions set employee_minutes = -1 where id = ${sessionId}`),
    ).rejects.toThrow();
  });
});
