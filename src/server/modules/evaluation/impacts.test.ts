import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from '../../test/factories.js';
import { impactViolation } from './evaluation.impacts.js';
import { companyProgramManager, insertProgram } from './evaluation.test-support.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let auditor: Session;
let scoped: Session;
let programId: string;

const ok = {
  assessed: 70,
  connect: 20,
  improve: 40,
  transform: 10,
  behaviourChange: 50,
  skillsChange: 70,
  qualityOfLifeChange: 12,
  method: 'Survey after the classes',
};
const put = (as: Session, fy: number, body: object, id = programId) =>
  app.inject({ method: 'PUT', url: `/api/programs/${id}/impacts/${fy}`, headers: as.headers, payload: body });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'IMPACT');
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.program_manager.email);
  auditor = await signIn(app, org.users.auditor.email);
  scoped = await companyProgramManager(app, database, org, org.companies.us);
  programId = (await insertProgram(database, org, 'FUTURE', org.companies.jp)).id;
});

describe('B4SI impact', () => {
  it('is recorded per fiscal year and replaced when recorded again', async () => {
    const first = await put(manager, 2023, ok);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ ...ok, fiscalYear: 2023, fiscalYearLabel: '2023年度' });
    const again = await put(manager, 2023, { ...ok, transform: 5, method: null });
    expect(again.json()).toMatchObject({ transform: 5, method: null, id: first.json().id });
    await put(manager, 2024, { ...ok, assessed: 80 });
    const list = await app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/impacts`,
      headers: auditor.headers,
    });
    expect(list.json().items.map((i: { fiscalYear: number }) => i.fiscalYear)).toEqual([2024, 2023]);
  });

  it('refuses depth counts beyond those assessed, naming the fields, and changes nothing', async () => {
    const res = await put(manager, 2023, { ...ok, connect: 30, improve: 40, transform: 10 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([
      ['connect', 'impact_depth_exceeds_assessed'],
      ['improve', 'impact_depth_exceeds_assessed'],
      ['transform', 'impact_depth_exceeds_assessed'],
    ]);
    const type = await put(manager, 2023, { ...ok, skillsChange: 71 });
    expect(type.json().fields).toEqual([
      expect.objectContaining({ path: 'skillsChange', code: 'impact_type_exceeds_assessed' }),
    ]);
    const negative = await put(manager, 2023, { ...ok, connect: -1 });
    expect(negative.statusCode).toBe(400);
    const list = await app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/impacts`,
      headers: auditor.headers,
    });
    expect(list.json().items.find((i: { fiscalYear: number }) => i.fiscalYear === 2023).transform).toBe(5);
  });

  it('holds in the database too, and the check violations map to field errors', async () => {
    let caught: unknown;
    try {
      await database.db.execute(
        sql`update program_impacts set connect = assessed, improve = 1 where program_id = ${programId}`,
      );
    } catch (err) {
      caught = err;
    }
    expect(impactViolation(caught)?.fields.map((f) => f.path)).toEqual(['connect', 'improve', 'transform']);
    caught = undefined;
    try {
      await database.db.execute(
        sql`insert into program_impacts (org_id, program_id, fiscal_year, assessed, quality_of_life_change)
            values (${org.orgId}, ${programId}, 2020, 5, 6)`,
      );
    } catch (err) {
      caught = err;
    }
    expect(impactViolation(caught)?.fields[0]).toMatchObject({ code: 'impact_type_exceeds_assessed' });
  });

  it('is recorded only by reviewers in the program’s company', async () => {
    expect((await put(auditor, 2023, ok)).statusCode).toBe(403);
    expect((await put(scoped, 2023, ok)).statusCode).toBe(403);
    const res = await app.inject({
      method: 'PUT',
      url: `/api/programs/${programId}/impacts/2023`,
      headers: manager.headers,
      payload: { ...ok, extra: 1 },
    });
    expect(res.statusCode).toBe(400);
  });
});
