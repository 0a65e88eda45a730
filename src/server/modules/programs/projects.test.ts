import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, signIn } from '../../test/factories.js';
import { projectFigures } from './projects.figures.js';
import { addProjectItem, deleteProjectItem, updateProjectItem } from './projects.items.js';
import {
  createProject,
  getProject,
  listProjects,
  setProjectMembers,
  updateProject,
} from './projects.service.js';
import { type RecordsWorld, recordsWorld } from './records.test-support.js';

let database: Database;
let w: RecordsWorld;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  w = await recordsWorld(database, 'PRJ');
  app = await buildTestApp(database);
});

const fails = (p: Promise<unknown>) => p.then(() => null as unknown as AppError).catch((e: AppError) => e);
const page = { page: 1, size: 50 };

describe('projects', () => {
  it('records a project with a partner, a team, milestones, deliverables and outcomes', async () => {
    const p = await createProject(w.manager, w.jpProgramId, {
      code: '2018-KAKEGAWA',
      titleJa: '掛川市 葛布の利活用拡大',
      partnerId: w.partnerId,
      startsOn: '2018-06-01',
      endsOn: '2019-02-28',
      status: 'completed',
    });
    expect(p).toMatchObject({
      fiscalYear: 2018,
      partner: { code: 'CITY-KAKEGAWA' },
      members: 0,
      outcomesQuantity: 0,
    });
    const { users } = w.org;
    const team = await setProjectMembers(w.manager, p.id, {
      items: [
        { employeeId: users.promoter.employeeId, role: 'leader' },
        { employeeId: users.employee.employeeId, role: 'member' },
      ],
    });
    expect(team.team.map((m) => m.role)).toEqual(['leader', 'member']);
    await addProjectItem(w.manager, p.id, {
      kind: 'milestone',
      titleJa: 'ワークショップ1回目',
      doneOn: '2018-10-20',
    });
    await addProjectItem(w.manager, p.id, { kind: 'deliverable', titleJa: '葛布活用戦略' });
    const outcome = await addProjectItem(w.manager, p.id, {
      kind: 'outcome',
      titleJa: '生まれたプロジェクト',
      quantity: 14,
    });
    const detail = await getProject(w.manager, p.id);
    expect(detail.items.map((i) => i.kind)).toEqual(['milestone', 'deliverable', 'outcome']);
    expect(detail).toMatchObject({ members: 2, outcomesQuantity: 14 });
    await updateProjectItem(w.manager, outcome.id, { quantity: 15 });
    expect((await getProject(w.manager, p.id)).outcomesQuantity).toBe(15);
    await updateProjectItem(w.manager, outcome.id, { quantity: 14 });
    const list = await listProjects(w.manager, w.jpProgramId, { ...page, fiscalYear: 2018 });
    expect(list.items.map((x) => x.code)).toEqual(['2018-KAKEGAWA']);
  });

  it('refuses a quantity on a milestone, a missing title or year, and a duplicate or unknown team member', async () => {
    const p = await createProject(w.manager, w.jpProgramId, {
      code: 'P2',
      titleEn: 'Second',
      fiscalYear: 2023,
      status: 'active',
    });
    const q = await fails(addProjectItem(w.manager, p.id, { kind: 'milestone', titleJa: 'x', quantity: 3 }));
    expect(q.fields[0]).toMatchObject({ path: 'quantity', code: 'quantity_outcome_only' });
    const t = await fails(addProjectItem(w.manager, p.id, { kind: 'outcome' }));
    expect(t.fields[0]).toMatchObject({ code: 'title_required' });
    const y = await fails(
      createProject(w.manager, w.jpProgramId, { code: 'P3', titleEn: 'x', status: 'active' }),
    );
    expect(y.fields[0]).toMatchObject({ path: 'fiscalYear', code: 'fiscal_year_required' });
    const d = await fails(
      createProject(w.manager, w.jpProgramId, {
        code: 'P2',
        titleEn: 'x',
        fiscalYear: 2023,
        status: 'active',
      }),
    );
    expect(d.code).toBe('duplicate');
    const dates = await fails(
      updateProject(w.manager, p.id, { startsOn: '2024-01-10', endsOn: '2024-01-01' }),
    );
    expect(dates.fields[0]).toMatchObject({ path: 'endsOn', code: 'ends_before_start' });
    const e = w.org.users.promoter.employeeId;
    const m = await fails(
      setProjectMembers(w.manager, p.id, {
        items: [
          { employeeId: e, role: 'member' },
          { employeeId: e, role: 'leader' },
          { employeeId: '00000000-0000-4000-8000-000000000000', role: 'member' },
        ],
      }),
    );
    expect(m.fields).toEqual([
      { path: 'items.1.employeeId', code: 'duplicate' },
      { path: 'items.2.employeeId', code: 'not_found' },
    ]);
    const partner = await fails(
      updateProject(w.manager, p.id, { partnerId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(partner.fields[0]).toMatchObject({ path: 'partnerId', code: 'not_found' });
  });

  it('keeps a company-scoped manager to their company’s programs', async () => {
    const us = await createProject(w.manager, w.usProgramId, {
      code: 'TX1',
      titleEn: 'Texas',
      fiscalYear: 2023,
      status: 'active',
    });
    expect(
      (
        await fails(
          createProject(w.jpManager, w.usProgramId, {
            code: 'TX2',
            titleEn: 'x',
            fiscalYear: 2023,
            status: 'active',
          }),
        )
      ).code,
    ).toBe('forbidden');
    expect((await fails(updateProject(w.jpManager, us.id, { titleEn: 'y' }))).code).toBe('forbidden');
    expect((await fails(getProject(w.jpManager, us.id))).code).toBe('forbidden');
    const item = await addProjectItem(w.manager, us.id, { kind: 'outcome', titleEn: 'o', quantity: 1 });
    expect((await fails(deleteProjectItem(w.jpManager, item.id))).code).toBe('forbidden');
    expect((await fails(addProjectItem(w.auditor, us.id, { kind: 'outcome', titleEn: 'o' }))).code).toBe(
      'forbidden',
    );
    const jp = await createProject(w.jpManager, w.jpProgramId, {
      code: 'JP9',
      titleJa: '日本',
      fiscalYear: 2022,
      status: 'cancelled',
    });
    expect(jp.status).toBe('cancelled');
  });

  it('holds the rules in the database too', async () => {
    const [p] = (await listProjects(w.manager, w.jpProgramId, { ...page, fiscalYear: 2018 })).items;
    await expect(
      database.db.execute(sql`insert into program_project_items (org_id, project_id, kind, title_ja, quantity)
        values (${w.org.orgId}, ${p.id}, 'outcome', 'neg', -1)`),
    ).rejects.toThrow();
    await expect(
      database.db.execute(sql`update program_projects set status = 'done' where id = ${p.id}`),
    ).rejects.toThrow();
  });
});

describe('project figures', () => {
  it('counts projects, completed ones, outcome quantities and team members per fiscal year, leaving out cancelled', async () => {
    const figures = await projectFigures(w.manager, w.jpProgramId, { from: 2018, to: 2023 });
    const y = Object.fromEntries(figures.map((f) => [f.fiscalYear, f]));
    expect(y[2018]).toEqual({
      fiscalYear: 2018,
      projects: 1,
      completed: 1,
      outcomesQuantity: 14,
      teamMembers: 2,
    });
    expect(y[2022].projects).toBe(0);
    expect(y[2023]).toMatchObject({ projects: 1, outcomesQuantity: 0 });
  });
});

describe('project routes', () => {
  it('creates a project, its team and an outcome over HTTP', async () => {
    const s = await signIn(app, w.jpManagerEmail);
    const res = await app.inject({
      method: 'POST',
      url: `/api/programs/${w.jpProgramId}/projects`,
      headers: s.headers,
      payload: { code: 'BANSO-CO', titleEn: 'BANSO-CO business plan', fiscalYear: 2023 },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const team = await app.inject({
      method: 'PUT',
      url: `/api/projects/${id}/members`,
      headers: s.headers,
      payload: { items: [{ employeeId: w.org.users.employee.employeeId }] },
    });
    expect(team.json().team).toHaveLength(1);
    const item = await app.inject({
      method: 'POST',
      url: `/api/projects/${id}/items`,
      headers: s.headers,
      payload: { kind: 'outcome', titleEn: 'Plan for fund-raising', quantity: 1 },
    });
    expect(item.statusCode).toBe(201);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/project-items/${item.json().id}`,
      headers: s.headers,
    });
    expect(del.statusCode).toBe(204);
    const got = await app.inject({ method: 'GET', url: `/api/projects/${id}`, headers: s.headers });
    expect(got.json()).toMatchObject({ code: 'BANSO-CO', members: 1, items: [] });
  });
});
