import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { type Ctx, systemCtx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { toNumber } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { buildEmployeeRow, createTestOrg, ctxAs, TEST_PASSWORD, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { createUser } from '../auth/users.service.js';
import { loadGrants } from '../auth/sessions.service.js';
import { employees } from '../people/people.table.js';
import { type ImportOptions, importRegistrations, importRegistrationsFile } from './registrations.import.js';
import { saveMyRegistration } from './registrations.service.js';
import { volunteerRegistrations as reg, volunteerSkills } from './volunteering.table.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let database: Database;

/** An organisation with the employees and skills the fixtures name. */
async function newOrg(code: string): Promise<{ org: TestOrg; ctx: Ctx }> {
  const org = await createTestOrg(database, code);
  const { jp, us } = org.companies;
  await database.db
    .insert(employees)
    .values([
      buildEmployeeRow(org.orgId, jp, 101, { employeeNumber: '10000101', siteId: org.sites.tokyo }),
      buildEmployeeRow(org.orgId, jp, 102, { employeeNumber: '10000102' }),
      buildEmployeeRow(org.orgId, jp, 103, { employeeNumber: '10000103' }),
      buildEmployeeRow(org.orgId, us, 201, { employeeNumber: '20000001', siteId: org.sites.texas }),
    ]);
  await database.db.insert(volunteerSkills).values([
    { orgId: org.orgId, code: 'translation', nameJa: '翻訳', nameEn: 'Translation' },
    { orgId: org.orgId, code: 'it', nameJa: 'IT', nameEn: 'IT' },
    { orgId: org.orgId, code: 'accounting', nameJa: '経理', nameEn: 'Accounting', active: false },
  ]);
  return { org, ctx: await ctxAs(database, org, 'org_admin') };
}

async function registrations(orgId: string) {
  return database.db
    .select({
      number: employees.employeeNumber,
      joinedOn: reg.joinedOn,
      leftOn: reg.leftOn,
      interestFields: reg.interestFields,
      skills: reg.skills,
      skillsNote: reg.skillsNote,
      languages: reg.languages,
      prefecture: reg.prefecture,
      region: reg.region,
      availability: reg.availability,
      onlineOk: reg.onlineOk,
    })
    .from(reg)
    .innerJoin(employees, eq(employees.id, reg.employeeId))
    .where(eq(reg.orgId, orgId))
    .orderBy(employees.employeeNumber);
}

async function registrationCount(orgId: string): Promise<number> {
  const [{ n }] = await database.db.select({ n: count() }).from(reg).where(eq(reg.orgId, orgId));
  return toNumber(n);
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const fromText = (ctx: Ctx, text: string, options: Partial<ImportOptions> = {}) =>
  importRegistrations(ctx, Readable.from([Buffer.from(text)]), { fileName: 'inline.csv', ...options });

beforeAll(async () => {
  database = await openTestDatabase();
});

describe('registration CSV import', () => {
  it('imports a valid file with its dates, lists, prefectures and flags', async () => {
    const { org, ctx } = await newOrg('RIMA');
    const report = await importRegistrationsFile(ctx, fixture('registrations-valid.csv'), {});
    expect(report).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0, committed: true });
    expect(await registrations(org.orgId)).toEqual([
      {
        number: '10000101',
        joinedOn: '2021-06-01',
        leftOn: null,
        interestFields: ['environment', 'regional'],
        skills: ['translation', 'it'],
        skillsNote: '英日翻訳(ビジネス文書)',
        languages: ['ja', 'en'],
        prefecture: '13',
        region: null,
        availability: ['weekend', 'weekday_evening'],
        onlineOk: true,
      },
      expect.objectContaining({ number: '10000102', joinedOn: '2022-04-15', leftOn: '2023-03-31' }),
      expect.objectContaining({
        number: '10000103',
        interestFields: ['welfare_diversity', 'environment'],
        skills: ['accounting'],
        skillsNote: '簿記2級, 会計監査の経験',
        prefecture: '01',
        onlineOk: true,
      }),
      expect.objectContaining({ number: '20000001', skills: ['it'], prefecture: null, region: 'Texas' }),
    ]);
    const [kanagawa] = (await registrations(org.orgId)).filter((r) => r.number === '10000102');
    expect(kanagawa).toMatchObject({ prefecture: '14', onlineOk: false, skills: [], skillsNote: null });
  });

  it('reads UTF-8 with a BOM and Japanese headers, and Shift_JIS, to the same rows', async () => {
    const read = async (code: string, file: string, encoding?: 'shift_jis') => {
      const { org, ctx } = await newOrg(code);
      const report = await importRegistrationsFile(ctx, fixture(file), { encoding });
      return { report, rows: await registrations(org.orgId) };
    };
    const utf8 = await read('RIMB', 'registrations-valid.csv');
    const bom = await read('RIMC', 'registrations-bom.csv');
    const sjis = await read('RIMD', 'registrations-shift-jis.csv');
    const sjisGiven = await read('RIME', 'registrations-shift-jis.csv', 'shift_jis');
    expect(sjis.report.encoding).toBe('shift_jis');
    expect(bom.rows).toEqual(utf8.rows);
    expect(sjis.rows).toEqual(utf8.rows);
    expect(sjisGiven.rows).toEqual(utf8.rows);
  });

  it('changes nothing when the same file comes twice, and updates only changed rows', async () => {
    const { org, ctx } = await newOrg('RIMF');
    await importRegistrationsFile(ctx, fixture('registrations-valid.csv'), {});
    const stamp = async () =>
      (await database.db.select({ u: reg.updatedAt }).from(reg).where(eq(reg.orgId, org.orgId))).map(
        (r) => r.u,
      );
    const before = await stamp();
    const again = await importRegistrationsFile(ctx, fixture('registrations-valid.csv'), {});
    expect(again).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4 });
    expect(await stamp()).toEqual(before);
    const changed = readFileSync(fixture('registrations-valid.csv'), 'utf8').replace(
      '2021-06-01',
      '2021-05-20',
    );
    expect(await fromText(ctx, changed)).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
  });

  it('keeps the values of columns the file leaves out', async () => {
    const { org, ctx } = await newOrg('RIMG');
    await importRegistrationsFile(ctx, fixture('registrations-valid.csv'), {});
    const narrow = 'employee_number,joined_on\n10000101,2021-06-01\n10000102,2022-04-15\n';
    expect(await fromText(ctx, narrow)).toMatchObject({ updated: 0, unchanged: 2 });
    const rows = await registrations(org.orgId);
    expect(rows[0]).toMatchObject({ skills: ['translation', 'it'], prefecture: '13' });
    expect(rows[1]).toMatchObject({ leftOn: '2023-03-31', onlineOk: false });
  });

  it('moves history in: the imported joining date stays when the employee joins again', async () => {
    const { org, ctx } = await newOrg('RIMH');
    await fromText(ctx, `employee_number,joined_on,left_on\nRIMH-7,2021-04-05,2022-03-31\n`);
    const self = await ctxAs(database, org, 'employee');
    const again = await saveMyRegistration(self, {
      interestFields: ['environment'],
      skills: [],
      skillsNote: null,
      languages: ['ja'],
      prefecture: null,
      region: null,
      availability: [],
      onlineOk: true,
    });
    expect(again).toMatchObject({ joinedOn: '2021-04-05', leftOn: null, status: 'active' });
  });

  it('names the row and column of every bad value and writes nothing', async () => {
    const { org, ctx } = await newOrg('RIMI');
    const err = await rejection(importRegistrationsFile(ctx, fixture('registrations-bad-values.csv'), {}));
    expect(err.code).toBe('import_invalid');
    expect(err.params).toMatchObject({ count: 11, rows: 11 });
    expect(err.fields.map((f) => [f.row, f.column, f.code, (f as { value?: string }).value])).toEqual([
      [3, 'employee_number', 'unknown_employee', '99999999'],
      [4, 'joined_on', 'invalid_date', '2021-02-30'],
      [5, 'left_on', 'left_before_joined', '2021-05-31'],
      [6, 'interest_fields', 'unknown_interest_field', 'space'],
      [7, 'skills', 'unknown_skill', 'juggling'],
      [8, 'languages', 'unknown_language', 'xx'],
      [9, 'prefecture', 'invalid_prefecture', '48'],
      [10, 'availability', 'unknown_availability', 'nights'],
      [11, 'online_ok', 'invalid_boolean', 'maybe'],
      [12, 'joined_on', 'future_date', '2999-01-01'],
      [13, 'employee_number', 'required', ''],
    ]);
    expect(await registrationCount(org.orgId)).toBe(0);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.orgId, org.orgId));
    expect(audits.filter((a) => a.action === 'volunteer_registrations.import')).toHaveLength(0);
  });

  it('refuses a bad header and an employee given twice', async () => {
    const { ctx } = await newOrg('RIMJ');
    const header = await rejection(fromText(ctx, 'employee_number,joined,skills\n10000101,2021-06-01,it\n'));
    expect(header.fields.map((f) => [f.row, f.column, f.code])).toEqual([
      [1, 'joined', 'unknown_column'],
      [1, 'joined_on', 'missing_column'],
    ]);
    const twice = await rejection(
      fromText(ctx, '社員番号,登録日\n10000101,2021-06-01\n10000102,2021-06-01\n10000101,2022-01-01\n'),
    );
    expect(twice.fields).toEqual([
      expect.objectContaining({ row: 4, column: '社員番号', code: 'duplicate_in_file', first: 2 }),
    ]);
  });

  it('with partial, writes the valid rows; a dry run writes nothing', async () => {
    const { org, ctx } = await newOrg('RIMK');
    const dry = await importRegistrationsFile(ctx, fixture('registrations-valid.csv'), { dryRun: true });
    expect(dry).toMatchObject({ rows: 4, created: 4, committed: false, dryRun: true });
    expect(await registrationCount(org.orgId)).toBe(0);
    const partial = await importRegistrationsFile(ctx, fixture('registrations-bad-values.csv'), {
      partial: true,
    });
    expect(partial).toMatchObject({ rows: 12, created: 1, invalidRows: 11, committed: true });
    expect(await registrationCount(org.orgId)).toBe(1);
  });

  it('writes one audit record per import', async () => {
    const { org, ctx } = await newOrg('RIML');
    await importRegistrationsFile(ctx, fixture('registrations-valid.csv'), {});
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.entityType, 'volunteer_registration')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'volunteer_registrations.import' });
    expect(audits[0].after).toMatchObject({ fileName: 'registrations-valid.csv', rows: 4, created: 4 });
  });

  it('requires organisation-wide volunteers.manage', async () => {
    const { org, ctx } = await newOrg('RIMM');
    const user = await createUser(ctx, {
      email: 'us-csr@rimm.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'csr_manager', scopeType: 'company', companyId: org.companies.us }],
    });
    const usCsr: Ctx = {
      ...ctx,
      actor: {
        kind: 'user',
        userId: user.id,
        label: user.email,
        employeeId: null,
        grants: await loadGrants(database.db, org.orgId, user.id),
      },
    };
    const err = await rejection(importRegistrationsFile(usCsr, fixture('registrations-valid.csv'), {}));
    expect(err.code).toBe('forbidden');
    const system = systemCtx(database.db, org.orgId);
    expect((await importRegistrationsFile(system, fixture('registrations-valid.csv'), {})).created).toBe(4);
  });
});
