import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, signIn } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { cohortFigures } from './cohorts.figures.js';
import { createGraduate, deleteGraduate, listGraduates, updateGraduate } from './cohorts.graduates.js';
import { importGraduates } from './cohorts.import.js';
import { createCohort, deleteCohort, listCohorts, updateCohort } from './cohorts.service.js';
import { programGraduates } from './records.table.js';
import { type RecordsWorld, recordsWorld } from './records.test-support.js';

let database: Database;
let w: RecordsWorld;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  w = await recordsWorld(database, 'COH');
  app = await buildTestApp(database);
});

const fails = (p: Promise<unknown>) => p.then(() => null as unknown as AppError).catch((e: AppError) => e);
const csv = (text: string) => Readable.from([Buffer.from(text)]);
const page = { page: 1, size: 50 };

describe('cohorts and graduates', () => {
  it('records cohorts with graduates and counts them per cohort and program', async () => {
    const c = await createCohort(w.manager, w.jpProgramId, {
      code: '2022',
      fiscalYear: 2022,
      nameJa: '2022年度',
    });
    expect(c).toMatchObject({ code: '2022', fiscalYear: 2022, fiscalYearLabel: 'fiscal 2023', graduates: 0 });
    const g = await createGraduate(w.manager, c.id, {
      kind: 'group',
      nameJa: 'BANSO-CO',
      ventureEn: 'BANSO-CO Inc.',
    });
    expect(g.ref).toBe('2022-1');
    await createGraduate(w.manager, c.id, {
      kind: 'individual',
      nameEn: 'A. Sato',
      supportedFiscalYear: 2023,
      ref: 'sato',
    });
    const list = await listCohorts(w.manager, w.jpProgramId, page);
    expect(list.items[0]).toMatchObject({ graduates: 2, supportedVentures: 1 });
    expect(list.graduatesTotal).toBe(2);
    const supported = await listGraduates(w.manager, c.id, { ...page, supported: true });
    expect(supported.items.map((x) => x.ref)).toEqual(['sato']);
    const found = await listGraduates(w.manager, c.id, { ...page, q: 'banso' });
    expect(found.total).toBe(1);
  });

  it('refuses a cohort before the program started, a repeated code and support before the cohort', async () => {
    const early = await fails(createCohort(w.manager, w.jpProgramId, { code: '1999', fiscalYear: 1999 }));
    expect(early.fields[0]).toMatchObject({ path: 'fiscalYear', code: 'before_program_start' });
    const dup = await fails(createCohort(w.manager, w.jpProgramId, { code: '2022', fiscalYear: 2022 }));
    expect(dup.code).toBe('duplicate');
    expect(dup.fields[0]).toMatchObject({ path: 'code', code: 'duplicate' });
    const c = await createCohort(w.manager, w.jpProgramId, { code: '2020', fiscalYear: 2020 });
    const before = await fails(
      createGraduate(w.manager, c.id, { kind: 'group', nameJa: 'X', supportedFiscalYear: 2019 }),
    );
    expect(before.fields[0]).toMatchObject({ path: 'supportedFiscalYear', code: 'supported_before_cohort' });
    const noName = await fails(createGraduate(w.manager, c.id, { kind: 'group' }));
    expect(noName.fields[0]).toMatchObject({ code: 'name_required' });
    const g = await createGraduate(w.manager, c.id, {
      kind: 'group',
      nameJa: 'Y',
      supportedFiscalYear: 2021,
    });
    const moved = await fails(updateCohort(w.manager, c.id, { fiscalYear: 2022 }));
    expect(moved.fields[0]).toMatchObject({ code: 'graduate_supported_before' });
    expect((await fails(deleteCohort(w.manager, c.id))).code).toBe('conflict');
    await deleteGraduate(w.manager, g.id);
    await deleteCohort(w.manager, c.id);
  });

  it('keeps a company-scoped manager to their company’s programs; readers cannot change', async () => {
    const jp = await createCohort(w.jpManager, w.jpProgramId, { code: '2023', fiscalYear: 2023 });
    expect(jp.code).toBe('2023');
    const other = await fails(createCohort(w.jpManager, w.usProgramId, { code: '2023', fiscalYear: 2023 }));
    expect(other.code).toBe('forbidden');
    const us = await createCohort(w.manager, w.usProgramId, { code: '2023', fiscalYear: 2023 });
    expect((await fails(updateCohort(w.jpManager, us.id, { nameEn: 'x' }))).code).toBe('forbidden');
    expect((await fails(listCohorts(w.jpManager, w.usProgramId, page))).code).toBe('forbidden');
    expect((await fails(createGraduate(w.auditor, jp.id, { kind: 'group', nameJa: 'Z' }))).code).toBe(
      'forbidden',
    );
    const g = await createGraduate(w.manager, us.id, { kind: 'group', nameEn: 'Texas team' });
    expect((await fails(updateGraduate(w.jpManager, g.id, { nameEn: 'y' }))).code).toBe('forbidden');
  });

  it('moves a graduate only to a cohort of the same program', async () => {
    const [jp] = (await listCohorts(w.manager, w.jpProgramId, page)).items.filter((c) => c.code === '2023');
    const [us] = (await listCohorts(w.manager, w.usProgramId, page)).items;
    const g = await createGraduate(w.manager, jp.id, { kind: 'group', nameJa: 'move me' });
    const e = await fails(updateGraduate(w.manager, g.id, { cohortId: us.id }));
    expect(e.fields[0]).toMatchObject({ path: 'cohortId', code: 'not_found' });
    const [c22] = (await listCohorts(w.manager, w.jpProgramId, page)).items.filter((c) => c.code === '2022');
    expect((await updateGraduate(w.manager, g.id, { cohortId: c22.id })).cohortId).toBe(c22.id);
  });

  it('holds the rules in the database too', async () => {
    const [c] = (await listCohorts(w.manager, w.jpProgramId, page)).items;
    const insert = (values: string) =>
      database.db.execute(
        sql.raw(`insert into program_graduates (org_id, program_id, cohort_id, external_ref, kind, name_ja)
        values ('${w.org.orgId}', '${w.usProgramId}', '${c.id}', ${values})`),
      );
    // The cohort belongs to another program than the one named.
    await expect(insert(`'x-1', 'group', 'x'`)).rejects.toThrow();
    await expect(
      database.db.execute(sql`insert into program_graduates (org_id, program_id, cohort_id, external_ref, kind)
        values (${w.org.orgId}, ${w.jpProgramId}, ${c.id}, 'noname', 'group')`),
    ).rejects.toThrow();
    await expect(
      database.db.execute(
        sql`insert into program_cohorts (org_id, program_id, code, fiscal_year) values (${w.org.orgId}, ${w.jpProgramId}, 'bad code!', 2020)`,
      ),
    ).rejects.toThrow();
  });
});

describe('graduates import', () => {
  const file = [
    'program_code,cohort_code,cohort_fiscal_year,graduate_ref,kind,name_ja,name_en,venture_ja,venture_en,supported_fiscal_year',
    'SES,2019,2019,G2019-1,グループ,まいるテック,mairu tech,mairu,mairu,2023',
    'SES,2019,2019年度,G2019-2,group,オモヒビト,Omohibito,シルバニア,Silvernia,2023',
    'SES,2018,２０１８,G2018-1,個人,山田花子,Hanako Yamada,,,',
  ].join('\n');

  it('creates cohorts and graduates, and a rerun changes nothing', async () => {
    const first = await importGraduates(w.manager, csv(file), { fileName: 'g.csv' });
    expect(first).toMatchObject({ rows: 3, created: 3, updated: 0, committed: true });
    const again = await importGraduates(w.manager, csv(file), { fileName: 'g.csv' });
    expect(again).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    const rows = await database.db
      .select()
      .from(programGraduates)
      .where(and(eq(programGraduates.orgId, w.org.orgId), sql`${programGraduates.externalRef} like 'G20%'`));
    expect(rows).toHaveLength(3);
    const cohorts = (await listCohorts(w.manager, w.jpProgramId, page)).items;
    expect(cohorts.find((c) => c.code === '2019')).toMatchObject({
      fiscalYear: 2019,
      graduates: 2,
      supportedVentures: 2,
    });
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, w.org.orgId), eq(auditLog.action, 'program_graduate.import')));
    expect(audits).toHaveLength(2);
  });

  it('reads Japanese headers in Shift_JIS and UTF-8 with a BOM', async () => {
    const text = [
      'プログラムコード,期,期の年度,卒業生番号,種別,名称',
      'SES,J2024,２０２４年度,J-1,グループ,チーム葛',
    ].join('\r\n');
    const sjis = await importGraduates(w.manager, Readable.from([iconv.encode(text, 'cp932')]), {
      fileName: 'sjis.csv',
    });
    expect(sjis).toMatchObject({ encoding: 'shift_jis', created: 1 });
    const bom = await importGraduates(w.manager, Readable.from([Buffer.from(`\ufeff${text}`)]), {
      fileName: 'bom.csv',
    });
    expect(bom).toMatchObject({ created: 0, unchanged: 1 });
    const [g] = await database.db
      .select()
      .from(programGraduates)
      .where(eq(programGraduates.externalRef, 'J-1'));
    expect(g.nameJa).toBe('チーム葛');
  });

  it('refuses an unknown or missing column in the header', async () => {
    const e = await fails(
      importGraduates(w.manager, csv('cohort_code,graduate_ref,colour\n2019,X-1,red'), { fileName: 'h.csv' }),
    );
    expect(e.fields.map((f) => f.code)).toEqual(['unknown_column']);
    const m = await fails(
      importGraduates(w.manager, csv('cohort_code,name_ja\n2019,x'), { fileName: 'h.csv' }),
    );
    expect(m.fields.map((f) => `${f.column}:${f.code}`)).toEqual(['graduate_ref:missing_column']);
  });

  it('updates a changed row and leaves columns the file lacks alone', async () => {
    const changed = ['cohort_code,graduate_ref,name_en', '2019,G2019-1,mairu tech Inc.'].join('\n');
    const r = await importGraduates(w.manager, csv(changed), { fileName: 'g2.csv', programCode: 'SES' });
    expect(r).toMatchObject({ created: 0, updated: 1 });
    const [g] = await database.db
      .select()
      .from(programGraduates)
      .where(eq(programGraduates.externalRef, 'G2019-1'));
    expect(g).toMatchObject({ nameEn: 'mairu tech Inc.', nameJa: 'まいるテック', supportedFiscalYear: 2023 });
  });

  it('names the row and column of every bad value and imports nothing', async () => {
    const bad = [
      'program_code,cohort_code,cohort_fiscal_year,graduate_ref,kind,name_ja,supported_fiscal_year',
      'NOPE,2020,2020,B-1,group,x,',
      'SES,2019,2018,B-2,group,x,',
      'SES,2024,,B-3,group,x,',
      'SES,2021,2021,B-4,team?,,2020',
      'SES,2021,2021,B-5,group,ok,',
      'SES,2021,2021,B-5,group,dup,',
    ].join('\n');
    const e = await fails(importGraduates(w.manager, csv(bad), { fileName: 'bad.csv' }));
    expect(e.code).toBe('import_invalid');
    const codes = e.fields.map((f) => `${f.row}:${f.column}:${f.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '2:program_code:unknown_program',
        '3:cohort_fiscal_year:cohort_year_mismatch',
        '4:cohort_fiscal_year:required',
        '5:kind:invalid_graduate_kind',
        '5:name_ja:name_required',
        '5:supported_fiscal_year:supported_before_cohort',
        '7:graduate_ref:duplicate_in_file',
      ]),
    );
    const [{ n }] = await database.db
      .select({ n: sql<number>`count(*)` })
      .from(programGraduates)
      .where(sql`${programGraduates.externalRef} like 'B-%'`);
    expect(Number(n)).toBe(0);
  });

  it('needs a program and refuses a program other than the target', async () => {
    const noProgram = await fails(
      importGraduates(
        w.manager,
        csv('cohort_code,cohort_fiscal_year,graduate_ref,name_ja\n2020,2020,N-1,x'),
        { fileName: 'n.csv' },
      ),
    );
    expect(noProgram.fields[0]).toMatchObject({ code: 'program_required', row: 2 });
    const other = await fails(
      importGraduates(
        w.manager,
        csv('program_code,cohort_code,cohort_fiscal_year,graduate_ref,name_ja\nSES,2020,2020,N-1,x'),
        {
          fileName: 'n.csv',
          programId: w.usProgramId,
        },
      ),
    );
    expect(other.fields[0]).toMatchObject({ code: 'program_mismatch' });
  });

  it('needs programs.manage organisation-wide', async () => {
    expect((await fails(importGraduates(w.jpManager, csv(file), { fileName: 'g.csv' }))).code).toBe(
      'forbidden',
    );
  });
});

describe('cohort figures', () => {
  it('counts graduates of the year, cumulative and supported ventures per fiscal year', async () => {
    const figures = await cohortFigures(w.manager, w.jpProgramId, { from: 2018, to: 2023 });
    expect(figures).toHaveLength(6);
    const y = Object.fromEntries(figures.map((f) => [f.fiscalYear, f]));
    expect(y[2018]).toMatchObject({ graduates: 1, graduatesCumulative: 1, supportedVentures: 0 });
    expect(y[2019]).toMatchObject({ graduates: 2, graduatesCumulative: 3 });
    expect(y[2023].supportedVentures).toBe(3);
    expect(y[2023].graduatesCumulative).toBe(y[2022].graduatesCumulative + y[2023].graduates);
  });
});

describe('cohort routes', () => {
  it('creates a cohort and a graduate over HTTP and answers field errors in the caller’s language', async () => {
    const s = await signIn(app, w.jpManagerEmail);
    const res = await app.inject({
      method: 'POST',
      url: `/api/programs/${w.jpProgramId}/cohorts`,
      headers: s.headers,
      payload: { code: 'H-2021', fiscalYear: 2021, nameEn: 'Class of 2021' },
    });
    expect(res.statusCode).toBe(201);
    const cohort = res.json();
    const g = await app.inject({
      method: 'POST',
      url: `/api/cohorts/${cohort.id}/graduates`,
      headers: s.headers,
      payload: { nameJa: 'チーム', kind: 'group' },
    });
    expect(g.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/programs/${w.jpProgramId}/cohorts`,
      headers: { ...s.headers, 'accept-language': 'ja' },
      payload: { code: 'old', fiscalYear: 1990, extra: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const list = await app.inject({
      method: 'GET',
      url: `/api/programs/${w.jpProgramId}/cohorts`,
      headers: s.headers,
    });
    expect(list.json().items.some((c: { code: string }) => c.code === 'H-2021')).toBe(true);
    const forbidden = await app.inject({
      method: 'GET',
      url: `/api/programs/${w.usProgramId}/cohorts`,
      headers: s.headers,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
