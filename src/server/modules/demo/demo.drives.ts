import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { mulberry32 } from './demo.generator.js';
import { between, chance, type Rng } from './demo.random.js';

type DemoItem = {
  code: string;
  nameJa: string;
  nameEn: string;
  unit: 'points' | 'count' | 'kg';
  /** Yen per unit; null where no fair rate applies (books are bought back item by item, coins vary). */
  yenPerUnit: string | null;
  /** The demo NPO that receives it (by partner code). */
  recipient: string;
  /** What a site collects in a season, in the unit (kg with 3 decimals). */
  range: [number, number];
};

/**
 * The seven items of the December–January drive. Rates: a Bellmark point is worth 1 yen to the
 * school; a spoiled postcard is exchanged at the post office for 57 yen after the 6-yen fee; used
 * stamps sell to collectors at about 1,500 yen per kilogram.
 */
export const DEMO_DRIVE_ITEMS: DemoItem[] = [
  {
    code: 'BELLMARK',
    nameJa: 'ベルマーク',
    nameEn: 'Bellmark symbols',
    unit: 'points',
    yenPerUnit: '1',
    recipient: 'MANABI',
    range: [800, 6000],
  },
  {
    code: 'SPOILED-POSTCARDS',
    nameJa: '書き損じはがき',
    nameEn: 'Spoiled postcards',
    unit: 'count',
    yenPerUnit: '57',
    recipient: 'UNICEF',
    range: [20, 240],
  },
  {
    code: 'USED-STAMPS',
    nameJa: '使用済み切手',
    nameEn: 'Used stamps',
    unit: 'kg',
    yenPerUnit: '1500',
    recipient: 'KAWASAKI-SWC',
    range: [300, 5500],
  },
  {
    code: 'USED-BOOKS',
    nameJa: '古本・CD/DVD',
    nameEn: 'Used books, CDs and DVDs',
    unit: 'count',
    yenPerUnit: null,
    recipient: 'MIDORI',
    range: [30, 420],
  },
  {
    code: 'UNUSED-STAMPS',
    nameJa: '未使用切手・はがき',
    nameEn: 'Unused stamps and postcards',
    unit: 'count',
    yenPerUnit: null,
    recipient: 'JPF',
    range: [5, 90],
  },
  {
    code: 'FOREIGN-COINS',
    nameJa: '外国コイン・紙幣',
    nameEn: 'Foreign coins and notes',
    unit: 'kg',
    yenPerUnit: null,
    recipient: 'UNICEF',
    range: [100, 2800],
  },
  {
    code: 'INK-CARTRIDGES',
    nameJa: '使用済みインクカートリッジ',
    nameEn: 'Used ink cartridges',
    unit: 'count',
    yenPerUnit: null,
    recipient: 'BYOIN-KODOMO',
    range: [10, 160],
  },
];

const DRIVES = [
  { code: 'DRIVE-2023', fiscalYear: 2023, startsOn: '2023-12-01', endsOn: '2024-01-31', growth: 1 },
  { code: 'DRIVE-2024', fiscalYear: 2024, startsOn: '2024-12-01', endsOn: '2025-01-31', growth: 1.12 },
] as const;

/** One site's season of an item (kg ranges are in grams). */
function quantity(rng: Rng, item: DemoItem, weight: number, growth: number): string {
  const n = Math.round(between(rng, item.range[0], item.range[1]) * weight * growth);
  return item.unit === 'kg' ? (n / 1000).toFixed(3) : String(n);
}

/**
 * Loads the collection drives: the seven items, the fiscal 2023 and 2024 drives (both closed) at the
 * Japanese group companies' sites, each site's reports (by its promoter where it has one, else the
 * CSR manager), recipients from the demo NPOs. Deterministic; returns the drives' ids by code.
 */
export async function insertDemoDrives(
  tx: Tx,
  orgId: string,
  _today?: string,
): Promise<Record<string, string>> {
  const rng = mulberry32(0x64726976); // "driv"
  const items = await rowsOf<{ id: string; code: string }>(
    tx,
    sql`insert into collection_items (org_id, code, name_ja, name_en, unit, yen_per_unit, position)
      select ${orgId}::uuid, v.code, v.name_ja, v.name_en, v.unit, v.rate::numeric, v.position::smallint
      from jsonb_to_recordset(${JSON.stringify(
        DEMO_DRIVE_ITEMS.map((i, n) => ({
          ...i,
          name_ja: i.nameJa,
          name_en: i.nameEn,
          rate: i.yenPerUnit,
          position: n + 1,
        })),
      )}::jsonb) as v(code text, name_ja text, name_en text, unit text, rate text, position int)
      returning id, code`,
  );
  const itemId = new Map(items.map((i) => [i.code, i.id]));
  const partners = await rowsOf<{ id: string; code: string }>(
    tx,
    sql`select id, code from partners where org_id = ${orgId}`,
  );
  const partnerId = new Map(partners.map((p) => [p.code, p.id]));
  const sites = await rowsOf<{ id: string; code: string; company_id: string }>(
    tx,
    sql`select s.id, s.code, s.company_id from sites s join group_companies c on c.id = s.company_id
      where s.org_id = ${orgId} and c.country = 'JP' order by s.code`,
  );
  const reporters = await rowsOf<{ id: string; role: string; site_id: string | null }>(
    tx,
    sql`select u.id, g.role, g.site_id from users u join role_grants g on g.user_id = u.id
      where u.org_id = ${orgId} and (g.role = 'csr_manager' and g.scope_type = 'org'
        or g.role = 'promoter' and g.scope_type = 'site') order by u.email`,
  );
  const csr = reporters.find((r) => r.role === 'csr_manager') ?? reporters[0];
  if (!csr || !sites.length) return {};
  // A site's size: the same every season, so the change from last year is the drive's, not noise.
  const weight = new Map(sites.map((s) => [s.id, 0.5 + rng()]));
  const out: Record<string, string> = {};
  for (const d of DRIVES) {
    const [drive] = await rowsOf<{ id: string }>(
      tx,
      sql`insert into collection_drives (org_id, code, title_ja, title_en, fiscal_year, starts_on, ends_on, status)
        values (${orgId}, ${d.code}, ${`${d.fiscalYear}年度 年末年始 回収キャンペーン`},
          ${`Year-end collection drive ${d.fiscalYear + 1}`}, ${d.fiscalYear}, ${d.startsOn}, ${d.endsOn}, 'closed')
        returning id`,
    );
    out[d.code] = drive.id;
    // Each drive keeps the rate its items had when it was set up (the item's rate today).
    const driveItems = DEMO_DRIVE_ITEMS.map(
      (i) => sql`(${orgId}::uuid, ${drive.id}::uuid, ${itemId.get(i.code)}::uuid,
      ${partnerId.get(i.recipient) ?? null}::uuid, ${i.yenPerUnit}::numeric)`,
    );
    await tx.execute(
      sql`insert into collection_drive_items (org_id, drive_id, item_id, recipient_id, yen_per_unit)
        values ${sql.join(driveItems, sql`, `)}`,
    );
    const driveSites = sites.map((s) => sql`(${orgId}::uuid, ${drive.id}::uuid, ${s.id}::uuid)`);
    await tx.execute(
      sql`insert into collection_drive_sites (org_id, drive_id, site_id) values ${sql.join(driveSites, sql`, `)}`,
    );
    const reports = sites.flatMap((s) => {
      const by = reporters.find((r) => r.role === 'promoter' && r.site_id === s.id) ?? csr;
      const at = `${d.endsOn.slice(0, 8)}${String(between(rng, 20, 31)).padStart(2, '0')}T09:00:00+09:00`;
      return DEMO_DRIVE_ITEMS.filter(() => !chance(rng, 0.12)).map(
        (
          i,
        ) => sql`(${orgId}::uuid, ${drive.id}::uuid, ${s.id}::uuid, ${itemId.get(i.code)}::uuid, ${s.company_id}::uuid,
          ${quantity(rng, i, weight.get(s.id)!, d.growth)}::numeric, ${by.id}::uuid, ${at}::timestamptz)`,
      );
    });
    await tx.execute(
      sql`insert into collection_reports (org_id, drive_id, site_id, item_id, company_id, quantity, reported_by, reported_at)
        values ${sql.join(reports, sql`, `)}`,
    );
  }
  return out;
}
