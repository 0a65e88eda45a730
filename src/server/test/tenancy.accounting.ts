import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { rowsOf } from '../lib/sql.js';

export type AccountingIds = Record<'expense' | 'metric' | 'target' | 'yearlyGoal' | 'block', string>;

/**
 * Organisation A's records of the accounting issue (an expense, a metric with a target, a yearly goal
 * and its progress, a report with a text), written with SQL: the tenancy test needs rows to aim at,
 * and each module's own tests cover how they are made.
 */
export async function accountingOfA(
  database: Database,
  org: { orgId: string; companyId: string; partnerId: string },
): Promise<AccountingIds> {
  const { orgId, companyId, partnerId } = org;
  const one = async (query: ReturnType<typeof sql>) =>
    (await rowsOf<{ id: string }>(database.db, sql`${query} returning id`))[0].id;
  const expense = await one(
    sql`insert into expenses (org_id, company_id, spent_on, fiscal_year, partner_id, description_ja, type,
          valuation_basis, channel, currency, amount_minor, amount_jpy, keidanren_field)
        values (${orgId}, ${companyId}, '2024-05-01', 2024, ${partnerId}, 'アルファ寄付', 'cash_donation',
          'actual_cash', 'gift', 'JPY', 777000, 777000, 'education')`,
  );
  const metric = await one(
    sql`insert into metrics (org_id, code, name_ja, kind) values (${orgId}, 'ALPHA-M', 'アルファ指標', 'manual')`,
  );
  await database.db.execute(
    sql`insert into metric_values (org_id, metric_id, fiscal_year, value, evidence_ja)
        values (${orgId}, ${metric}, 2024, 5, 'アルファ証跡')`,
  );
  const target = await one(
    sql`insert into targets (org_id, code, title_ja, period_start, period_end, metric_id, target_value)
        values (${orgId}, 'ALPHA-T', 'アルファ目標', '2021-04-01', '2026-03-31', ${metric}, 10)`,
  );
  const yearlyGoal = await one(
    sql`insert into yearly_goals (org_id, fiscal_year, target_id, text_ja, metric_id, comparison, goal_value)
        values (${orgId}, 2024, ${target}, 'アルファ年度目標', ${metric}, 'at_least', 3)`,
  );
  await database.db.execute(
    sql`insert into goal_progress (org_id, target_id, fiscal_year, progress_ja)
        values (${orgId}, ${target}, 2024, 'アルファ進捗')`,
  );
  await database.db.execute(sql`insert into reports (org_id, fiscal_year) values (${orgId}, 2024)`);
  const block = await one(
    sql`insert into report_blocks (org_id, fiscal_year, section, title_ja, body_ja)
        values (${orgId}, 2024, 'policy', 'アルファ方針', 'アルファ')`,
  );
  return { expense, metric, target, yearlyGoal, block };
}

/** The tables whose rows of organisation A the tenancy test's snapshot covers. */
export const ACCOUNTING_TABLES = [
  'expenses',
  'expense_files',
  'fiscal_year_closes',
  'restatements',
  'metrics',
  'metric_values',
  'targets',
  'yearly_goals',
  'goal_progress',
  'reports',
  'report_blocks',
];
