import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { testConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { toNumber } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { signIn } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { DEMO_ACCOUNTS, generateEmployees } from './demo.generator.js';
import { loadDemo } from './demo.service.js';

const PASSWORD = 'demo password 123';
let first: Database;
let second: Database;

const numbersAndNames = (db: Database) =>
  db.db
    .select({ n: employees.employeeNumber, ja: employees.nameJa, en: employees.nameEn, e: employees.email })
    .from(employees)
    .orderBy(employees.employeeNumber);

beforeAll(async () => {
  [first, second] = await Promise.all([openTestDatabase(), openTestDatabase()]);
});

describe('demo organisation', () => {
  it('loads the same people into two fresh databases (fixed seed)', async () => {
    const a = await loadDemo(first, { employees: 300, password: PASSWORD });
    const b = await loadDemo(second, { employees: 300 });
    expect(a).toMatchObject({ loaded: true, employees: 300, password: PASSWORD, passwordGenerated: false });
    expect(b.passwordGenerated).toBe(true);
    expect(b.password).toMatch(/^[\w-]{16}$/);
    const [rowsA, rowsB] = await Promise.all([numbersAndNames(first), numbersAndNames(second)]);
    expect(rowsA).toHaveLength(300);
    expect(rowsA).toEqual(rowsB);
    expect(new Set(rowsA.map((r) => r.e)).size).toBe(300);
  });

  it('has group companies in Japan, India, the US and Thailand, and varied employment', async () => {
    const companies = await first.db
      .select()
      .from(groupCompanies)
      .where(eq(groupCompanies.orgId, (await loadDemo(first, { employees: 300 })).orgId));
    expect(new Set(companies.map((c) => c.country))).toEqual(new Set(['JP', 'IN', 'US', 'TH']));
    expect(companies.find((c) => c.country === 'IN')).toMatchObject({
      currency: 'INR',
      timeZone: 'Asia/Kolkata',
    });
    const japanSites = await first.db.select().from(sites);
    expect(japanSites.filter((s) => s.prefecture).map((s) => s.prefecture)).toEqual(
      expect.arrayContaining(['13', '14', '07', '22', '33', '27']),
    );
    const statuses = new Set([...generateEmployees(2000)].map((e) => e.employmentStatus));
    expect(statuses).toEqual(new Set(['active', 'on_leave', 'left']));
  });

  it('is idempotent: a second load changes nothing', async () => {
    const again = await loadDemo(first, { employees: 500 });
    expect(again).toMatchObject({ loaded: false, password: null });
    expect(again.accounts).toHaveLength(7);
    const [{ n }] = await first.db.select({ n: count() }).from(employees);
    expect(toNumber(n)).toBe(300);
    const audits = await first.db.select().from(auditLog).where(eq(auditLog.action, 'demo.load'));
    expect(audits).toHaveLength(1);
  });

  it('gives one account per role, linked to an employee, each also an employee; the promoter on one site', async () => {
    const grants = await first.db
      .select({
        email: users.email,
        role: roleGrants.role,
        scope: roleGrants.scopeType,
        employeeId: users.employeeId,
      })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId));
    for (const a of DEMO_ACCOUNTS) {
      const mine = grants.filter((g) => g.email === a.email);
      expect(mine.map((g) => g.role).sort()).toEqual([...new Set([a.role, 'employee'])].sort());
      expect(mine[0].employeeId).not.toBeNull();
    }
    expect(grants.find((g) => g.email === 'promoter@demo.example' && g.role === 'promoter')?.scope).toBe(
      'site',
    );
  });

  describe('sign-in', () => {
    let app: Awaited<ReturnType<typeof buildApp>>;
    beforeAll(async () => {
      app = await buildApp({ config: testConfig({ KYOSEI_WEB_DIST: './.no-web' }), database: first });
      await app.ready();
    });
    afterAll(() => app.close());

    it('lets every demo account sign in with the password', async () => {
      for (const a of DEMO_ACCOUNTS) {
        const session = await signIn(app, a.email, PASSWORD);
        const me = await app.inject({ url: '/api/me', headers: { cookie: session.cookie } });
        expect(me.statusCode).toBe(200);
        expect(me.json().organisation.code).toBe('DEMO');
      }
      const [admin] = await first.db
        .select()
        .from(users)
        .where(and(eq(users.email, 'admin@demo.example')));
      expect(admin.displayName).toBe('佐藤 健一');
    });
  });
});
