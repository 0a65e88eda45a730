import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  type Session,
  signIn,
  TEST_PASSWORD,
  type TestOrg,
} from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { PDF, PNG, upload } from '../points/claims.fixtures.js';
import { cleanFileName, contentDisposition } from './files.service.js';
import { storedFiles } from './files.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let employee: Session;
let auditorOnly: Session;
let noEmployee: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'FILES');
  app = await buildTestApp(database);
  employee = await signIn(app, org.users.employee.email);
  for (const [email, role] of [
    ['auditor.only@files.test', 'auditor'],
    ['no.employee@files.test', 'employee'],
  ] as const) {
    const [user] = await database.db
      .insert(users)
      .values({
        orgId: org.orgId,
        email,
        displayName: email,
        passwordHash: await hashPassword(TEST_PASSWORD),
      })
      .returning();
    await database.db
      .insert(roleGrants)
      .values({ orgId: org.orgId, userId: user.id, role, scopeType: 'org' });
  }
  auditorOnly = await signIn(app, 'auditor.only@files.test');
  noEmployee = await signIn(app, 'no.employee@files.test');
});

const FIVE_MB = 5 * 1024 * 1024;

describe('uploading a receipt', () => {
  it('stores the bytes with their size and SHA-256, audited without the content', async () => {
    const res = await upload(app, employee, PNG, 'image/png', 'レシート 2024-05.png');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String),
      name: 'レシート 2024-05.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    const [row] = await database.db.select().from(storedFiles).where(eq(storedFiles.id, body.id));
    expect(row.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(Buffer.compare(row.content, PNG)).toBe(0);
    expect(row).toMatchObject({
      purpose: 'claim_receipt',
      uploadedBy: org.users.employee.id,
      orgId: org.orgId,
    });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(entry).toMatchObject({ action: 'stored_file.upload', entityType: 'stored_file' });
    expect(Object.keys(entry.after as object)).not.toContain('content');
  });

  it('accepts a PDF, and a type with parameters and capitals', async () => {
    const pdf = await upload(app, employee, PDF, 'application/pdf', 'receipt.pdf');
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json().contentType).toBe('application/pdf');
    const png = await upload(app, employee, PNG, 'Image/PNG; name=x', 'x.png');
    expect(png.statusCode).toBe(201);
    expect(png.json().contentType).toBe('image/png');
  });

  it('refuses other types, and bytes that are not of the declared type', async () => {
    for (const [type, bytes] of [
      ['text/html', Buffer.from('<script>alert(1)</script>')],
      ['image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
      ['application/json', Buffer.from('{"a":1}')],
      ['text/plain', Buffer.from('hello')],
      ['image/png', PDF],
      ['application/pdf', PNG],
      ['image/jpeg', Buffer.from('not a jpeg')],
    ] as const) {
      const res = await upload(app, employee, bytes, type);
      expect(res.statusCode, type).toBe(415);
      expect(res.json().code, type).toBe('file_type_not_allowed');
    }
  });

  it('refuses a file over 5 MB with the limit in the message, and an empty one', async () => {
    const big = Buffer.alloc(FIVE_MB + 1, 0);
    PNG.copy(big);
    const res = await upload(app, employee, big, 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file_too_large', detail: expect.stringContaining('5 MB') });
    const exact = Buffer.alloc(FIVE_MB, 0);
    PNG.copy(exact);
    expect((await upload(app, employee, exact, 'image/png')).statusCode).toBe(201);
    expect((await upload(app, employee, Buffer.alloc(0), 'image/png')).statusCode).toBe(400);
  });

  it('needs a name, a signed-in employee account and the CSRF token', async () => {
    const noName = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...employee.headers, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(noName.statusCode).toBe(400);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/files?name=a.png',
      headers: { 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await upload(app, auditorOnly, PNG)).json().code).toBe('forbidden');
    expect((await upload(app, noEmployee, PNG)).json().code).toBe('no_employee_record');
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/files?name=a.png',
      headers: { cookie: employee.cookie, origin: 'http://localhost', 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(noCsrf.json().code).toBe('csrf_failed');
  });

  it('serves no receipt through the documents download (only through its claim)', async () => {
    const id = (await upload(app, employee, PNG)).json().id;
    const res = await app.inject({ method: 'GET', url: `/api/files/${id}`, headers: employee.headers });
    expect(res.statusCode).toBe(403);
    const admin = await signIn(app, org.users.org_admin.email);
    const asAdmin = await app.inject({ method: 'GET', url: `/api/files/${id}`, headers: admin.headers });
    expect(asAdmin.statusCode).toBe(404);
  });

  it('takes each purpose only from those who may upload it', async () => {
    const as = async (role: 'csr_manager' | 'program_manager' | 'promoter' | 'employee', purpose: string) => {
      const s = await signIn(app, org.users[role].email);
      const res = await app.inject({
        method: 'POST',
        url: `/api/files?name=p.pdf&purpose=${purpose}`,
        headers: { ...s.headers, 'content-type': 'application/pdf' },
        payload: PDF,
      });
      return res.statusCode;
    };
    expect(await as('program_manager', 'agreement_document')).toBe(201);
    expect(await as('csr_manager', 'screening_evidence')).toBe(201);
    expect(await as('program_manager', 'program_photo')).toBe(201);
    expect(await as('csr_manager', 'consent_record')).toBe(201);
    expect(await as('promoter', 'agreement_document')).toBe(403);
    expect(await as('promoter', 'screening_evidence')).toBe(403);
    expect(await as('employee', 'program_photo')).toBe(403);
    expect(await as('employee', 'consent_record')).toBe(403);
    expect(await as('employee', 'claim_receipt')).toBe(201);
    const purposes = await database.db.select({ purpose: storedFiles.purpose }).from(storedFiles);
    expect(new Set(purposes.map((p) => p.purpose))).toEqual(
      new Set([
        'claim_receipt',
        'agreement_document',
        'screening_evidence',
        'program_photo',
        'consent_record',
      ]),
    );
  });
});

describe('file names', () => {
  it('drops folders and control characters, and writes both forms of a Content-Disposition name', () => {
    expect(cleanFileName('C:\\Users\\me\\領収書.pdf')).toBe('領収書.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b"c\n.png')).toBe('abc.png');
    expect(cleanFileName('  ')).toBe('receipt');
    expect(contentDisposition('領収書 (1).pdf', 'inline')).toBe(
      `inline; filename="___ (1).pdf"; filename*=UTF-8''%E9%A0%98%E5%8F%8E%E6%9B%B8%20%281%29.pdf`,
    );
  });
});
