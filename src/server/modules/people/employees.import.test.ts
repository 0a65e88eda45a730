import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { type Ctx, systemCtx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { openTestDatabase } from '../../test/db.js';
import { auditLog } from '../audit/audit.table.js';
import { employees } from './people.table.js';
import { importEmployees, importEmployeesFile, type ImportOptions } from './employees.import.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let database: Database;

async function newOrg(code: string): Promise<{ org: TestOrg; ctx: Ctx }> {
  const org = await createTestOrg(database, code);
  return { org, ctx: await ctxAs(database, org, 'org_admin') };
}

async function employeeCount(orgId: string): Promise<number> {
  const [{ n }] = await database.db.select({ n: count() }).from(employees).where(eq(employees.orgId, orgId));
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
  importEmployees(ctx, Readable.from([Buffer.from(text)]), { fileName: 'inline.csv', ...options });

beforeAll(async () => {
  database = await openTestDatabase();
});

describe('employee CSV import', () => {
  it('imports a valid UTF-8 file and fills every column, search text included', async () => {
    const { org, ctx } = await newOrg('IMPA');
    const report = await importEmployeesFile(ctx, fixture('employees-valid.csv'), {});
    expect(report).toMatchObject({ rows: 5, created: 5, updated: 0, unchanged: 0, committed: true });
    expect(report.encoding).toBe('utf-8');
    const [left] = await database.db
      .select()
      .from(employees)
      .where(and(eq(employees.orgId, org.orgId), eq(employees.employeeNumber, '10000103')));
    expect(left).toMatchObject({
      nameJa: '鈴木 一郎',
      employmentStatus: 'left',
      hireDate: '2001-10-01',
      leaveDate: '2020-03-31',
      companyId: org.companies.jp,
      siteId: null,
    });
    expect(left.searchGrams).toContain('鈴木');
    const [smith] = await database.db
      .select()
      .from(employees)
      .where(and(eq(employees.orgId, org.orgId), eq(employees.employeeNumber, '20000002')));
    expect(smith).toMatchObject({ nameEn: 'Garcia, Maria', employmentStatus: 'active' });
  });

  it('reads UTF-8 with a BOM and Japanese headers, and Shift_JIS, to the same rows', async () => {
    const read = async (code: string, file: string, encoding?: 'shift_jis') => {
      const { org, ctx } = await newOrg(code);
      const report = await importEmployeesFile(ctx, fixture(file), { encoding });
      const rows = await database.db
        .select({
          n: employees.employeeNumber,
          ja: employees.nameJa,
          kana: employees.nameKana,
          s: employees.employmentStatus,
          h: employees.hireDate,
          l: employees.leaveDate,
        })
        .from(employees)
        .where(eq(employees.orgId, org.orgId))
        .orderBy(employees.employeeNumber);
      return { report, rows: rows.filter((r) => /^\d+$/.test(r.n)) };
    };
    const utf8 = await read('IMPB', 'employees-valid.csv');
    const bom = await read('IMPC', 'employees-bom.csv');
    const sjisAuto = await read('IMPD', 'employees-shift-jis.csv');
    const sjisGiven = await read('IMPE', 'employees-shift-jis.csv', 'shift_jis');
    expect(bom.report.encoding).toBe('utf-8');
    expect(sjisAuto.report.encoding).toBe('shift_jis');
    expect(bom.rows).toEqual(utf8.rows);
    expect(sjisAuto.rows).toEqual(utf8.rows);
    expect(sjisGiven.rows).toEqual(utf8.rows);
    expect(sjisAuto.rows.find((r) => r.n === '10000102')?.ja).toBe('髙橋 健一');
  });

  it('changes nothing when the same file is imported twice, and updates only changed rows', async () => {
    const { org, ctx } = await newOrg('IMPF');
    await importEmployeesFile(ctx, fixture('employees-valid.csv'), {});
    const [before] = await database.db
      .select({ updatedAt: employees.updatedAt })
      .from(employees)
      .where(and(eq(employees.orgId, org.orgId), eq(employees.employeeNumber, '10000101')));
    const again = await importEmployeesFile(ctx, fixture('employees-valid.csv'), {});
    expect(again).toMatchObject({ rows: 5, created: 0, updated: 0, unchanged: 5 });
    const [after] = await database.db
      .select({ updatedAt: employees.updatedAt })
      .from(employees)
      .where(and(eq(employees.orgId, org.orgId), eq(employees.employeeNumber, '10000101')));
    expect(after.updatedAt).toEqual(before.updatedAt);

    const changed = readFileSync(fixture('employees-valid.csv'), 'utf8').replace(
      'Hanako Sato',
      'Hanako Satō',
    );
    const third = await fromText(ctx, changed);
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
  });

  it('keeps the values of columns the file leaves out', async () => {
    const { org, ctx } = await newOrg('IMPG');
    await importEmployeesFile(ctx, fixture('employees-valid.csv'), {});
    const narrow =
      'employee_number,name_ja,name_en,name_kana,email,company_code,hire_date\n' +
      '10000101,佐藤 花子,Hanako Sato,サトウ ハナコ,hanako.sato@example.test,JP01,2012-04-01\n';
    expect(await fromText(ctx, narrow)).toMatchObject({ updated: 0, unchanged: 1 });
    const [row] = await database.db
      .select()
      .from(employees)
      .where(and(eq(employees.orgId, org.orgId), eq(employees.employeeNumber, '10000101')));
    expect(row.siteId).toBe(org.sites.tokyo);
    expect(row.departmentId).toBe(org.departmentId);
  });

  it('refuses a file that repeats an employee number, naming both rows', async () => {
    const { org, ctx } = await newOrg('IMPH');
    const before = await employeeCount(org.orgId);
    const err = await rejection(importEmployeesFile(ctx, fixture('employees-duplicates.csv'), {}));
    expect(err.code).toBe('import_invalid');
    expect(err.fields).toEqual([
      expect.objectContaining({ row: 4, column: 'employee_number', code: 'duplicate_in_file', first: 2 }),
    ]);
    expect(await employeeCount(org.orgId)).toBe(before);
  });

  it('refuses a bad header: missing and unknown columns', async () => {
    const { ctx } = await newOrg('IMPI');
    const err = await rejection(importEmployeesFile(ctx, fixture('employees-bad-header.csv'), {}));
    expect(err.code).toBe('import_invalid');
    const found = err.fields.map((f) => [f.row, f.column, f.code]);
    expect(found).toContainEqual([1, 'favourite_colour', 'unknown_column']);
    expect(found).toContainEqual([1, 'name_kana', 'missing_column']);
  });

  it('names the row and column of every bad value and writes nothing (all-or-nothing)', async () => {
    const { org, ctx } = await newOrg('IMPJ');
    const before = await employeeCount(org.orgId);
    const err = await rejection(importEmployeesFile(ctx, fixture('employees-bad-values.csv'), {}));
    expect(err.code).toBe('import_invalid');
    expect(err.params).toMatchObject({ count: 8, rows: 8 });
    expect(err.fields.map((f) => [f.row, f.column, f.code])).toEqual([
      [3, 'email', 'invalid_format'],
      [4, 'company_code', 'unknown_company'],
      [5, 'site_code', 'site_outside_company'],
      [6, 'department_code', 'unknown_department'],
      [7, 'employment_status', 'invalid_value'],
      [8, 'hire_date', 'invalid_date'],
      [9, 'leave_date', 'leave_before_hire'],
      [10, 'name_ja', 'required'],
    ]);
    expect(await employeeCount(org.orgId)).toBe(before);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.orgId, org.orgId));
    expect(audits.filter((a) => a.action === 'employees.import')).toHaveLength(0);
  });

  it('with partial, writes the valid rows and reports the others', async () => {
    const { org, ctx } = await newOrg('IMPK');
    const before = await employeeCount(org.orgId);
    const report = await importEmployeesFile(ctx, fixture('employees-bad-values.csv'), { partial: true });
    expect(report).toMatchObject({ rows: 9, created: 1, invalidRows: 8, committed: true });
    expect(report.issues).toHaveLength(8);
    expect(await employeeCount(org.orgId)).toBe(before + 1);
  });

  it('dry run counts what would change and writes nothing', async () => {
    const { org, ctx } = await newOrg('IMPL');
    const before = await employeeCount(org.orgId);
    const report = await importEmployeesFile(ctx, fixture('employees-valid.csv'), { dryRun: true });
    expect(report).toMatchObject({ rows: 5, created: 5, committed: false, dryRun: true });
    expect(await employeeCount(org.orgId)).toBe(before);
  });

  it('writes one audit record per import, not one per row', async () => {
    const { org, ctx } = await newOrg('IMPM');
    await importEmployeesFile(ctx, fixture('employees-valid.csv'), {});
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.orgId, org.orgId));
    const imports = audits.filter((a) => a.action === 'employees.import');
    expect(imports).toHaveLength(1);
    expect(imports[0].after).toMatchObject({ fileName: 'employees-valid.csv', rows: 5, created: 5 });
    expect(audits.filter((a) => a.entityType === 'employee' && a.action !== 'employees.import')).toHaveLength(
      0,
    );
  });

  it('streams a larger file in batches and reports progress', async () => {
    const { org, ctx } = await newOrg('IMPN');
    const lines = ['employee_number,name_ja,name_en,name_kana,email,company_code,hire_date'];
    for (let i = 0; i < 2500; i++)
      lines.push(
        `9${String(i).padStart(7, '0')},試験 ${i},Test ${i},シケン,t${i}@example.test,JP01,2020-04-01`,
      );
    const seen: number[] = [];
    const report = await fromText(ctx, `${lines.join('\n')}\n`, {
      batchSize: 1000,
      totalBytes: 1,
      onProgress: (rows) => seen.push(rows),
    });
    expect(report).toMatchObject({ rows: 2500, created: 2500 });
    expect(seen).toContain(1000);
    expect(seen.at(-1)).toBe(2500);
    expect(await employeeCount(org.orgId)).toBe(2507);
  });

  it('refuses invalid UTF-8 when UTF-8 is asked for, and a malformed CSV, with the row', async () => {
    const { ctx } = await newOrg('IMPO');
    const sjis = readFileSync(fixture('employees-shift-jis.csv'));
    const err = await rejection(
      importEmployees(ctx, Readable.from([sjis]), { fileName: 'x.csv', encoding: 'utf-8' }),
    );
    expect(err.fields[0].code).toBe('invalid_encoding');
    const bad = await rejection(fromText(ctx, 'employee_number,name_ja\n"1,unclosed\n'));
    expect(bad.fields[0]).toMatchObject({ code: 'csv_syntax', row: 2 });
  });

  it('requires organisation-wide people.manage', async () => {
    const { org } = await newOrg('IMPP');
    const auditor = await ctxAs(database, org, 'auditor');
    const err = await rejection(importEmployeesFile(auditor, fixture('employees-valid.csv'), {}));
    expect(err.code).toBe('forbidden');
    const system = systemCtx(database.db, org.orgId);
    expect((await importEmployeesFile(system, fixture('employees-valid.csv'), {})).created).toBe(5);
  });
});
