import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../shared/fiscal-year.js';
import { ledgerToday } from '../../server/modules/ledger/ledger.values.js';
import { type CliResult, runKyosei } from '../test/kyosei.js';

// The demo organisation's fiscal year starts in April.
const FY = fiscalYearOf(ledgerToday(), 4);
let dir: string;

function kyosei(args: string[]): Promise<CliResult> {
  return runKyosei(args, {
    KYOSEI_DATA_DIR: join(dir, 'data'),
    KYOSEI_DEMO_PASSWORD: 'points cli password',
    KYOSEI_DEMO_EMPLOYEES: '200',
    KYOSEI_LANG: 'en',
  });
}

function csv(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, ['grant_reference,employee_number,fiscal_year,points,note', ...rows, ''].join('\n'));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyosei-points-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kyosei import points and kyosei points expire', { timeout: 180_000 }, () => {
  it('imports grants once by reference, and names the row and column of a bad value', async () => {
    const loaded = await kyosei(['demo', 'load']);
    expect(loaded.code, loaded.stderr).toBe(0);
    const file = csv('grants.csv', [
      `CLI-${FY}-1,10000001,${FY},300,年間付与`,
      `CLI-${FY}-2,10000002,${FY},"1,200",`,
    ]);
    const first = await kyosei(['import', 'points', file]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('2 rows: 2 created, 0 updated, 0 unchanged');
    const again = await kyosei(['import', 'points', file, '--org', 'DEMO']);
    expect(again.stdout).toContain('2 rows: 0 created, 0 updated, 2 unchanged');
    const late = await kyosei(['import', 'points', csv('late.csv', [`CLI-LATE,10000001,${FY - 1},5,`])]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('Nothing was imported');
    expect(late.stderr).toContain(`row 2, fiscal_year: This fiscal year has already ended`);
  });

  it('expires an ended year, refuses one that has not ended, and explains itself in Japanese', async () => {
    const open = await kyosei(['points', 'expire', '--fiscal-year', String(FY)]);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('has not ended yet');
    const ended = await kyosei(['points', 'expire', '--fiscal-year', String(FY - 1)]);
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toContain(`fiscal ${FY}`);
    const all = await kyosei(['points', 'expire']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('No ended fiscal year holds points');
    const help = await kyosei(['points', 'expire', '--help', '--lang', 'ja']);
    expect(help.stdout).toContain('--fiscal-year');
    expect(help.stdout).toContain('失効');
    const bad = await kyosei(['points', 'expire', '--fiscal-year', 'last']);
    expect(bad.code).toBe(1);
  });
});
