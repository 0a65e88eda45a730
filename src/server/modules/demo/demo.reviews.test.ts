import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { getReview } from '../evaluation/evaluation.reviews.js';
import { listImpacts } from '../evaluation/evaluation.impacts.js';
import { insertProgram, insertSession } from '../evaluation/evaluation.test-support.js';
import { listReviews } from '../evaluation/evaluation.view.js';
import { insertDemoReviews } from './demo.reviews.js';

let database: Database;
let org: TestOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMOREVIEW');
  for (const code of ['SES', 'PROBONO', 'FUTURE', 'WTENNIS']) {
    ids[code] = (await insertProgram(database, org, code, org.companies.jp)).id;
  }
  await insertSession(database, org, ids.FUTURE, {
    ref: 'HS1',
    on: '2023-10-05',
    fiscalYear: 2023,
    counts: { students: 70, employees: 47 },
    employeeIds: [],
  });
  await database.db.transaction((tx) => insertDemoReviews(tx, org.orgId, '2026-11-21'));
});

describe('the demo reviews', () => {
  it('read as a timeline for SES and PROBONO, newest first', async () => {
    const ctx = await ctxAs(database, org, 'auditor', 'ja');
    const ses = await listReviews(ctx, ids.SES, { page: 1, size: 50 });
    expect(ses.items.map((r) => [r.fiscalYear, r.decision])).toEqual([
      [2025, 'continue'],
      [2023, 'continue'],
      [2022, 'improve'],
    ]);
    const probono = await listReviews(ctx, ids.PROBONO, { page: 1, size: 50 });
    expect(probono.items.map((r) => r.decision)).toEqual(['continue', 'improve', 'revise']);
    expect(ses.items.every((r) => r.status === 'final' && r.scores.length === 5)).toBe(true);
  });

  it('store the evidence of the reviewed year', async () => {
    const ctx = await ctxAs(database, org, 'auditor', 'en');
    const future = await listReviews(ctx, ids.FUTURE, { page: 1, size: 50 });
    const fy2023 = future.items.find((r) => r.fiscalYear === 2023)!;
    const detail = await getReview(ctx, fy2023.id);
    expect(detail.evidenceStored).toBe(true);
    expect(detail.evidence.figures).toMatchObject({
      sessions: 1,
      participants: { students: 70, employees: 47 },
    });
    expect(detail.criteria.map((c) => c.code)).toContain('COST_EFFICIENCY');
  });

  it('leave the wheelchair tennis review overdue and hold B4SI impact within the assessed', async () => {
    const ctx = await ctxAs(database, org, 'auditor', 'en');
    const tennis = await listReviews(ctx, ids.WTENNIS, { page: 1, size: 50 });
    expect(tennis.items[0].nextReviewOn! < '2026-11-21').toBe(true);
    const impacts = await listImpacts(ctx, ids.SES);
    expect(impacts.items.map((i) => i.fiscalYear)).toEqual([2023, 2022]);
    for (const i of [...impacts.items, ...(await listImpacts(ctx, ids.FUTURE)).items]) {
      expect(i.connect + i.improve + i.transform).toBeLessThanOrEqual(i.assessed);
    }
  });
});
