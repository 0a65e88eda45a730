import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { EmployeeImportRow, ImportColumn } from './employees.import-columns.js';
import { employeeSearchDocument } from './people.search.js';

// Table columns an import may change, and the CSV column that must be present for an update to touch them.
const UPDATABLE: Array<[column: string, needs: ImportColumn | null]> = [
  ['name_ja', null],
  ['name_en', null],
  ['name_kana', null],
  ['email', null],
  ['company_id', null],
  ['site_id', 'site_code'],
  ['department_id', 'department_code'],
  ['employment_status', 'employment_status'],
  ['hire_date', null],
  ['leave_date', 'leave_date'],
];

export type UpsertPlan = { set: SQL; changed: SQL };

/**
 * What an update rewrites: the columns that the file carries. Columns left out of the file keep
 * their values; an unchanged row is not touched at all (no new updated_at, no dead tuple).
 */
export function upsertPlan(present: Set<ImportColumn>): UpsertPlan {
  const cols = UPDATABLE.filter(([, needs]) => !needs || present.has(needs)).map(([c]) => c);
  const set = [...cols, 'search_text', 'search_grams'].map((c) => `${c} = excluded.${c}`).join(', ');
  const left = cols.map((c) => `e.${c}`).join(', ');
  const right = cols.map((c) => `excluded.${c}`).join(', ');
  return {
    set: sql.raw(`${set}, updated_at = now()`),
    changed: sql.raw(`(${left}) is distinct from (${right})`),
  };
}

const param = (values: Array<string | null>) => sql`${sql.param(values)}::text[]`;

/**
 * Inserts new employees and updates changed ones in one statement for the whole batch (unnest of
 * column arrays: one round trip, a handful of parameters whatever the batch size).
 */
export async function upsertEmployees(
  db: Tx,
  orgId: string,
  rows: EmployeeImportRow[],
  plan: UpsertPlan,
): Promise<{ created: number; updated: number }> {
  if (!rows.length) return { created: 0, updated: 0 };
  const col = <T>(f: (r: EmployeeImportRow) => T) => rows.map(f);
  const docs = rows.map(employeeSearchDocument);
  const result = await db.execute(sql`
    insert into employees as e (org_id, employee_number, name_ja, name_en, name_kana, email, company_id,
      site_id, department_id, employment_status, hire_date, leave_date, search_text, search_grams)
    select ${orgId}::uuid, t.num, t.ja, t.en, t.kana, t.email, t.company::uuid, t.site::uuid, t.dept::uuid,
      coalesce(t.status, 'active'), t.hire::date, t.leave::date, t.stext, string_to_array(t.sgrams, ' ')
    from unnest(${param(col((r) => r.employeeNumber))}, ${param(col((r) => r.nameJa))},
      ${param(col((r) => r.nameEn))}, ${param(col((r) => r.nameKana))}, ${param(col((r) => r.email))},
      ${param(col((r) => r.companyId))}, ${param(col((r) => r.siteId))}, ${param(col((r) => r.departmentId))},
      ${param(col((r) => r.employmentStatus))}, ${param(col((r) => r.hireDate))},
      ${param(col((r) => r.leaveDate))}, ${param(docs.map((d) => d.text))},
      ${param(docs.map((d) => d.grams.join(' ')))})
      as t(num, ja, en, kana, email, company, site, dept, status, hire, leave, stext, sgrams)
    on conflict (org_id, employee_number) do update set ${plan.set}
    where ${plan.changed}
    returning (e.xmax = 0) as inserted`);
  const returned = (result as unknown as { rows: Array<{ inserted: boolean }> }).rows;
  const created = returned.filter((r) => r.inserted).length;
  return { created, updated: returned.length - created };
}
