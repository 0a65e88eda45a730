import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { partners } from '../partners/partners.table.js';
import { cohortFigures } from '../programs/cohorts.figures.js';
import { listGraduates } from '../programs/cohorts.graduates.js';
import { listCohorts } from '../programs/cohorts.service.js';
import { projectFigures } from '../programs/projects.figures.js';
import { getProject, listProjects } from '../programs/projects.service.js';
import { programs } from '../programs/programs.table.js';
import { listTestimonials } from '../programs/testimonials.service.js';
import { insertDemoProgramRecords, SES_GRADUATE_GROUPS } from './demo.program-records.js';

let database: Database;
let org: TestOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMOREC');
  const rows = await database.db
    .insert(programs)
    .values(
      (['SES', 'PROBONO', 'FUTURE'] as const).map((code, i) => ({
        orgId: org.orgId,
        code,
        nameJa: code,
        framework: 'company_program',
        companyId: org.companies.jp,
        startYear: [2002, 2010, 2023][i],
      })),
    )
    .returning({ id: programs.id, code: programs.code });
  for (const r of rows) ids[r.code] = r.id;
  await database.db
    .insert(partners)
    .values({ orgId: org.orgId, code: 'CITY-KAKEGAWA', nameJa: '掛川市', kind: 'municipality' });
  await database.db.transaction((tx) => insertDemoProgramRecords(tx, org.orgId, '2025-03-31'));
});

describe('the demo program records', () => {
  it('holds the School’s 72 graduate groups up to fiscal year 2023, two ventures supported that year', async () => {
    const ctx = await ctxAs(database, org, 'auditor', 'ja');
    const figures = await cohortFigures(ctx, ids.SES, { from: 2002, to: 2023 });
    expect(SES_GRADUATE_GROUPS).toBe(72);
    expect(figures.at(-1)).toMatchObject({ fiscalYear: 2023, graduatesCumulative: 72, supportedVentures: 2 });
    const cohorts = await listCohorts(ctx, ids.SES, { page: 1, size: 50 });
    expect(cohorts.total).toBe(22);
    expect(cohorts.items[0]).toMatchObject({ code: '2002', fiscalYearLabel: '2002年度' });
    const supported = (
      await Promise.all(
        cohorts.items.map((c) => listGraduates(ctx, c.id, { page: 1, size: 50, supported: true })),
      )
    ).flatMap((p) => p.items.map((g) => g.nameEn));
    expect(supported.sort()).toEqual(['Omohibito Co., Ltd.', 'mairu tech Inc.']);
  });

  it('holds four municipal pro bono projects of 2018, Kakegawa with 14 projects born, and BANSO-CO in 2023', async () => {
    const ctx = await ctxAs(database, org, 'auditor', 'en');
    const [y2018] = await projectFigures(ctx, ids.PROBONO, { from: 2018, to: 2018 });
    expect(y2018).toMatchObject({ projects: 4, completed: 4, outcomesQuantity: 14 });
    const list = await listProjects(ctx, ids.PROBONO, { page: 1, size: 50 });
    const kakegawa = list.items.find((p) => p.code === '2018-KAKEGAWA')!;
    expect(kakegawa).toMatchObject({ partner: { code: 'CITY-KAKEGAWA' }, outcomesQuantity: 14, members: 6 });
    const detail = await getProject(ctx, kakegawa.id);
    expect(detail.items.filter((i) => i.kind === 'milestone')).toHaveLength(2);
    expect(list.items.find((p) => p.code === '2023-BANSO-CO')?.fiscalYear).toBe(2023);
  });

  it('holds the Future Creation Program’s two testimonials with consent', async () => {
    const ctx = await ctxAs(database, org, 'auditor', 'en');
    const t = await listTestimonials(ctx, ids.FUTURE, { page: 1, size: 50, fiscalYear: 2023 });
    expect(t.total).toBe(2);
    expect(t.items.every((x) => x.consentOn.startsWith('2024-02'))).toBe(true);
  });
});
