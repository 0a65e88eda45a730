import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { listDue } from '../partners/screening.due.js';
import { getScreening, listPartnerScreenings } from '../partners/screening.service.js';
import { insertDemoScreening } from './demo.screening.js';

let database: Database;
let org: TestOrg;
const TODAY = '2026-11-21';
const CODES = ['JRCS', 'MANABI', 'WAJIMA-VC', 'CLIMATE-NET', 'CITY-KAWASAKI', 'ETIC'];

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMOSCR');
  for (const code of [...CODES, 'SUMA-UMI'])
    await database.db.execute(sql`insert into partners (org_id, code, name_ja, kind, status)
      values (${org.orgId}, ${code}, ${code}, ${code.startsWith('CITY') ? 'municipality' : 'npo'},
        ${code === 'SUMA-UMI' ? 'closed' : 'active'})`);
  await database.db.transaction((tx) => insertDemoScreening(tx, org.orgId, TODAY));
});

describe('the screening demo', () => {
  it('holds v1 retired and v2 active with its criteria', async () => {
    const g = await rows<{ version: number; status: string; n: number }>(sql`select g.version, g.status,
      (select count(*) from screening_criteria c where c.guideline_id = g.id)::int as n
      from screening_guidelines g where g.org_id = ${org.orgId} order by g.version`);
    expect(g).toEqual([
      { version: 1, status: 'retired', n: 5 },
      { version: 2, status: 'active', n: 7 },
    ]);
  });

  it('keeps every active partner eligible except the overdue and the failed one', async () => {
    const p = await rows<{ code: string; eligible: boolean }>(sql`select code,
      coalesce(eligible_until >= ${TODAY}::date, false) as eligible
      from partners where org_id = ${org.orgId} and status = 'active' order by code`);
    const notEligible = p.filter((r) => !r.eligible).map((r) => r.code);
    expect(notEligible.sort()).toEqual(['CLIMATE-NET', 'MIRAI-KODOMO', 'WAJIMA-VC']);
  });

  it('shows the overdue, the due-soon (with its re-screening in progress) and the never screened', async () => {
    const ctx = await ctxAs(database, org, 'csr_manager');
    const due = await listDue(ctx, { within: 30, unscreened: true, page: 1, size: 50 }, TODAY);
    expect(due.items.map((i) => `${i.partnerCode}:${i.state}`)).toEqual([
      'WAJIMA-VC:overdue',
      'MANABI:due_soon',
      'MIRAI-KODOMO:never_screened',
    ]);
    expect(due.items[1].daysLeft).toBe(20);
    expect(due.items[1].draftId).not.toBeNull();
    const draft = await getScreening(ctx, due.items[1].draftId!);
    expect(draft.items.filter((i) => i.answer).length).toBe(3);
  });

  it('records the failed NPO with the criteria it did not meet', async () => {
    const ctx = await ctxAs(database, org, 'csr_manager');
    const [p] = await rows<{ id: string }>(
      sql`select id from partners where org_id = ${org.orgId} and code = 'CLIMATE-NET'`,
    );
    const list = await listPartnerScreenings(ctx, p.id, { page: 1, size: 10 });
    const failed = await getScreening(ctx, list.items[0].id);
    expect(failed.status).toBe('failed');
    expect(failed.items.filter((i) => i.answer?.answer === 'no').map((i) => i.criterion.code)).toEqual([
      'FINANCIALS',
      'GOVERNANCE',
    ]);
  });
});
