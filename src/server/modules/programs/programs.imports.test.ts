import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from '../../test/factories.js';
import { programs } from './programs.table.js';
import { programSessions } from './records.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let promoter: Session;
let programId: string;

const CSV = [
  'session_ref,kind,title_ja,starts_on,students,employees',
  'C-1,class,白河高校,2023-10-02,30,4',
  'C-2,class,神奈川A高校,2023-11-06,40,5',
].join('\n');

const post = (as: Session, kind: string, body: string, query = '') =>
  app.inject({
    method: 'POST',
    url: `/api/programs/${programId}/imports/${kind}${query}`,
    headers: { ...as.headers, 'content-type': 'text/csv' },
    payload: body,
  });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'PIMPORT');
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.program_manager.email);
  promoter = await signIn(app, org.users.promoter.email);
  const [p] = await database.db
    .insert(programs)
    .values({
      orgId: org.orgId,
      code: 'FUTURE',
      nameJa: '未来',
      framework: 'company_program',
      companyId: org.companies.jp,
      startYear: 2023,
    })
    .returning();
  programId = p.id;
});

describe('POST /api/programs/{id}/imports/{kind}', () => {
  it('imports sessions into the program; the same file again changes nothing', async () => {
    const first = await post(manager, 'sessions', CSV);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 2, created: 2, committed: true });
    const again = await post(manager, 'sessions', CSV);
    expect(again.json()).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const rows = await database.db
      .select()
      .from(programSessions)
      .where(eq(programSessions.programId, programId));
    expect(rows.map((r) => r.externalRef).sort()).toEqual(['C-1', 'C-2']);
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db,
      sql`select sum(count)::int as n from program_session_counts c join program_sessions s on s.id = c.session_id where s.program_id = ${programId}`,
    );
    expect(n).toBe(79);
    const figures = await app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/figures?from=2023&to=2023`,
      headers: manager.headers,
    });
    expect(figures.json().years[0]).toMatchObject({ sessions: 2, participantsTotal: 79 });
  });

  it('dry runs roll back; bad values come back by row and column', async () => {
    const dry = await post(manager, 'sessions', `${CSV}\nC-3,class,x,2023-12-01,1,1`, '?dryRun=true');
    expect(dry.json()).toMatchObject({ created: 1, committed: false, dryRun: true });
    const bad = await post(manager, 'sessions', 'session_ref,kind,starts_on\nC-9,party,2023-13-01');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('import_invalid');
    expect(bad.json().fields.map((f: { row: number }) => f.row)).toContain(2);
  });

  it('imports projects and testimonials into the program; the same files again change nothing', async () => {
    const projects =
      'project_code,title_ja,starts_on,outcome_en,outcome_quantity\nPB-1,掛川市,2023-06-01,Born,14';
    expect((await post(manager, 'projects', projects)).json()).toMatchObject({ created: 1, committed: true });
    expect((await post(manager, 'projects', projects)).json()).toMatchObject({ created: 0, unchanged: 1 });
    const quotes = 'quote_ja,speaker_ja,consent_on,session_ref\n楽しかった,生徒,2023-10-02,C-1';
    expect((await post(manager, 'testimonials', quotes)).json()).toMatchObject({ created: 1 });
    expect((await post(manager, 'testimonials', quotes)).json()).toMatchObject({ created: 0, unchanged: 1 });
    const list = await app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/projects`,
      headers: manager.headers,
    });
    expect(list.json().items[0]).toMatchObject({ code: 'PB-1', fiscalYear: 2023, outcomesQuantity: 14 });
    const bad = await post(manager, 'testimonials', 'quote_ja,consent_on\nx,2999-01-01');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields[0]).toMatchObject({ row: 2, column: 'consent_on', code: 'consent_in_future' });
  });

  it('needs the survey for responses, a known kind, and programs.manage', async () => {
    expect((await post(manager, 'survey-responses', 'respondent_ref\nr1')).json().fields[0]).toMatchObject({
      path: 'survey',
      code: 'required',
    });
    expect((await post(manager, 'survey-responses', 'respondent_ref\nr1', '?survey=NOPE')).statusCode).toBe(
      404,
    );
    expect((await post(manager, 'parties', CSV)).statusCode).toBe(400);
    expect((await post(promoter, 'sessions', CSV)).statusCode).toBe(403);
  });
});
