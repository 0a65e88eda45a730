import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { rowsOf } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { buildEmployeeRow, createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { programs } from './programs.table.js';
import { sessionFigures } from './sessions.figures.js';
import { importSessions } from './sessions.import.js';

let database: Database;
let org: TestOrg;
let ctx: Ctx;
let programId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'SIM');
  ctx = await ctxAs(database, org, 'program_manager');
  const [p] = await database.db
    .insert(programs)
    .values({
      orgId: org.orgId,
      code: 'ENET',
      nameJa: 'e-Net キャラバン',
      framework: 'company_program',
      companyId: org.companies.jp,
      startYear: 2005,
    })
    .returning();
  programId = p.id;
  await database.db
    .insert(partners)
    .values({ orgId: org.orgId, code: 'HS-A', nameJa: 'A高校', kind: 'school' });
  await database.db
    .insert(employees)
    .values(
      [1, 2, 3].map((n) =>
        buildEmployeeRow(org.orgId, org.companies.jp, 900 + n, { employeeNumber: `SIMP-${n}` }),
      ),
    );
});

const run = (csv: string, options: { partial?: boolean } = {}) =>
  importSessions(ctx, Readable.from([csv]), { programCode: 'ENET', fileName: 'sessions.csv', ...options });

const FILE = [
  'session_ref,kind,title_ja,title_en,starts_on,ends_on,place_ja,partner_code,students,guardians,teachers,employees,public,organisations,attendees',
  'E-2015-01,授業,情報モラル教室,Internet safety class,2015/06/10,,A高校,HS-A,120,10,4,2,,,SIMP-1;SIMP-2',
  'E-2015-02,class,保護者向け,,2016-02-01,2016-02-01,,,,45,,1,,,SIMP-3',
  'E-2023-01,event,フェス,,2023-11-03,2023-11-04,,,,,,,"4,000",,',
].join('\n');

describe('the sessions import', () => {
  it('creates sessions with counts and named attendees, by Japanese or English kind', async () => {
    const report = await run(FILE);
    expect(report).toMatchObject({ rows: 3, created: 3, updated: 0, committed: true });
    const figures = await sessionFigures(ctx, programId, { from: 2015, to: 2023 });
    expect(figures[0]).toMatchObject({
      fiscalYear: 2015,
      sessions: 2,
      participants: { students: 120, guardians: 55, teachers: 4, employees: 3, public: 0 },
      participantsTotal: 182,
      employees: 3,
    });
    expect(figures[8]).toMatchObject({
      fiscalYear: 2023,
      sessions: 1,
      participants: { public: 4000 },
      employees: 0,
    });
    expect(figures[3]).toMatchObject({ fiscalYear: 2018, sessions: 0, participantsTotal: 0 });
  });

  it('is idempotent, and an update rewrites only what changed', async () => {
    expect(await run(FILE)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const changed = FILE.replace('2015/06/10,,A高校,HS-A,120', '2015/06/10,,A高校,HS-A,121');
    expect(await run(changed)).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from program_sessions where program_id = ${programId}`,
    );
    expect(n).toBe(3);
  });

  it('takes the employees’ hours (employee_hours or a Japanese header) as whole minutes', async () => {
    const minutes = async () =>
      Object.fromEntries(
        (
          await rowsOf<{ ref: string; m: number | null }>(
            database.db,
            sql`select external_ref as ref, employee_minutes as m from program_sessions
              where program_id = ${programId} order by 1`,
          )
        ).map((r) => [r.ref, r.m]),
      );
    const hours = [
      'session_ref,kind,title_ja,starts_on,社員の活動時間',
      'E-2015-01,授業,情報モラル教室,2015/06/10,４.５',
      'E-2015-02,class,保護者向け,2016-02-01,1.11',
    ].join('\n');
    expect(await run(hours)).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    // 4.5 h = 270 minutes; 1.11 h = 66.6 minutes, rounded to 67.
    expect(await minutes()).toEqual({ 'E-2015-01': 270, 'E-2015-02': 67, 'E-2023-01': null });
    const [fy2015] = await sessionFigures(ctx, programId, { from: 2015, to: 2015 });
    expect(fy2015.employeeHours).toBe(5.6); // 337 minutes
    expect(await run(hours)).toMatchObject({ updated: 0, unchanged: 2 });
    // FILE has no hours column: E-2015-01 goes back to 120 students, its hours stay.
    expect(await run(FILE)).toMatchObject({ updated: 1, unchanged: 2 });
    expect((await minutes())['E-2015-01']).toBe(270);
    const cleared = [
      'session_ref,kind,title_ja,starts_on,employee_hours',
      'E-2015-02,class,保護者向け,2016-02-01,',
    ];
    expect(await run(cleared.join('\n'))).toMatchObject({ updated: 1 });
    expect((await minutes())['E-2015-02']).toBeNull();
    const bad = [
      'session_ref,kind,title_ja,starts_on,employee_hours',
      'E-2024-01,class,x,2024-05-01,-1',
      'E-2024-02,class,x,2024-05-01,1.234',
      'E-2024-03,class,x,2024-05-01,two',
    ].join('\n');
    await expect(run(bad)).rejects.toMatchObject({
      code: 'import_invalid',
      fields: [2, 3, 4].map((row) =>
        expect.objectContaining({ row, column: 'employee_hours', code: 'hours_decimal' }),
      ),
    });
  });

  it('names each bad value by row and column and writes nothing', async () => {
    const bad = [
      'session_ref,kind,title_ja,starts_on,ends_on,partner_code,employees,attendees',
      'E-2024-01,lecture,x,2024-05-01,2024-04-01,NOPE,1,SIMP-1;SIMP-2;SIM-9',
      'E-2024-02,class,,2024-02-30,,,-3,',
    ].join('\n');
    await expect(run(bad)).rejects.toMatchObject({
      code: 'import_invalid',
      fields: [
        expect.objectContaining({ row: 2, column: 'kind', code: 'invalid_value' }),
        expect.objectContaining({ row: 2, column: 'ends_on', code: 'ends_before_start' }),
        expect.objectContaining({ row: 2, column: 'partner_code', code: 'unknown_partner' }),
        expect.objectContaining({ row: 2, column: 'attendees', code: 'unknown_employee', value: 'SIM-9' }),
        expect.objectContaining({ row: 2, column: 'employees', code: 'below_named_attendees' }),
        expect.objectContaining({ row: 3, column: 'title_ja', code: 'required' }),
        expect.objectContaining({ row: 3, column: 'starts_on', code: 'invalid_date' }),
        expect.objectContaining({ row: 3, column: 'employees', code: 'count_whole' }),
      ],
    });
  });

  it('needs programs.manage on the program’s company', async () => {
    const scoped = {
      ...ctx,
      actor: {
        ...ctx.actor,
        grants: [
          {
            role: 'program_manager' as const,
            scopeType: 'company' as const,
            companyId: org.companies.us,
            siteId: null,
          },
        ],
      },
    };
    await expect(
      importSessions(scoped, Readable.from([FILE]), { programId, fileName: 'x.csv' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
