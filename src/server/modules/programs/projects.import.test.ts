import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { buildEmployeeRow } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { employees } from '../people/people.table.js';
import { importProjects } from './projects.import.js';
import { getProject, listProjects, setProjectMembers } from './projects.service.js';
import { programProjects } from './records.table.js';
import { type RecordsWorld, recordsWorld } from './records.test-support.js';

let database: Database;
let w: RecordsWorld;
let staff: string[];

const csv = (text: string) => Readable.from([Buffer.from(text)]);
const run = (text: string | Buffer, options: { partial?: boolean; ctx?: RecordsWorld['manager'] } = {}) =>
  importProjects(
    options.ctx ?? w.manager,
    Readable.from([typeof text === 'string' ? Buffer.from(text) : text]),
    {
      programId: w.jpProgramId,
      fileName: 'projects.csv',
      partial: options.partial,
    },
  );
const fails = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: AppError) => e,
  );
const byCode = async (code: string) => {
  const [p] = await database.db
    .select()
    .from(programProjects)
    .where(and(eq(programProjects.programId, w.jpProgramId), eq(programProjects.code, code)));
  return p;
};

beforeAll(async () => {
  database = await openTestDatabase();
  w = await recordsWorld(database, 'PRJIMP');
  const rows = await database.db
    .insert(employees)
    .values(
      [1, 2, 3].map((n) =>
        buildEmployeeRow(w.org.orgId, w.org.companies.jp, 700 + n, { employeeNumber: `PB-${n}` }),
      ),
    )
    .returning({ id: employees.id });
  staff = rows.map((r) => r.id);
});

const FILE = [
  'project_code,title_ja,title_en,summary_ja,fiscal_year,starts_on,ends_on,status,partner_code,team,outcome_ja,outcome_en,outcome_quantity',
  '2018-KAKEGAWA,掛川市 葛布の利活用拡大戦略,Kakegawa kappu strategy,ワークショップ2回,,2018/06/01,2019-02-28,完了,CITY-KAKEGAWA,PB-1;PB-2;PB-1,生まれたプロジェクト,Projects born,14',
  '2018-CITY-B,自治体B,,,2018年度,,,planned,,,,,',
].join('\n');

describe('the projects import', () => {
  it('creates projects with partner, team and one outcome; the same file again changes nothing', async () => {
    expect(await run(FILE)).toMatchObject({ rows: 2, created: 2, updated: 0, committed: true });
    const kakegawa = await byCode('2018-KAKEGAWA');
    expect(kakegawa).toMatchObject({
      fiscalYear: 2018,
      startsOn: '2018-06-01',
      endsOn: '2019-02-28',
      status: 'completed',
      partnerId: w.partnerId,
      summaryJa: 'ワークショップ2回',
    });
    const detail = await getProject(w.manager, kakegawa.id);
    expect(detail).toMatchObject({ members: 2, outcomesQuantity: 14 });
    expect(detail.items).toEqual([
      expect.objectContaining({ kind: 'outcome', titleJa: '生まれたプロジェクト', quantity: 14 }),
    ]);
    expect(await byCode('2018-CITY-B')).toMatchObject({ fiscalYear: 2018, status: 'planned', titleEn: null });

    expect(await run(FILE)).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const page = await listProjects(w.manager, w.jpProgramId, { page: 1, size: 50 });
    expect(page.total).toBe(2);
    expect((await getProject(w.manager, kakegawa.id)).items).toHaveLength(1);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, w.org.orgId), eq(auditLog.action, 'program_project.import')));
    expect(audits).toHaveLength(2);
  });

  it('updates what changed, keeps the roles of members kept and upserts the outcome by its title', async () => {
    const kakegawa = await byCode('2018-KAKEGAWA');
    await setProjectMembers(w.manager, kakegawa.id, {
      items: [
        { employeeId: staff[0], role: 'leader' },
        { employeeId: staff[1], role: 'member' },
      ],
    });
    const change = [
      'project_code,team,outcome_ja,outcome_quantity',
      '2018-KAKEGAWA,PB-1;PB-3,生まれたプロジェクト,15',
      '2018-CITY-B,,,',
    ].join('\n');
    expect(await run(change)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const detail = await getProject(w.manager, kakegawa.id);
    expect(detail.team.map((m) => [m.employeeNumber, m.role])).toEqual([
      ['PB-1', 'leader'],
      ['PB-3', 'member'],
    ]);
    expect(detail.items).toEqual([
      expect.objectContaining({ titleJa: '生まれたプロジェクト', titleEn: 'Projects born', quantity: 15 }),
    ]);
    expect(detail).toMatchObject({ status: 'completed', titleEn: 'Kakegawa kappu strategy' });
    const other = 'project_code,outcome_en,outcome_quantity\n2018-KAKEGAWA,Workshop participants,150';
    expect(await run(other)).toMatchObject({ updated: 1 });
    expect((await getProject(w.manager, kakegawa.id)).outcomesQuantity).toBe(165);
  });

  it('reads Japanese headers in Shift_JIS', async () => {
    const text = [
      'プロジェクトコード,名称,開始日,状態,チーム',
      '2019-SJIS,掛川市 第二期,2019/05/10,実施中,PB-2',
    ].join('\r\n');
    expect(await run(iconv.encode(text, 'cp932'))).toMatchObject({ encoding: 'shift_jis', created: 1 });
    expect(await byCode('2019-SJIS')).toMatchObject({
      titleJa: '掛川市 第二期',
      fiscalYear: 2019,
      status: 'active',
    });
  });

  it('names the row and column of every bad value and writes nothing', async () => {
    const bad = [
      'project_code,title_ja,title_en,fiscal_year,starts_on,ends_on,status,partner_code,team,outcome_ja,outcome_quantity',
      'BAD 1,x,,2020,2020-04-01,2020-03-01,ongoing,NOPE,PB-1;PB-9,成果,-2',
      'BAD-2,,,,2020-02-30,,,,,,5',
      'BAD-3,ok,,,,,,,,,',
      'BAD-4,ok,,1800,,,,,,,',
      'BAD-5,ok,,2020,,,,,,,',
      'BAD-5,dup,,2020,,,,,,,',
    ].join('\n');
    const e = await fails(run(bad));
    expect(e.code).toBe('import_invalid');
    expect(e.fields.map((f) => `${f.row}:${f.column}:${f.code}`)).toEqual(
      expect.arrayContaining([
        '2:project_code:invalid_format',
        '2:ends_on:ends_before_start',
        '2:status:invalid_value',
        '2:partner_code:unknown_partner',
        '2:team:unknown_employee',
        '2:outcome_quantity:count_whole',
        '3:title_ja:title_required',
        '3:starts_on:invalid_date',
        '3:outcome_ja:title_required',
        '4:fiscal_year:fiscal_year_required',
        '5:fiscal_year:invalid_fiscal_year',
        '7:project_code:duplicate_in_file',
      ]),
    );
    expect(e.fields.find((f) => f.code === 'unknown_employee')).toMatchObject({ value: 'PB-9' });
    expect(await byCode('BAD-5')).toBeUndefined();
    const partial = await run(bad, { partial: true });
    expect(partial).toMatchObject({ created: 1, invalidRows: 5, committed: true });
    expect(await byCode('BAD-5')).toMatchObject({ titleJa: 'ok' });
  });

  it('needs programs.manage on the program’s company', async () => {
    const us = importProjects(w.jpManager, csv(FILE), { programId: w.usProgramId, fileName: 'p.csv' });
    expect((await fails(us)).code).toBe('forbidden');
    expect(await run('project_code,title_en\n2018-CITY-B,City B', { ctx: w.jpManager })).toMatchObject({
      updated: 1,
    });
    const auditor = run(FILE, { ctx: w.auditor });
    expect((await fails(auditor)).code).toBe('forbidden');
  });
});
