import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  type TestOrg,
} from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { normaliseRate } from './fx.service.js';
import { jpyValue } from './ledger.values.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let finance: Session;
let csr: Session;

const put = (url: string, payload: unknown, as = finance) =>
  app.inject({ method: 'PUT', url, headers: as.headers, payload: payload as object });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'FX');
  app = await buildTestApp(database);
  finance = await signIn(app, org.users.finance.email);
  csr = await signIn(app, org.users.csr_manager.email);
});

describe('exchange rates', () => {
  it('sets a rate as a decimal string, and later postings are valued with it', async () => {
    const res = await put('/api/fx-rates/2025/USD', { jpyPerUnit: '151.25' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fiscalYear: 2025, currency: 'USD', jpyPerUnit: '151.25' });
    const ctx = await ctxAs(database, org, 'finance');
    expect(await jpyValue(ctx, 1050, 'USD', 2025)).toBe(1588); // 10.50 x 151.25 = 1588.125
    await expect(jpyValue(ctx, 1050, 'USD', 2024)).rejects.toMatchObject({ code: 'fx_rate_missing' });
  });

  it('updates a rate, auditing before and after', async () => {
    expect((await put('/api/fx-rates/2025/USD', { jpyPerUnit: '150.000' })).json().jpyPerUnit).toBe('150');
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.entityType, 'fx_rate')));
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update']);
    const update = entries.find((e) => e.action === 'update')!;
    expect(update.entityId).toBe('2025:USD');
    expect(update.before).toMatchObject({ jpyPerUnit: '151.25' });
    expect(update.after).toMatchObject({ jpyPerUnit: '150' });
  });

  it('refuses what is not a positive decimal, yen itself, and unknown currencies', async () => {
    for (const jpyPerUnit of ['abc', '-1', '1e3', '1.1234567', '1,000', '', 151.25]) {
      const res = await put('/api/fx-rates/2025/EUR', { jpyPerUnit });
      expect(res.statusCode, String(jpyPerUnit)).toBe(400);
      expect(res.json().fields[0].path).toBe('jpyPerUnit');
    }
    for (const zero of ['0', '0.000000']) {
      const res = await put('/api/fx-rates/2025/EUR', { jpyPerUnit: zero });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0]).toMatchObject({ path: 'jpyPerUnit', code: 'too_small' });
    }
    const yen = await put('/api/fx-rates/2025/JPY', { jpyPerUnit: '1' });
    expect(yen.statusCode).toBe(400);
    expect(yen.json().fields[0]).toMatchObject({ path: 'currency', code: 'invalid_value' });
    expect((await put('/api/fx-rates/2025/QQQ', { jpyPerUnit: '1' })).statusCode).toBe(400);
    expect((await put('/api/fx-rates/2025/usd', { jpyPerUnit: '1' })).statusCode).toBe(400);
    expect((await put('/api/fx-rates/99/USD', { jpyPerUnit: '1' })).statusCode).toBe(400);
    expect((await put('/api/fx-rates/2025/EUR', { jpyPerUnit: '1', note: 'x' })).statusCode).toBe(400);
  });

  it('lists rates newest year first, filtered; only finance managers change them', async () => {
    await put('/api/fx-rates/2024/EUR', { jpyPerUnit: '160.5' });
    await put('/api/fx-rates/2025/EUR', { jpyPerUnit: '162' });
    const list = await app.inject({ method: 'GET', url: '/api/fx-rates', headers: csr.headers });
    expect(
      list.json().items.map((r: { fiscalYear: number; currency: string }) => `${r.fiscalYear} ${r.currency}`),
    ).toEqual(['2025 EUR', '2025 USD', '2024 EUR']);
    const eur = await app.inject({
      method: 'GET',
      url: '/api/fx-rates?currency=EUR&fiscalYear=2024',
      headers: csr.headers,
    });
    expect(eur.json()).toMatchObject({ total: 1, items: [{ jpyPerUnit: '160.5' }] });
    expect((await put('/api/fx-rates/2025/EUR', { jpyPerUnit: '1' }, csr)).statusCode).toBe(403);
    expect(normaliseRate('000151.250000')).toBe('151.25');
  });
});
