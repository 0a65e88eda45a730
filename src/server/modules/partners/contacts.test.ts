import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { partnerContacts, partners } from './partners.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let promoter: Session;
let partnerId: string;
let otherPartnerId: string;

const call = (as: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'CONTACTS');
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.csr_manager.email);
  promoter = await signIn(app, org.users.promoter.email);
  const rows = await database.db
    .insert(partners)
    .values([
      { orgId: org.orgId, code: 'ETIC', nameJa: 'NPO法人ETIC.', kind: 'npo' },
      { orgId: org.orgId, code: 'FLORENCE', nameJa: '認定NPO法人フローレンス', kind: 'npo' },
    ])
    .returning({ id: partners.id });
  [partnerId, otherPartnerId] = rows.map((r) => r.id);
});

describe('contacts at a partner', () => {
  let first: string;
  let second: string;

  it('adds contacts, keeping one primary, audited', async () => {
    const a = await call(manager, 'POST', `/api/partners/${partnerId}/contacts`, {
      name: '山田 花子',
      title: '事務局長',
      email: 'hanako@example.org',
      phone: '03-1234-5678',
      isPrimary: true,
    });
    expect(a.statusCode).toBe(201);
    first = a.json().id;
    const b = await call(manager, 'POST', `/api/partners/${partnerId}/contacts`, {
      name: '佐藤 一郎',
      isPrimary: true,
    });
    second = b.json().id;
    const list = await call(promoter, 'GET', `/api/partners/${partnerId}/contacts`);
    expect(list.json().items.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary])).toEqual(
      [
        ['佐藤 一郎', true],
        ['山田 花子', false],
      ],
    );
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'partner_contact'), eq(auditLog.entityId, first)));
    expect(entries.map((e) => e.action)).toEqual(['partner_contact.create']);
  });

  it('refuses bad values and unknown partners', async () => {
    const bad = await call(manager, 'POST', `/api/partners/${partnerId}/contacts`, {
      name: '',
      email: 'not-an-address',
      phone: 'call me',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'name', 'phone']);
    const missing = await call(
      manager,
      'POST',
      '/api/partners/00000000-0000-4000-8000-000000000000/contacts',
      {
        name: 'x',
      },
    );
    expect(missing.statusCode).toBe(404);
    expect(
      (await call(promoter, 'POST', `/api/partners/${partnerId}/contacts`, { name: 'x' })).statusCode,
    ).toBe(403);
  });

  it('changes and removes a contact only through its own partner', async () => {
    const wrong = await call(manager, 'PATCH', `/api/partners/${otherPartnerId}/contacts/${first}`, {
      title: 'x',
    });
    expect(wrong.statusCode).toBe(404);
    const edit = await call(manager, 'PATCH', `/api/partners/${partnerId}/contacts/${first}`, {
      isPrimary: true,
      phone: null,
    });
    expect(edit.json()).toMatchObject({ isPrimary: true, phone: null, title: '事務局長' });
    const rows = await database.db.select().from(partnerContacts).where(eq(partnerContacts.id, second));
    expect(rows[0].isPrimary).toBe(false);
    expect(
      (await call(manager, 'DELETE', `/api/partners/${otherPartnerId}/contacts/${second}`)).statusCode,
    ).toBe(404);
    expect((await call(manager, 'DELETE', `/api/partners/${partnerId}/contacts/${second}`)).statusCode).toBe(
      204,
    );
    const list = await call(manager, 'GET', `/api/partners/${partnerId}/contacts`);
    expect(list.json().items).toHaveLength(1);
  });

  it('keeps contacts inside their organisation', async () => {
    const other = await createTestOrg(database, 'CONTACTS2');
    const stranger = await signIn(app, other.users.csr_manager.email);
    expect((await call(stranger, 'GET', `/api/partners/${partnerId}/contacts`)).statusCode).toBe(404);
    expect(
      (await call(stranger, 'PATCH', `/api/partners/${partnerId}/contacts/${first}`, { name: 'x' }))
        .statusCode,
    ).toBe(404);
  });
});
