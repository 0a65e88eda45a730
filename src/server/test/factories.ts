import type { FastifyInstance } from 'fastify';
import { testConfig } from '../config.js';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import {
  departments,
  groupCompanies,
  organisations,
  sites,
} from '../modules/organisations/organisations.table.js';
import { employees } from '../modules/people/people.table.js';
import { roleGrants, users } from '../modules/auth/auth.table.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { employeeSearchDocument } from '../modules/people/people.search.js';
import type { Ctx } from '../lib/context.js';
import type { Role } from '../../shared/roles.js';
import { loadGrants } from '../modules/auth/sessions.service.js';

export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;

export type TestOrg = {
  orgId: string;
  code: string;
  companies: { jp: string; us: string };
  sites: { tokyo: string; texas: string };
  departmentId: string;
  /** E-mail per role, e.g. users.org_admin = 'admin@<code>.test'. */
  users: Record<Role, { id: string; email: string; employeeId: string }>;
};

export function buildEmployeeRow(
  orgId: string,
  companyId: string,
  n: number,
  extra: Partial<typeof employees.$inferInsert> = {},
) {
  const row = {
    orgId,
    companyId,
    employeeNumber: extra.employeeNumber ?? `E${String(n).padStart(6, '0')}`,
    nameJa: extra.nameJa ?? `山田 太郎${n}`,
    nameEn: extra.nameEn ?? `Taro Yamada ${n}`,
    nameKana: extra.nameKana ?? `やまだ たろう${n}`,
    email: extra.email ?? `e${n}@example.test`,
    hireDate: extra.hireDate ?? '2015-04-01',
    ...extra,
  };
  const doc = employeeSearchDocument(row);
  return { ...row, searchText: doc.text, searchGrams: doc.grams };
}

/** An organisation with two companies (JP, US), a site each, a department, and one account per role. */
export async function createTestOrg(database: Database, code: string): Promise<TestOrg> {
  const db = database.db;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;
  const [org] = await db
    .insert(organisations)
    .values({ code, nameJa: `${code} グループ`, nameEn: `${code} Group` })
    .returning();
  const [jp, us] = await db
    .insert(groupCompanies)
    .values([
      {
        orgId: org.id,
        code: 'JP01',
        nameJa: `${code} 日本`,
        nameEn: `${code} Japan`,
        country: 'JP',
        currency: 'JPY',
        timeZone: 'Asia/Tokyo',
      },
      {
        orgId: org.id,
        code: 'US01',
        nameJa: `${code} 米国`,
        nameEn: `${code} America`,
        country: 'US',
        currency: 'USD',
        timeZone: 'America/Chicago',
      },
    ])
    .returning();
  const [tokyo, texas] = await db
    .insert(sites)
    .values([
      {
        orgId: org.id,
        companyId: jp.id,
        code: 'TKY',
        nameJa: '東京本社',
        nameEn: 'Tokyo HQ',
        kind: 'head_office',
        prefecture: '13',
        timeZone: 'Asia/Tokyo',
      },
      {
        orgId: org.id,
        companyId: us.id,
        code: 'TX',
        nameJa: 'テキサス',
        nameEn: 'Texas',
        region: 'Texas',
        timeZone: 'America/Chicago',
      },
    ])
    .returning();
  const [dept] = await db
    .insert(departments)
    .values({ orgId: org.id, companyId: jp.id, code: 'CSR', nameJa: 'CSR推進部', nameEn: 'CSR Office' })
    .returning();
  const roles: Role[] = [
    'org_admin',
    'csr_manager',
    'program_manager',
    'promoter',
    'finance',
    'auditor',
    'employee',
  ];
  const out = {} as TestOrg['users'];
  let n = 0;
  for (const role of roles) {
    n++;
    const email = `${role.replace('_', '-')}@${code.toLowerCase()}.test`;
    const [emp] = await db
      .insert(employees)
      .values(
        buildEmployeeRow(org.id, jp.id, n, {
          email,
          siteId: tokyo.id,
          departmentId: dept.id,
          employeeNumber: `${code}-${n}`,
        }),
      )
      .returning();
    const [user] = await db
      .insert(users)
      .values({ orgId: org.id, email, displayName: role, passwordHash, employeeId: emp.id })
      .returning();
    await db.insert(roleGrants).values({ orgId: org.id, userId: user.id, role, scopeType: 'org' });
    if (role !== 'employee')
      await db
        .insert(roleGrants)
        .values({ orgId: org.id, userId: user.id, role: 'employee', scopeType: 'org' });
    out[role] = { id: user.id, email, employeeId: emp.id };
  }
  return {
    orgId: org.id,
    code,
    companies: { jp: jp.id, us: us.id },
    sites: { tokyo: tokyo.id, texas: texas.id },
    departmentId: dept.id,
    users: out,
  };
}

/** A service context acting as one of the test organisation's accounts. */
export async function ctxAs(
  database: Database,
  org: TestOrg,
  role: Role,
  locale: 'ja' | 'en' = 'en',
): Promise<Ctx> {
  const u = org.users[role];
  return {
    orgId: org.orgId,
    actor: {
      kind: 'user',
      userId: u.id,
      label: u.email,
      employeeId: u.employeeId,
      grants: await loadGrants(database.db, org.orgId, u.id),
    },
    locale,
    db: database.db,
  };
}

export async function buildTestApp(
  database: Database,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig({ KYOSEI_WEB_DIST: './.no-web', ...env }), database });
  await app.ready();
  return app;
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/** Signs in through the real endpoint; the headers make later requests look like our web app's. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const raw = res.cookies.find((c) => c.name === 'kyosei_session')!;
  const cookie = `kyosei_session=${raw.value}`;
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf, origin: 'http://localhost' } };
}
