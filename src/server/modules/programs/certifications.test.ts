import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, signIn } from '../../test/factories.js';
import { rowsOf } from '../../lib/sql.js';
import { auditLog } from '../audit/audit.table.js';
import { importCertifications } from './certifications.import.js';
import { periodEnd } from './certifications.rules.js';
import {
  addHolder,
  certifiedCount,
  listCertifications,
  listHolders,
  renewHolder,
  revokeHolder,
} from './certifications.service.js';
import { certificationHolders } from './certifications.table.js';
import { type CertWorld, certWorld, daysFromNow } from './certifications.test-support.js';

let database: Database;
let w: CertWorld;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  w = await certWorld(database, 'CERT');
  app = await buildTestApp(database);
});

const fails = (p: Promise<unknown>) => p.then(() => null as unknown as AppError).catch((e: AppError) => e);
const csv = (text: string) => Readable.from([Buffer.from(text)]);

describe('certification periods', () => {
  it('ends a period at the day before the same date validityMonths later', () => {
    expect(periodEnd('2024-04-01', 24)).toBe('2026-03-31');
    expect(periodEnd('2024-01-31', 1)).toBe('2024-02-28');
    expect(periodEnd('2023-11-15', 3)).toBe('2024-02-14');
  });

  it('certifies with the default expiry, renews once, and counts each person once', async () => {
    const start = daysFromNow(-700);
    const first = await addHolder(w.manager, w.certificationId, {
      employeeId: w.people[0],
      certifiedOn: start,
    });
    expect(first.expiresOn).toBe(periodEnd(start, 24));
    const renewal = await renewHolder(w.manager, first.id, { certifiedOn: daysFromNow(-10) });
    expect(renewal.renewsId).toBe(first.id);
    expect((await fails(renewHolder(w.manager, first.id, { certifiedOn: daysFromNow(-5) }))).code).toBe(
      'already_renewed',
    );
    // Both periods cover the last ten days; the person counts once.
    expect(await certifiedCount(w.manager, w.programId, daysFromNow(-1))).toBe(1);
    const page = await listHolders(w.manager, w.certificationId, { status: 'current', page: 1, size: 50 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: renewal.id,
      periods: 2,
      firstCertifiedOn: start,
      status: 'current',
    });
  });

  it('refuses an overlapping period, a renewal before the period, and dates out of order', async () => {
    const e = await fails(
      addHolder(w.manager, w.certificationId, { employeeId: w.people[0], certifiedOn: daysFromNow(-3) }),
    );
    expect(e.code).toBe('already_certified');
    const p = await addHolder(w.manager, w.certificationId, {
      employeeId: w.people[1],
      certifiedOn: daysFromNow(-30),
    });
    const early = await fails(renewHolder(w.manager, p.id, { certifiedOn: daysFromNow(-40) }));
    expect(early.fields[0]).toMatchObject({ path: 'certifiedOn', code: 'renewal_before_period' });
    const backwards = await fails(
      addHolder(w.manager, w.certificationId, {
        employeeId: w.people[2],
        certifiedOn: '2024-05-01',
        expiresOn: '2024-04-01',
      }),
    );
    expect(backwards.fields[0]).toMatchObject({ path: 'expiresOn', code: 'ends_before_start' });
  });

  it('revokes from a day on: current before, not current from it', async () => {
    const p = await addHolder(w.manager, w.certificationId, {
      employeeId: w.people[3],
      certifiedOn: daysFromNow(-100),
    });
    const before = await certifiedCount(w.manager, w.programId, daysFromNow(0));
    await revokeHolder(w.manager, p.id, daysFromNow(0));
    expect(await certifiedCount(w.manager, w.programId, daysFromNow(0))).toBe(before - 1);
    expect(await certifiedCount(w.manager, w.programId, daysFromNow(-1))).toBe(before);
    expect((await fails(revokeHolder(w.manager, p.id, daysFromNow(0)))).code).toBe('invalid_transition');
    const expired = await listHolders(w.manager, w.certificationId, { status: 'expired', page: 1, size: 50 });
    expect(expired.items.find((h) => h.id === p.id)?.status).toBe('revoked');
  });

  it('keeps a company-scoped manager to their company and records every change in the audit log', async () => {
    const e = await fails(
      addHolder(w.usManager, w.certificationId, { employeeId: w.people[4], certifiedOn: daysFromNow(-1) }),
    );
    expect(e.code).toBe('forbidden');
    // Reading is kept to the company too: the holders are the other company's employees.
    expect(
      (await fails(listHolders(w.usManager, w.certificationId, { status: 'all', page: 1, size: 20 }))).code,
    ).toBe('forbidden');
    expect((await fails(listCertifications(w.usManager, w.programId))).code).toBe('forbidden');
    const [{ n }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(sql`${auditLog.orgId} = ${w.org.orgId} and ${auditLog.entityType} = 'certification_holder'`);
    expect(Number(n)).toBeGreaterThanOrEqual(5);
  });

  it('holds the rules in the database too: dates in order, one renewal per period, no cross-organisation employee', async () => {
    const [p] = await database.db
      .select({ id: certificationHolders.id })
      .from(certificationHolders)
      .where(
        sql`${certificationHolders.orgId} = ${w.org.orgId} and ${certificationHolders.renewsId} is not null`,
      );
    const direct = (q: ReturnType<typeof sql>) =>
      database.db.execute(q).then(
        () => 'ok',
        (err) => String(err?.cause?.code ?? err?.code),
      );
    expect(
      await direct(sql`insert into certification_holders (org_id, certification_id, employee_id, certified_on, expires_on)
        values (${w.org.orgId}, ${w.certificationId}, ${w.people[4]}, '2024-05-01', '2024-04-01')`),
    ).toBe('23514');
    const [{ renews_id }] = await rowsOf<{ renews_id: string }>(
      database.db,
      sql`select renews_id from certification_holders where id = ${p.id}`,
    );
    expect(
      await direct(sql`insert into certification_holders (org_id, certification_id, employee_id, certified_on, renews_id)
        values (${w.org.orgId}, ${w.certificationId}, ${w.people[0]}, '2030-01-01', ${renews_id})`),
    ).toBe('23505');
    const other = await certWorld(database, 'CERT2');
    expect(
      await direct(sql`insert into certification_holders (org_id, certification_id, employee_id, certified_on)
        values (${w.org.orgId}, ${w.certificationId}, ${other.people[0]}, '2024-05-01')`),
    ).toBe('23503');
  });
});

describe('certifications API', () => {
  it('lists certifications with current counts, adds, filters holders, and answers field errors', async () => {
    const s = await signIn(app, w.org.users.program_manager.email);
    const list = await app.inject({
      method: 'GET',
      url: `/api/programs/${w.programId}/certifications`,
      headers: s.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ code: 'ENET-INSTRUCTOR', validityMonths: 24 });
    const created = await app.inject({
      method: 'POST',
      url: `/api/programs/${w.programId}/certifications`,
      headers: s.headers,
      payload: { code: 'ENET-TRAINER', nameJa: 'e-ネット講師養成' },
    });
    expect(created.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/certifications/${w.certificationId}/holders`,
      headers: { ...s.headers, 'accept-language': 'ja' },
      payload: { employeeId: w.people[4], certifiedOn: '2024-13-40' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('certifiedOn');
    const holders = await app.inject({
      method: 'GET',
      url: `/api/certifications/${w.certificationId}/holders?status=all&q=I1`,
      headers: s.headers,
    });
    expect(holders.json().items.map((h: { employeeNumber: string }) => h.employeeNumber)).toEqual(['I1']);
    const us = await signIn(app, w.usManagerEmail);
    const forbidden = await app.inject({
      method: 'POST',
      url: `/api/programs/${w.programId}/certifications`,
      headers: us.headers,
      payload: { code: 'NOPE', nameEn: 'No' },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('certifications import', () => {
  const file = [
    'holder_ref,certification_code,employee_number,certified_on,expires_on,renews_ref',
    'H-1,ENET-INSTRUCTOR,I5,2019/04/01,2021/03/31,',
    'H-2,ENET-INSTRUCTOR,I5,2021-04-01,,H-1',
    'H-3,ENET-INSTRUCTOR,I3,2018-04-01,2020-03-31,',
  ].join('\n');

  it('imports periods with renewals and is idempotent', async () => {
    const first = await importCertifications(w.manager, csv(file), { fileName: 'c.csv' });
    expect(first).toMatchObject({ rows: 3, created: 3, updated: 0, committed: true });
    const again = await importCertifications(w.manager, csv(file), { fileName: 'c.csv' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const rows = await rowsOf(
      database.db,
      sql`select external_ref, expires_on::text as e, (select external_ref from certification_holders r where r.id = h.renews_id) as renews
          from certification_holders h where org_id = ${w.org.orgId} and external_ref is not null order by external_ref`,
    );
    expect(rows).toEqual([
      { external_ref: 'H-1', e: '2021-03-31', renews: null },
      { external_ref: 'H-2', e: '2023-03-31', renews: 'H-1' },
      { external_ref: 'H-3', e: '2020-03-31', renews: null },
    ]);
  });

  it('reports every bad value with its row and column and writes nothing', async () => {
    const bad = [
      'holder_ref,certification_code,employee_number,certified_on,renews_ref',
      'H-9,ENET-INSTRUCTOR,I1,2020-01-01,',
      'H-10,NOPE,I1,2020-01-01,',
      'H-11,ENET-INSTRUCTOR,X9,2020-02-30,H-404',
      'H-12,ENET-INSTRUCTOR,I1,2022-01-01,H-3',
    ].join('\n');
    const e = await fails(importCertifications(w.manager, csv(bad), { fileName: 'bad.csv' }));
    expect(e.code).toBe('import_invalid');
    expect(e.fields.map((f) => [f.row, f.column, f.code])).toEqual([
      [3, 'certification_code', 'unknown_certification'],
      [4, 'employee_number', 'unknown_employee'],
      [4, 'certified_on', 'invalid_date'],
      [5, 'renews_ref', 'renews_other_employee'],
    ]);
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from certification_holders where org_id = ${w.org.orgId} and external_ref = 'H-9'`,
    );
    expect(Number(n)).toBe(0);
  });

  it('keeps an import for one program to that program and its company', async () => {
    const e = await fails(
      importCertifications(w.usManager, csv(file), { fileName: 'c.csv', programId: w.programId }),
    );
    expect(e.code).toBe('forbidden');
    const other = await fails(
      importCertifications(w.manager, csv(file), { fileName: 'c.csv', programId: w.usProgramId }),
    );
    expect(other.fields[0]).toMatchObject({ code: 'unknown_certification' });
  });
});
