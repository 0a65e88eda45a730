import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildEmployeeRow, createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { sessionFigures } from '../programs/sessions.figures.js';
import { programs } from '../programs/programs.table.js';
import { surveyIndicatorFigures } from '../programs/surveys.results.js';
import { volunteeringKpis } from '../volunteering/kpi.service.js';
import { insertDemoProgramSessions } from './demo.program-sessions.js';

let database: Database;
let org: TestOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMOSES');
  const codes = ['PROBONO', 'FUTURE', 'DIALOGUE', 'ENET'] as const;
  const rows = await database.db
    .insert(programs)
    .values(
      codes.map((code) => ({
        orgId: org.orgId,
        code,
        nameJa: code,
        framework: 'company_program',
        companyId: org.companies.jp,
        startYear: 2005,
      })),
    )
    .returning({ id: programs.id, code: programs.code });
  for (const r of rows) ids[r.code] = r.id;
  await database.db.insert(partners).values(
    ['HS-SHIRAKAWA', 'HS-KANAGAWA-A', 'HS-KANAGAWA-B'].map((code) => ({
      orgId: org.orgId,
      code,
      nameJa: code,
      kind: 'school',
    })),
  );
  await database.db
    .insert(employees)
    .values(
      Array.from({ length: 80 }, (_, i) =>
        buildEmployeeRow(org.orgId, org.companies.jp, 500 + i, { employeeNumber: `D${i}` }),
      ),
    );
  await database.db.transaction((tx) => insertDemoProgramSessions(tx, org.orgId, '2025-03-31'));
});

describe('the demo program sessions', () => {
  it('holds the Future Creation classes: 3 schools, 70 students, 47 named employees, and its survey', async () => {
    const ctx = await ctxAs(database, org, 'auditor');
    const [y] = await sessionFigures(ctx, ids.FUTURE, { from: 2023, to: 2023 });
    expect(y).toMatchObject({ sessions: 3, participants: { students: 70, employees: 47 }, employees: 47 });
    const [s] = await surveyIndicatorFigures(ctx, ids.FUTURE, { from: 2023, to: 2023 });
    expect(s.indicators.map((i) => [i.code, i.value, i.n])).toEqual([
      ['deepened', 1, 70],
      ['interest_grew', 0.9, 70],
    ]);
  });

  it('holds the festival, the dialogue, and ten years of e-Net Caravan classes', async () => {
    const ctx = await ctxAs(database, org, 'auditor');
    const [probono] = await sessionFigures(ctx, ids.PROBONO, { from: 2023, to: 2023 });
    expect(probono.participants.public).toBe(4000);
    const [dialogue] = await sessionFigures(ctx, ids.DIALOGUE, { from: 2023, to: 2023 });
    expect(dialogue).toMatchObject({ participants: { employees: 58, organisations: 3 }, employees: 58 });
    const enet = await sessionFigures(ctx, ids.ENET, { from: 2015, to: 2024 });
    expect(enet.every((y) => y.sessions > 10)).toBe(true);
  });

  it('counts the named employees in the volunteering participants KPI', async () => {
    const ctx = await ctxAs(database, org, 'csr_manager');
    const kpis = await volunteeringKpis(ctx, { fiscalYear: 2023 } as never);
    expect(kpis.participants).toBeGreaterThanOrEqual(58);
  });
});
