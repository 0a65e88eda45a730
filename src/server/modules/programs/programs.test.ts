import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
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
import { partners } from '../partners/partners.table.js';
import { createProgram, getProgram, listPrograms, updateProgram } from './programs.service.js';
import { programs } from './programs.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let employee: Session;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
const call = (as: Session, method: Method, url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
const dayOffset = (days: number) => {
  const d = new Date(`${ledgerToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const base = (companyId: string, code: string) => ({
  code,
  nameJa: `${code} プログラム`,
  nameEn: `${code} Program`,
  framework: 'company_program',
  companyId,
  startYear: 2010,
});

/** A manager whose programs.manage grant covers one company only. */
function scopedCtx(ctx: Ctx, companyId: string): Ctx {
  if (ctx.actor.kind !== 'user') throw new Error('user expected');
  return {
    ...ctx,
    actor: {
      ...ctx.actor,
      grants: [{ role: 'program_manager', scopeType: 'company', companyId, siteId: null }],
    },
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'PROGS');
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.program_manager.email);
  employee = await signIn(app, org.users.employee.email);
});

describe('classifications', () => {
  it('lists the terms of every scheme, or of one, with both labels, retired ones marked', async () => {
    const all = (await call(employee, 'GET', '/api/classifications')).json().items;
    expect(new Set(all.map((c: { scheme: string }) => c.scheme))).toEqual(
      new Set([
        'company_field',
        'vision_layer',
        'keidanren_field',
        'b4si_cause',
        'b4si_motivation',
        'b4si_region',
      ]),
    );
    const layers = (await call(employee, 'GET', '/api/classifications?scheme=vision_layer')).json().items;
    expect(layers[0]).toMatchObject({
      scheme: 'vision_layer',
      code: 'life',
      labelJa: '暮らし',
      labelEn: 'Life',
    });
    expect(layers.find((c: { code: string }) => c.code === 'human_development').retiredOn).toBe('2021-03-31');
    expect((await call(employee, 'GET', '/api/classifications?scheme=nope')).statusCode).toBe(400);
  });
});

describe('programs', () => {
  let id: string;

  it('registers a program with its classifications (labels in the answer), audited', async () => {
    const res = await call(manager, 'POST', '/api/programs', {
      ...base(org.companies.jp, 'SES'),
      descriptionJa: '社会起業塾',
      companyField: 'education_culture_sports',
      visionLayer: 'society',
      keidanrenField: 'education',
      b4siCause: 'economic_development',
      b4siMotivation: 'community_investment',
      sdgs: [8, 4, 4],
      startYear: 2002,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({ code: 'SES', sdgs: [4, 8], status: 'active', canManage: true, partners: [] });
    expect(
      p.classifications.map((c: { scheme: string; code: string }) => `${c.scheme}:${c.code}`).sort(),
    ).toEqual([
      'b4si_cause:economic_development',
      'b4si_motivation:community_investment',
      'company_field:education_culture_sports',
      'keidanren_field:education',
      'vision_layer:society',
    ]);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entry).toMatchObject({ action: 'program.create', entityType: 'program' });
  });

  it('refuses codes of another scheme, unknown and retired terms, a missing name, a taken code', async () => {
    const res = await call(manager, 'POST', '/api/programs', {
      ...base(org.companies.jp, 'BAD'),
      nameJa: null,
      nameEn: null,
      companyField: 'education',
      b4siCause: 'nothing_like_it',
      visionLayer: 'human_development',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'nameJa:required',
        'companyField:classification_unknown',
        'b4siCause:classification_unknown',
        'visionLayer:classification_retired',
      ]),
    );
    const dup = await call(manager, 'POST', '/api/programs', base(org.companies.jp, 'SES'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0]).toMatchObject({ path: 'code', code: 'duplicate' });
    const unknownField = await call(manager, 'POST', '/api/programs', {
      ...base(org.companies.jp, 'X1'),
      colour: 1,
    });
    expect(unknownField.statusCode).toBe(400);
  });

  it('keeps a retired term a program already has, but refuses choosing one anew', async () => {
    await database.db.update(programs).set({ visionLayer: 'human_development' }).where(eq(programs.id, id));
    const kept = await call(manager, 'PATCH', `/api/programs/${id}`, {
      nameEn: 'Social Entrepreneurship School',
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().visionLayer).toBe('human_development');
    const other = await call(manager, 'PATCH', `/api/programs/${id}`, {
      visionLayer: 'environmental_conservation',
    });
    expect(other.json().fields[0]).toMatchObject({ path: 'visionLayer', code: 'classification_retired' });
    const back = await call(manager, 'PATCH', `/api/programs/${id}`, {
      visionLayer: 'society',
      endYear: 2001,
    });
    expect(back.json().fields[0]).toMatchObject({ path: 'endYear', code: 'ends_before_start' });
  });

  it('the database refuses a term of the wrong scheme and a write to the scheme column', async () => {
    const insert = (column: string, value: string) =>
      database.db.execute(
        sql.raw(`insert into programs (org_id, code, name_ja, framework, company_id, start_year, ${column})
          values ('${org.orgId}', 'RAW', 'x', 'company_program', '${org.companies.jp}', 2020, '${value}')`),
      );
    await expect(insert('company_field', 'education')).rejects.toThrow();
    await expect(insert('b4si_cause', 'regional')).rejects.toThrow();
    await expect(insert('company_field_scheme', 'b4si_cause')).rejects.toThrow();
  });

  it('lists programs with filters; employees cannot read them', async () => {
    await call(manager, 'POST', '/api/programs', {
      ...base(org.companies.us, 'US-TX'),
      framework: 'local_activity',
      status: 'planned',
    });
    const all = (await call(manager, 'GET', '/api/programs?sort=-code')).json();
    expect(all.items.map((p: { code: string }) => p.code)).toEqual(['US-TX', 'SES']);
    expect(all.items[1]).toMatchObject({ partnerCount: 0, companyNameEn: 'PROGS Japan' });
    const local = (await call(manager, 'GET', '/api/programs?framework=local_activity')).json();
    expect(local.total).toBe(1);
    expect((await call(manager, 'GET', '/api/programs?q=ses')).json().total).toBe(1);
    expect((await call(employee, 'GET', '/api/programs')).statusCode).toBe(403);
    expect((await call(employee, 'GET', `/api/programs/${id}/figures`)).statusCode).toBe(403);
  });

  it('a company-scoped manager sees and changes only its company’s programs', async () => {
    const ctx = scopedCtx(await ctxAs(database, org, 'program_manager'), org.companies.us);
    const seen = await listPrograms(ctx, { page: 1, size: 50 });
    expect(seen.items.map((p) => p.code)).toEqual(['US-TX']);
    await expect(getProgram(ctx, id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateProgram(ctx, id, { nameEn: 'Taken over' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      createProgram(ctx, {
        ...base(org.companies.jp, 'JPX'),
        sdgs: [],
        status: 'active',
        reviewCycleMonths: 12,
      } as never),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const us = seen.items[0];
    await expect(updateProgram(ctx, us.id, { companyId: org.companies.jp })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await updateProgram(ctx, us.id, { status: 'active' })).status).toBe('active');
  });

  it('links partners eligible now; refuses a new ineligible one; keeps one whose screening lapsed', async () => {
    const [ok, lapsed, never] = await database.db
      .insert(partners)
      .values([
        { orgId: org.orgId, code: 'ETIC', nameJa: 'ETIC.', kind: 'npo', eligibleUntil: dayOffset(100) },
        {
          orgId: org.orgId,
          code: 'LAPSING',
          nameJa: '期限切れ予定',
          kind: 'npo',
          eligibleUntil: dayOffset(100),
        },
        { orgId: org.orgId, code: 'NEVER', nameJa: '未審査', kind: 'npo' },
      ])
      .returning();
    const put = (items: object[]) => call(manager, 'PUT', `/api/programs/${id}/partners`, { items });
    const linked = await put([{ partnerId: ok.id, role: 'organiser' }, { partnerId: lapsed.id }]);
    expect(linked.statusCode).toBe(200);
    expect(linked.json().partners).toMatchObject([
      { code: 'ETIC', role: 'organiser', eligible: true },
      { code: 'LAPSING', role: 'partner', eligible: true },
    ]);
    await database.db
      .update(partners)
      .set({ eligibleUntil: dayOffset(-1) })
      .where(eq(partners.id, lapsed.id));
    const refused = await put([{ partnerId: ok.id }, { partnerId: lapsed.id }, { partnerId: never.id }]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'partner_not_eligible',
      fields: [{ path: 'items.2.partnerId', code: 'partner_not_eligible' }],
    });
    const kept = await put([{ partnerId: ok.id }, { partnerId: lapsed.id, role: 'host' }]);
    expect(kept.json().partners[1]).toMatchObject({ code: 'LAPSING', role: 'host', eligible: false });
    const dup = await put([{ partnerId: ok.id }, { partnerId: ok.id }]);
    expect(dup.json().fields[0]).toMatchObject({ path: 'items.1.partnerId', code: 'duplicate_partner' });
    const other = await put([{ partnerId: '00000000-0000-4000-8000-000000000000' }]);
    expect(other.json().fields[0]).toMatchObject({ code: 'not_found' });
    expect((await call(manager, 'GET', `/api/programs?partnerId=${ok.id}`)).json().total).toBe(1);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'program.partners'));
    expect(audits).toHaveLength(2);
  });
});
