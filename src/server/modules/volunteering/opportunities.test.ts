import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildEmployeeRow,
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  type TestOrg,
} from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { mailOutbox, notifications } from '../notifications/notifications.table.js';
import { employees } from '../people/people.table.js';
import { daysFromNow, opportunityInput, postOpportunity } from './opportunities.factory.js';
import { getOpportunity } from './opportunities.service.js';
import { opportunityShifts, signups, volunteerSkills } from './volunteering.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let employee: Session;
let csr: Ctx;

type Call = { method?: 'GET' | 'POST' | 'PATCH'; url: string; body?: object; as?: Session };
async function call({ method = 'GET', url, body, as = manager }: Call) {
  const res = await app.inject({ method, url, headers: as.headers, ...(body ? { payload: body } : {}) });
  return { status: res.statusCode, body: res.json() };
}
const codes = (body: { fields: { path: string; code: string }[] }) =>
  Object.fromEntries(body.fields.map((f) => [f.path, f.code]));

/** A context acting with exactly these grants, as the test organisation's employee. */
const ctxWith = (base: Ctx, grants: Extract<Ctx['actor'], { kind: 'user' }>['grants']): Ctx => ({
  ...base,
  actor: { ...(base.actor as Extract<Ctx['actor'], { kind: 'user' }>), grants },
});

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'OPP');
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.csr_manager.email);
  employee = await signIn(app, org.users.employee.email);
  csr = await ctxAs(database, org, 'csr_manager');
  await database.db.insert(volunteerSkills).values([
    { orgId: org.orgId, code: 'it', nameJa: 'IT', nameEn: 'IT' },
    { orgId: org.orgId, code: 'first-aid', nameJa: '救命', nameEn: 'First aid' },
  ]);
});

describe('posting an opportunity', () => {
  it('creates a draft with its shifts, the site’s time zone, its span and an audit record', async () => {
    const input = opportunityInput(org, {
      requiredSkills: ['it'],
      shifts: [
        { startsAt: daysFromNow(10, 1), endsAt: daysFromNow(10, 3), capacity: 5 },
        { startsAt: daysFromNow(3, 1), endsAt: daysFromNow(3, 3), capacity: 8 },
      ],
    });
    const res = await call({ method: 'POST', url: '/api/opportunities', body: input });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      timeZone: 'Asia/Tokyo',
      siteCode: 'TKY',
      companyCode: 'JP01',
    });
    expect(res.body.shifts.map((s: { capacity: number }) => s.capacity)).toEqual([8, 5]);
    expect(res.body.firstStartsAt).toBe(daysFromNow(3, 1));
    expect(res.body.lastEndsAt).toBe(daysFromNow(10, 3));
    expect(res.body.shifts[0]).toMatchObject({ confirmed: 0, seatsLeft: 8, waitlisted: 0, mySignup: null });
    expect(res.body.canManage).toBe(true);
    const codes = await database.db
      .select({ code: opportunityShifts.checkinCode })
      .from(opportunityShifts)
      .where(eq(opportunityShifts.opportunityId, res.body.id));
    expect(codes.every((c) => /^[\w-]{22}$/.test(c.code))).toBe(true);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id));
    expect(entries.map((e) => e.action)).toEqual(['opportunity.create']);
  });

  it('takes the company’s time zone when there is no site', async () => {
    const o = await postOpportunity(csr, org, {
      companyId: org.companies.us,
      siteId: null,
      mode: 'online',
      onlineUrl: 'https://meet.example/abc',
      prefecture: null,
    });
    expect(o.timeZone).toBe('America/Chicago');
  });

  it('names every field at fault before the database would refuse it', async () => {
    const res = await call({
      method: 'POST',
      url: '/api/opportunities',
      body: opportunityInput(org, {
        titleJa: null,
        descriptionJa: null,
        mode: 'hybrid',
        prefecture: null,
        siteId: org.sites.texas,
        requiredSkills: ['juggling'],
        shifts: [{ startsAt: daysFromNow(5, 3), endsAt: daysFromNow(5, 1), capacity: 3 }],
      }),
    });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual({ siteId: 'site_outside_company' });
    const again = await call({
      method: 'POST',
      url: '/api/opportunities',
      body: opportunityInput(org, {
        titleJa: null,
        descriptionJa: null,
        mode: 'hybrid',
        prefecture: null,
        requiredSkills: ['juggling'],
        visibility: 'companies',
        shifts: [{ startsAt: daysFromNow(5, 3), endsAt: daysFromNow(5, 1), capacity: 3 }],
      }),
    });
    expect(again.status).toBe(400);
    expect(codes(again.body)).toEqual({
      titleJa: 'required',
      descriptionJa: 'required',
      onlineUrl: 'required',
      prefecture: 'place_required',
      visibleCompanyIds: 'required',
      'requiredSkills.0': 'unknown_skill',
      'shifts.0.endsAt': 'ends_before_start',
    });
    const unknown = await call({
      method: 'POST',
      url: '/api/opportunities',
      body: { ...opportunityInput(org), status: 'published' },
    });
    expect(unknown.body.code).toBe('unknown_field');
    const noShift = await call({
      method: 'POST',
      url: '/api/opportunities',
      body: opportunityInput(org, { shifts: [] }),
    });
    expect(noShift.status).toBe(400);
  });

  it('lets organisers post only in their scope; employees not at all', async () => {
    const tokyoPromoter = ctxWith(csr, [
      { role: 'promoter', scopeType: 'site', companyId: null, siteId: org.sites.tokyo },
    ]);
    const ok = await postOpportunity(tokyoPromoter, org, {}, { publish: false });
    expect(ok.canManage).toBe(true);
    await expect(
      postOpportunity(tokyoPromoter, org, { companyId: org.companies.us, siteId: org.sites.texas }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(postOpportunity(tokyoPromoter, org, { siteId: null })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const usManager = ctxWith(csr, [
      { role: 'csr_manager', scopeType: 'company', companyId: org.companies.us, siteId: null },
    ]);
    await expect(postOpportunity(usManager, org)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getOpportunity(usManager, ok.id)).rejects.toMatchObject({ code: 'not_found' });
    const res = await call({
      method: 'POST',
      url: '/api/opportunities',
      body: opportunityInput(org),
      as: employee,
    });
    expect(res.status).toBe(403);
  });
});

describe('the lifecycle', () => {
  it('publishes, completes, and refuses what its state does not allow', async () => {
    const o = await postOpportunity(csr, org, {}, { publish: false });
    const url = `/api/opportunities/${o.id}`;
    expect((await call({ method: 'POST', url: `${url}/complete` })).body.code).toBe('invalid_transition');
    const published = await call({ method: 'POST', url: `${url}/publish` });
    expect(published.body).toMatchObject({ status: 'published' });
    expect(published.body.publishedAt).not.toBeNull();
    expect((await call({ method: 'POST', url: `${url}/publish` })).status).toBe(409);
    expect((await call({ method: 'POST', url: `${url}/complete` })).body.status).toBe('completed');
    const refused = await call({ method: 'POST', url: `${url}/cancel` });
    expect(refused).toMatchObject({ status: 409, body: { code: 'invalid_transition' } });
    expect((await call({ method: 'PATCH', url, body: { organiser: 'x' } })).status).toBe(409);
    const draft = await postOpportunity(csr, org, {}, { publish: false });
    const cancelled = await call({ method: 'POST', url: `/api/opportunities/${draft.id}/cancel` });
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect((await call({ method: 'POST', url: `${url}/publish`, as: employee })).status).toBe(403);
  });

  it('cancelling cancels every live sign-up, frees the seats and notifies each person', async () => {
    const o = await postOpportunity(csr, org, {
      shifts: [{ startsAt: daysFromNow(4), endsAt: daysFromNow(4, 3), capacity: 3 }],
    });
    const shiftId = o.shifts[0].id;
    const people = [org.users.employee, org.users.promoter, org.users.finance];
    await database.db.insert(signups).values([
      ...people.map((p, i) => ({
        orgId: org.orgId,
        shiftId,
        employeeId: p.employeeId,
        status: i < 2 ? 'confirmed' : 'waitlisted',
      })),
      // Attendance already taken stays on record.
      {
        orgId: org.orgId,
        shiftId,
        employeeId: org.users.auditor.employeeId,
        status: 'confirmed',
        attendance: 'attended',
        minutes: 60,
      },
    ]);
    await database.db
      .update(opportunityShifts)
      .set({ confirmedCount: 3 })
      .where(eq(opportunityShifts.id, shiftId));
    const res = await call({ method: 'POST', url: `/api/opportunities/${o.id}/cancel` });
    expect(res.body.status).toBe('cancelled');
    expect(res.body.shifts[0]).toMatchObject({ confirmed: 1, seatsLeft: 2, waitlisted: 0 });
    const rows = await database.db.select().from(signups).where(eq(signups.shiftId, shiftId));
    expect(rows.filter((r) => r.status === 'cancelled' && r.cancelledAt)).toHaveLength(3);
    const notes = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org.orgId), eq(notifications.kind, 'opportunity_cancelled')));
    expect(notes.map((n) => n.employeeId).sort()).toEqual(people.map((p) => p.employeeId).sort());
    expect(notes[0].link).toBe(`/opportunities/${o.id}`);
    expect(notes[0].params).toMatchObject({ title: { ja: '海岸清掃ボランティア', en: 'Beach clean-up' } });
    const mails = await database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orgId, org.orgId), eq(mailOutbox.kind, 'opportunity_cancelled')));
    expect(mails).toHaveLength(3);
  });
});

describe('changing an opportunity', () => {
  it('adds, changes and removes shifts, keeping the span and the search text', async () => {
    const o = await postOpportunity(csr, org);
    const first = o.shifts[0];
    const res = await call({
      method: 'PATCH',
      url: `/api/opportunities/${o.id}`,
      body: {
        titleEn: 'Riverbank litter pick',
        shifts: [
          { id: first.id, startsAt: first.startsAt, endsAt: first.endsAt, capacity: 20 },
          { startsAt: daysFromNow(30), endsAt: daysFromNow(30, 5), capacity: 4 },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.shifts.map((s: { capacity: number }) => s.capacity)).toEqual([20, 4]);
    expect(res.body.lastEndsAt).toBe(daysFromNow(30, 5));
    const found = await call({ url: '/api/opportunities?q=riverbank', as: employee });
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([o.id]);
    const dropped = await call({
      method: 'PATCH',
      url: `/api/opportunities/${o.id}`,
      body: { shifts: [{ startsAt: daysFromNow(9), endsAt: daysFromNow(9, 2), capacity: 3 }] },
    });
    expect(dropped.body.shifts).toHaveLength(1);
    expect(dropped.body.firstStartsAt).toBe(daysFromNow(9));
  });

  it('refuses to remove a booked shift or to cut capacity below the confirmed seats', async () => {
    const o = await postOpportunity(csr, org);
    const s = o.shifts[0];
    await database.db.insert(signups).values([
      { orgId: org.orgId, shiftId: s.id, employeeId: org.users.employee.employeeId, status: 'confirmed' },
      { orgId: org.orgId, shiftId: s.id, employeeId: org.users.promoter.employeeId, status: 'confirmed' },
    ]);
    await database.db
      .update(opportunityShifts)
      .set({ confirmedCount: 2 })
      .where(eq(opportunityShifts.id, s.id));
    const url = `/api/opportunities/${o.id}`;
    const removed = await call({
      method: 'PATCH',
      url,
      body: { shifts: [{ startsAt: daysFromNow(9), endsAt: daysFromNow(9, 2), capacity: 3 }] },
    });
    expect(removed).toMatchObject({ status: 409, body: { code: 'shift_has_signups' } });
    const cut = await call({
      method: 'PATCH',
      url,
      body: { shifts: [{ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: 1 }] },
    });
    expect(cut).toMatchObject({ status: 409, body: { code: 'capacity_below_confirmed' } });
    expect(cut.body.detail).toContain('2');
  });
});

describe('one opportunity', () => {
  it('shows seats left, the waitlist and the caller’s own place on it', async () => {
    const o = await postOpportunity(csr, org, {
      shifts: [{ startsAt: daysFromNow(6), endsAt: daysFromNow(6, 2), capacity: 1 }],
    });
    const shiftId = o.shifts[0].id;
    const who = [org.users.promoter, org.users.finance, org.users.employee];
    for (const [i, p] of who.entries()) {
      await database.db.insert(signups).values({
        orgId: org.orgId,
        shiftId,
        employeeId: p.employeeId,
        status: i === 0 ? 'confirmed' : 'waitlisted',
      });
    }
    await database.db
      .update(opportunityShifts)
      .set({ confirmedCount: 1 })
      .where(eq(opportunityShifts.id, shiftId));
    const res = await call({ url: `/api/opportunities/${o.id}`, as: employee });
    expect(res.body.canManage).toBe(false);
    expect(res.body.shifts[0]).toMatchObject({ capacity: 1, confirmed: 1, seatsLeft: 0, waitlisted: 2 });
    expect(res.body.shifts[0].mySignup).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 2,
      attendance: null,
    });
  });

  it('is hidden from employees while a draft or when not open to their company', async () => {
    const draft = await postOpportunity(csr, org, {}, { publish: false });
    expect((await call({ url: `/api/opportunities/${draft.id}`, as: employee })).status).toBe(404);
    const usOnly = await postOpportunity(csr, org, {
      visibility: 'companies',
      visibleCompanyIds: [org.companies.us],
    });
    expect((await call({ url: `/api/opportunities/${usOnly.id}`, as: employee })).status).toBe(404);
    const [usEmployee] = await database.db
      .insert(employees)
      .values(buildEmployeeRow(org.orgId, org.companies.us, 900, { employeeNumber: 'US-900' }))
      .returning();
    const employeeCtx = await ctxAs(database, org, 'employee');
    const us = {
      ...employeeCtx,
      actor: { ...(employeeCtx.actor as Extract<Ctx['actor'], { kind: 'user' }>), employeeId: usEmployee.id },
    };
    expect((await getOpportunity(us, usOnly.id)).id).toBe(usOnly.id);
    expect((await call({ url: `/api/opportunities/${draft.id}` })).status).toBe(200);
  });
});

describe('the list over HTTP', () => {
  it('reads flags, repeated skills and statuses from the query string', async () => {
    const draft = await postOpportunity(
      csr,
      org,
      { titleEn: 'Flag check draft', requiredSkills: ['it', 'first-aid'] },
      { publish: false },
    );
    const mine = await call({ url: '/api/opportunities?mine=true&status=draft&q=flag%20check' });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([draft.id]);
    expect(mine.body).toMatchObject({ total: 1, totalExact: true });
    await call({ method: 'POST', url: `/api/opportunities/${draft.id}/publish` });
    const both = await call({ url: '/api/opportunities?skill=it&skill=first-aid', as: employee });
    expect(both.body.items.map((i: { id: string }) => i.id)).toEqual([draft.id]);
    const recommended = await call({ url: '/api/opportunities?recommended=true&size=5', as: employee });
    expect(recommended.status).toBe(200);
    expect(recommended.body.items[0]).toHaveProperty('reasons');
    expect((await call({ url: '/api/opportunities?mine=maybe' })).status).toBe(400);
    expect((await call({ url: '/api/opportunities?mine=true', as: employee })).body.items).toEqual([]);
  });
});
