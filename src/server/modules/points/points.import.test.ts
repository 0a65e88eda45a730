import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { buildEmployeeRow, createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { balanceOf } from '../ledger/ledger.accounts.js';
import { account } from '../ledger/ledger.keys.js';
import { post } from '../ledger/ledger.post.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { currentFiscalYear } from '../ledger/ledger.values.js';
import { employees } from '../people/people.table.js';
import { type ImportOptions, importPoints, importPointsFile } from './points.import.js';
import { grantKey, grantRequest, listGrants } from './points.service.js';

let database: Database;
let FY: number;
const scratch = mkdtempSync(join(tmpdir(), 'kyosei-points-'));
const FIXTURE_YEAR = 2026;
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/**
 * A fixture with its fiscal year moved to the current one (the fixtures say 2026, and a grant to an
 * ended year is refused), in its own encoding, as a file.
 */
function fixture(name: string, encoding: 'utf-8' | 'cp932' = 'utf-8'): string {
  const bytes = readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
  const text = iconv
    .decode(bytes, encoding, { stripBOM: false })
    .replaceAll(String(FIXTURE_YEAR), String(FY))
    .replaceAll(fullWidth(String(FIXTURE_YEAR)), fullWidth(String(FY)));
  const path = join(scratch, `${FY}-${name}`);
  writeFileSync(path, iconv.encode(text, encoding));
  return path;
}

/** An organisation with the employees the fixtures name. */
async function newOrg(code: string): Promise<{ org: TestOrg; ctx: Ctx }> {
  const org = await createTestOrg(database, code);
  const { jp, us } = org.companies;
  await database.db
    .insert(employees)
    .values([
      buildEmployeeRow(org.orgId, jp, 101, { employeeNumber: '10000101' }),
      buildEmployeeRow(org.orgId, jp, 102, { employeeNumber: '10000102' }),
      buildEmployeeRow(org.orgId, jp, 103, { employeeNumber: '10000103' }),
      buildEmployeeRow(org.orgId, us, 201, { employeeNumber: '20000001' }),
    ]);
  return { org, ctx: await ctxAs(database, org, 'finance') };
}

async function grantsOf(ctx: Ctx) {
  const page = await listGrants(ctx, { page: 1, size: 200 });
  return page.items
    .map((g) => ({
      reference: g.reference,
      employeeNumber: g.employee.employeeNumber,
      fiscalYear: g.fiscalYear,
      points: g.points,
      note: g.note,
    }))
    .sort((a, b) => a.reference.localeCompare(b.reference));
}

async function imports(orgId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'points.import')));
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
  importPoints(ctx, Readable.from([Buffer.from(text)]), { fileName: 'inline.csv', ...options });

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createTestOrg(database, 'PIMX');
  FY = await currentFiscalYear(await ctxAs(database, org, 'finance'));
});

describe('points CSV import', () => {
  it('posts one grant per row, with one audit record for the import', async () => {
    const { org, ctx } = await newOrg('PIMA');
    const report = await importPointsFile(ctx, fixture('points-valid.csv'), {});
    expect(report).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, committed: true });
    expect(await grantsOf(ctx)).toEqual([
      {
        reference: `WB-${FY}-10000101`,
        employeeNumber: '10000101',
        fiscalYear: FY,
        points: 300,
        note: '年間付与',
      },
      {
        reference: `WB-${FY}-10000102`,
        employeeNumber: '10000102',
        fiscalYear: FY,
        points: 1200,
        note: 'Yearly allowance',
      },
      { reference: `WB-${FY}-20000001`, employeeNumber: '20000001', fiscalYear: FY, points: 300, note: null },
    ]);
    const [emp] = await database.db.select().from(employees).where(eq(employees.employeeNumber, '10000102'));
    expect(await balanceOf(ctx, account.employeePoints(emp.id, FY))).toBe(1200);
    const audits = await imports(org.orgId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: 'ledger_posting', actorLabel: org.users.finance.email });
    expect(audits[0].after).toMatchObject({ fileName: `${FY}-points-valid.csv`, rows: 3, created: 3 });
    const perGrant = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.action, 'points.grant')));
    expect(perGrant).toHaveLength(0);
  });

  it('reads UTF-8 with a BOM and Japanese headers, and Shift_JIS, to the same grants', async () => {
    const read = async (code: string, path: string, encoding?: 'shift_jis') => {
      const { ctx } = await newOrg(code);
      const report = await importPointsFile(ctx, path, { encoding });
      return { report, grants: await grantsOf(ctx) };
    };
    const utf8 = await read('PIMB', fixture('points-valid.csv'));
    const bom = await read('PIMC', fixture('points-bom.csv'));
    const sjis = await read('PIMD', fixture('points-shift-jis.csv', 'cp932'));
    const sjisGiven = await read('PIME', fixture('points-shift-jis.csv', 'cp932'), 'shift_jis');
    expect(sjis.report.encoding).toBe('shift_jis');
    expect(bom.grants).toEqual(utf8.grants);
    expect(sjis.grants).toEqual(utf8.grants);
    expect(sjisGiven.grants).toEqual(utf8.grants);
  });

  it('changes nothing when the same file comes again, and refuses a reference reused with other content', async () => {
    const { org, ctx } = await newOrg('PIMF');
    const path = fixture('points-valid.csv');
    await importPointsFile(ctx, path, {});
    const postings = async () =>
      (await database.db.select().from(ledgerPostings).where(eq(ledgerPostings.orgId, org.orgId))).length;
    const before = await postings();
    const again = await importPointsFile(ctx, path, {});
    expect(again).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, committed: true });
    expect(await postings()).toBe(before);
    expect(await imports(org.orgId)).toHaveLength(2);

    const changed = readFileSync(path, 'utf8').replace(',"1,200",', ',1300,');
    const err = await rejection(fromText(ctx, changed));
    expect(err.code).toBe('import_invalid');
    expect(err.fields).toEqual([
      expect.objectContaining({ row: 3, column: 'grant_reference', code: 'reference_reused' }),
    ]);
    expect(await postings()).toBe(before);
  });

  it('names the row and column of every bad value and writes nothing', async () => {
    const { org, ctx } = await newOrg('PIMG');
    const err = await rejection(importPointsFile(ctx, fixture('points-bad-values.csv'), {}));
    expect(err.code).toBe('import_invalid');
    expect(err.params).toMatchObject({ count: 4, rows: 4 });
    expect(err.fields.map((f) => `${f.row} ${f.column} ${f.code}`)).toEqual([
      '3 employee_number unknown_employee',
      '4 fiscal_year invalid_fiscal_year',
      '5 points whole_number',
      '6 grant_reference required',
    ]);
    expect(await grantsOf(ctx)).toEqual([]);
    expect(await imports(org.orgId)).toHaveLength(0);

    const partial = await importPointsFile(ctx, fixture('points-bad-values.csv'), { partial: true });
    expect(partial).toMatchObject({ rows: 5, created: 1, invalidRows: 4, committed: true });
    expect((await grantsOf(ctx)).map((g) => g.employeeNumber)).toEqual(['10000101']);
  });

  it('refuses a reference given twice in a file, and a header it does not know', async () => {
    const { ctx } = await newOrg('PIMH');
    const dup = await rejection(importPointsFile(ctx, fixture('points-duplicates.csv'), {}));
    expect(dup.fields).toEqual([
      expect.objectContaining({ row: 4, column: 'grant_reference', code: 'duplicate_in_file', first: 2 }),
    ]);
    const header = await rejection(importPointsFile(ctx, fixture('points-bad-header.csv'), {}));
    expect(header.fields.map((f) => `${f.column} ${f.code}`)).toEqual([
      'employee_no unknown_column',
      'amount unknown_column',
      'employee_number missing_column',
      'points missing_column',
    ]);
    expect(await grantsOf(ctx)).toEqual([]);
  });

  it('refuses new grants to an ended year but accepts a rerun of one posted before it ended', async () => {
    const { ctx } = await newOrg('PIMI');
    const [emp] = await database.db
      .select()
      .from(employees)
      .where(and(eq(employees.orgId, ctx.orgId), eq(employees.employeeNumber, '10000101')));
    // A grant posted while last year was open (through the ledger core, as the service did then).
    const old = { reference: 'OLD-1', employeeId: emp.id, fiscalYear: FY - 1, points: 40, note: null };
    await post(ctx, {
      kind: 'grant',
      idempotencyKey: grantKey(old.reference),
      request: grantRequest(old),
      fiscalYear: FY - 1,
      effectiveOn: `${FY - 1}-04-01`,
      links: { employeeId: emp.id },
      lines: [
        { account: account.pointsGranted(FY - 1), amount: -40 },
        { account: account.employeePoints(emp.id, FY - 1), amount: 40 },
      ],
    });
    const header = 'grant_reference,employee_number,fiscal_year,points,note\n';
    const rerun = await fromText(ctx, `${header}OLD-1,10000101,${FY - 1},40,\n`);
    expect(rerun).toMatchObject({ rows: 1, created: 0, unchanged: 1 });
    const err = await rejection(fromText(ctx, `${header}OLD-2,10000101,${FY - 1},40,\n`));
    expect(err.fields).toEqual([
      expect.objectContaining({ row: 2, column: 'fiscal_year', code: 'fiscal_year_ended' }),
    ]);
  });

  it('needs organisation-wide points.manage', async () => {
    const { org } = await newOrg('PIMJ');
    for (const role of ['csr_manager', 'employee', 'auditor'] as const) {
      const ctx = await ctxAs(database, org, role);
      const err = await rejection(importPointsFile(ctx, fixture('points-valid.csv'), {}));
      expect(err.code).toBe('forbidden');
    }
    const admin = await ctxAs(database, org, 'org_admin');
    expect(await importPointsFile(admin, fixture('points-valid.csv'), { dryRun: true })).toMatchObject({
      rows: 3,
      created: 3,
      committed: false,
    });
    expect(await grantsOf(admin)).toEqual([]);
  });
});
