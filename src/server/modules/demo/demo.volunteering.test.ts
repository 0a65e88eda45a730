import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { loadDemo } from './demo.service.js';
import { joined, PASSWORD, participants, rows, TODAY } from './demo.test-support.js';

// The full 20,000-employee demo, with the seeds' own figures, is demo.full.test.ts (PostgreSQL tier).

describe('a smaller demo', () => {
  const digest = async (database: Database) =>
    rows(
      database,
      sql`select e.employee_number, o.title_en, s.starts_at, s.capacity, su.status, su.attendance, su.minutes
        from signups su join employees e on e.id = su.employee_id
        join opportunity_shifts s on s.id = su.shift_id join opportunities o on o.id = s.opportunity_id
        order by 1, 3, 2, 5`,
    );

  // Three demo loads side by side (each closes and publishes two years): longer than the default minute.
  it('is the same on every load, whatever the day, and scales the figures down', {
    timeout: 240_000,
  }, async () => {
    const [a, b, later] = await Promise.all([openTestDatabase(), openTestDatabase(), openTestDatabase()]);
    const [ra] = await Promise.all([
      loadDemo(a, { employees: 500, password: PASSWORD, today: TODAY }),
      loadDemo(b, { employees: 500, password: PASSWORD, today: TODAY }),
      loadDemo(later, { employees: 500, password: PASSWORD, today: '2027-02-10' }),
    ]);
    expect(await digest(a)).toEqual(await digest(b));
    const scaled = async (database: Database, orgId: string) => [
      await joined(database, orgId, '2023-04-01', '2024-03-31'),
      await joined(database, orgId, '2021-04-01', '2024-03-31'),
      await participants(database, orgId, '2023-04-01', '2024-03-31'),
      await participants(database, orgId, '2022-04-01', '2023-03-31'),
    ];
    // 500 of 20,000 employees: each planned figure (1,338; 4,173 + 3,210 + 1,338; 13,000; 9,520) over 40.
    expect(await scaled(a, ra.orgId)).toEqual([33, 217, 325, 238]);
    const [laterOrg] = await rows<{ id: string }>(
      later,
      sql`select id from organisations where code = 'DEMO'`,
    );
    expect(await scaled(later, laterOrg.id)).toEqual([33, 217, 325, 238]);
  });
});
