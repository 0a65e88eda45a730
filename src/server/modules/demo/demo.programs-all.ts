import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { insertDemoCertifications } from './demo.certifications.js';
import { insertDemoDrives } from './demo.drives.js';
import { insertDemoPartners } from './demo.partners.js';
import { insertDemoProgramRecords } from './demo.program-records.js';
import { insertDemoProgramSessions } from './demo.program-sessions.js';
import { insertDemoPrograms } from './demo.programs.js';
import { insertDemoReviews } from './demo.reviews.js';
import { insertDemoScreening } from './demo.screening.js';

export type ProgramsSummary = Record<
  'partners' | 'agreements' | 'programs' | 'sessions' | 'certified' | 'drives' | 'reviews',
  number
>;

/**
 * The demo's programs, partners, collection drives and reviews (issue #5), after the giving demo: the
 * partners and agreements, their screening (which makes them and the giving demo's organisations
 * eligible), the programs, their records, sessions and surveys, certifications and class requests, the
 * drives, and the reviews that read the figures of all of them.
 */
export async function insertProgramsDemo(
  tx: Tx,
  orgId: string,
  options: { today?: string } = {},
): Promise<ProgramsSummary> {
  const today = options.today ?? ledgerToday();
  const partners = await insertDemoPartners(tx, orgId, today);
  await insertDemoScreening(tx, orgId, today);
  await insertDemoPrograms(tx, orgId, today);
  await insertDemoProgramRecords(tx, orgId, today);
  await insertDemoProgramSessions(tx, orgId, today);
  await insertDemoCertifications(tx, orgId, today);
  const drives = await insertDemoDrives(tx, orgId, today);
  const reviews = await insertDemoReviews(tx, orgId, today);
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await rowsOf<{ n: number | string }>(tx, query))[0].n);
  return {
    partners: partners.partners,
    agreements: partners.agreements,
    programs: await count(sql`select count(*) as n from programs where org_id = ${orgId}`),
    sessions: await count(sql`select count(*) as n from program_sessions where org_id = ${orgId}`),
    certified: await count(
      sql`select count(distinct employee_id) as n from certification_holders
          where org_id = ${orgId} and revoked_on is null and certified_on <= ${today}::date
            and (expires_on is null or expires_on >= ${today}::date)`,
    ),
    drives: Object.keys(drives).length,
    reviews,
  };
}
