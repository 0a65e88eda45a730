import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { audit } from '../../lib/audit.js';
import { systemCtx } from '../../lib/context.js';
import { hashPassword } from '../auth/passwords.js';
import { departments, groupCompanies, organisations, sites } from '../organisations/organisations.table.js';
import type { EmployeeImportRow } from '../people/employees.import-columns.js';
import { upsertEmployees, upsertPlan } from '../people/employees.upsert.js';
import { type DemoAccount, demoAccounts, insertAccounts } from './demo.accounts.js';
import { DEMO_ACCOUNTS, generateEmployees } from './demo.generator.js';
import { DEMO_COMPANIES, DEMO_ORG, DEPARTMENTS } from './demo.structure.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { insertAccountingDemo } from './demo.accounting.js';
import { insertGiving } from './demo.giving.js';
import { insertGoalsDemo } from './demo.goals.js';
import { closeAndPublishDemoReports, insertReportDemo } from './demo.report.js';
import { insertProgramsDemo } from './demo.programs-all.js';
import { insertVolunteering } from './demo.volunteering.js';

export type DemoLoadResult = {
  /** False when the demo organisation already existed: nothing was changed. */
  loaded: boolean;
  orgId: string;
  employees: number;
  accounts: DemoAccount[];
  /** The accounts' password when this load set it (generated or given); null otherwise. */
  password: string | null;
  passwordGenerated: boolean;
};

const BATCH = 2000;
const ALL_COLUMNS = upsertPlan(new Set(['site_code', 'department_code', 'employment_status', 'leave_date']));

async function unchanged(database: Database, orgId: string): Promise<DemoLoadResult> {
  const accounts = await demoAccounts(database.db, orgId);
  return { loaded: false, orgId, employees: 0, accounts, password: null, passwordGenerated: false };
}

/** The demo organisation's id, or null when it has not been loaded. */
export async function findDemoOrg(db: Database['db'] | Tx): Promise<string | null> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, DEMO_ORG.code));
  return org?.id ?? null;
}

async function insertStructure(tx: Tx, orgId: string) {
  const companyIds = new Map<string, string>();
  const siteIds = new Map<string, string>();
  const departmentIds = new Map<string, string>();
  for (const c of DEMO_COMPANIES) {
    const [company] = await tx
      .insert(groupCompanies)
      .values({
        orgId,
        code: c.code,
        nameJa: c.nameJa,
        nameEn: c.nameEn,
        country: c.country,
        currency: c.currency,
        timeZone: c.timeZone,
      })
      .returning({ id: groupCompanies.id });
    companyIds.set(c.code, company.id);
    const siteRows = await tx
      .insert(sites)
      .values(
        c.sites.map((s) => ({
          orgId,
          companyId: company.id,
          code: s.code,
          nameJa: s.nameJa,
          nameEn: s.nameEn,
          kind: s.kind,
          prefecture: s.prefecture ?? null,
          region: s.region ?? null,
          timeZone: s.timeZone ?? c.timeZone,
        })),
      )
      .returning({ id: sites.id, code: sites.code });
    for (const s of siteRows) siteIds.set(s.code, s.id);
    // Parents first, so that sub-departments can point at them.
    const codes = c.departments
      .map(([code]) => code)
      .sort((a, b) => Number(!!DEPARTMENTS[a].parent) - Number(!!DEPARTMENTS[b].parent));
    for (const code of codes) {
      const d = DEPARTMENTS[code];
      const [row] = await tx
        .insert(departments)
        .values({
          orgId,
          companyId: company.id,
          code,
          nameJa: d.nameJa,
          nameEn: d.nameEn,
          parentId: d.parent ? (departmentIds.get(`${c.code}/${d.parent}`) ?? null) : null,
        })
        .returning({ id: departments.id });
      departmentIds.set(`${c.code}/${code}`, row.id);
    }
  }
  return { companyIds, siteIds, departmentIds };
}

async function insertEmployees(
  tx: Tx,
  orgId: string,
  count: number,
  ids: Awaited<ReturnType<typeof insertStructure>>,
) {
  let batch: EmployeeImportRow[] = [];
  for (const e of generateEmployees(count)) {
    batch.push({
      employeeNumber: e.employeeNumber,
      nameJa: e.nameJa,
      nameEn: e.nameEn,
      nameKana: e.nameKana,
      email: e.email,
      companyId: ids.companyIds.get(e.companyCode)!,
      siteId: ids.siteIds.get(e.siteCode)!,
      departmentId: ids.departmentIds.get(`${e.companyCode}/${e.departmentCode}`)!,
      employmentStatus: e.employmentStatus,
      hireDate: e.hireDate,
      leaveDate: e.leaveDate,
    });
    if (batch.length === BATCH) {
      await upsertEmployees(tx, orgId, batch, ALL_COLUMNS);
      batch = [];
    }
  }
  await upsertEmployees(tx, orgId, batch, ALL_COLUMNS);
}

/**
 * Loads the demo organisation (DEMO): its group companies, sites, departments, `employees` generated
 * from the fixed seed, one account per role, its volunteering history (demo.volunteering.ts; dates
 * after the fixed history follow options.today, default today in Tokyo), and its points and giving
 * (demo.giving.ts). Does nothing when it exists.
 * One transaction and one audit record ('demo.load'). The password is options.password, else a generated one.
 */
export async function loadDemo(
  database: Database,
  options: { employees: number; password?: string; today?: string },
): Promise<DemoLoadResult> {
  const existing = await findDemoOrg(database.db);
  if (existing) return unchanged(database, existing);
  const count = Math.max(options.employees, DEMO_ACCOUNTS.length);
  const password = options.password ?? randomBytes(12).toString('base64url');
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(password)));
  const orgId = await database.db.transaction(async (tx) => {
    // Several app instances may start at once on an empty PostgreSQL: one loads, the others wait and see it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kyosei.demo.load'))`);
    if (await findDemoOrg(tx)) return null;
    const [org] = await tx
      .insert(organisations)
      .values({ code: DEMO_ORG.code, nameJa: DEMO_ORG.nameJa, nameEn: DEMO_ORG.nameEn })
      .returning();
    const ids = await insertStructure(tx, org.id);
    await insertEmployees(tx, org.id, count, ids);
    const ctx = systemCtx(tx as unknown as Database['db'], org.id, 'demo');
    await insertAccounts(ctx, hashes, ids.siteIds);
    const volunteering = await insertVolunteering(tx, org.id, { today: options.today });
    const giving = await insertGiving(tx, org.id, { today: options.today });
    const programs = await insertProgramsDemo(tx, org.id, { today: options.today });
    const goals = await insertGoalsDemo(tx, org.id);
    const accounting = await insertAccountingDemo(tx, org.id, options.today ?? ledgerToday());
    const report = await insertReportDemo(tx, org.id);
    // Last: closing 2018年度 and fiscal 2024 freezes them, with everything above in place.
    const closed = await closeAndPublishDemoReports(ctx);
    await audit(ctx, {
      action: 'demo.load',
      entityType: 'organisation',
      entityId: org.id,
      after: {
        code: org.code,
        companies: ids.companyIds.size,
        sites: ids.siteIds.size,
        departments: ids.departmentIds.size,
        employees: count,
        accounts: DEMO_ACCOUNTS.map((a) => a.email),
        volunteering,
        giving,
        programs,
        goals,
        accounting: accounting.expenses,
        report: { ...report, closed },
      },
    });
    return org.id;
  });
  if (!orgId) return unchanged(database, (await findDemoOrg(database.db))!);
  return {
    loaded: true,
    orgId,
    employees: count,
    accounts: await demoAccounts(database.db, orgId),
    password,
    passwordGenerated: !options.password,
  };
}
