import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { yearLabel } from '../ledger/ledger.values.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import type { CollectionUnit } from './drives.schema.js';
import type { DriveResults, YearTotals } from './drives.results.schema.js';
import { collectionDrives, collectionItems } from './drives.table.js';
import { getDrive } from './drives.view.js';

/** One group of reports: its key, summed quantity, yen value (rounded once) and how many reports. */
type Group = {
  key: string | null;
  quantity: number;
  valueJpy: number | null;
  reports: number;
  members: number;
};
export type Aggregate = {
  items: Map<string, Group>;
  sites: Map<string, Group>;
  companies: Map<string, Group>;
  recipients: Map<string | null, Group>;
  total: Group;
};

type Raw = {
  g: unknown;
  item_id: string | null;
  site_id: string | null;
  company_id: string | null;
  recipient_id: string | null;
  quantity: string | null;
  value_jpy: unknown;
  reports: unknown;
  site_count: unknown;
  item_count: unknown;
};

/**
 * Sums the reports of the drives matching `where` (on the drive `d`) by item, site, company and
 * recipient in one pass (GROUPING SETS). Quantities × each drive's own yen rate (collection_drive_items,
 * kept when the item joined the drive) are summed as exact numerics and rounded to whole yen once per
 * group, so no figure carries a rounding of another. A group's value is null when no drive valued it.
 */
async function aggregate(ctx: Ctx, where: SQL): Promise<Aggregate> {
  const rows = await rowsOf<Raw>(
    ctx.db,
    sql`select grouping(r.item_id, r.site_id, r.company_id, di.recipient_id) as g,
        r.item_id, r.site_id, r.company_id, di.recipient_id,
        sum(r.quantity)::text as quantity,
        round(sum(r.quantity * di.yen_per_unit))::bigint as value_jpy,
        count(*) as reports,
        count(distinct r.site_id) as site_count,
        count(distinct r.item_id) as item_count
      from collection_reports r
      join collection_drives d on d.org_id = r.org_id and d.id = r.drive_id
      join collection_drive_items di on di.org_id = r.org_id and di.drive_id = r.drive_id and di.item_id = r.item_id
      where r.org_id = ${ctx.orgId} and ${where}
      group by grouping sets ((r.item_id), (r.site_id), (r.company_id), (di.recipient_id), ())`,
  );
  const out: Aggregate = {
    items: new Map(),
    sites: new Map(),
    companies: new Map(),
    recipients: new Map(),
    total: { key: null, quantity: 0, valueJpy: 0, reports: 0, members: 0 },
  };
  for (const r of rows) {
    // grouping() sets a bit for each column NOT grouped: item, site, company, recipient (high to low).
    const g = toNumber(r.g);
    const group = (key: string | null): Group => ({
      key,
      quantity: Number(r.quantity ?? 0),
      valueJpy: r.value_jpy === null ? null : toNumber(r.value_jpy),
      reports: toNumber(r.reports),
      // Sites that reported an item or a company; items a site or a recipient received.
      members: toNumber(g === 7 || g === 13 ? r.site_count : r.item_count),
    });
    if (g === 7) out.items.set(r.item_id!, group(r.item_id));
    else if (g === 11) out.sites.set(r.site_id!, group(r.site_id));
    else if (g === 13) out.companies.set(r.company_id!, group(r.company_id));
    else if (g === 14) out.recipients.set(r.recipient_id, group(r.recipient_id));
    else if (g === 15) out.total = { ...group(null), valueJpy: group(null).valueJpy ?? 0 };
  }
  return out;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const percent = (now: number, before: number | null) =>
  before ? Math.round(((now - before) / before) * 1000) / 10 : null;

/** This year's value against last year's (null fields when there was no drive last year). */
function change(now: number, before: number | null, compare: boolean) {
  const previous = compare ? (before ?? 0) : null;
  return {
    valueJpy: now,
    previousValueJpy: previous,
    changeJpy: previous === null ? null : now - previous,
    changePercent: previous === null ? null : percent(now, previous),
  };
}

const inYear = (fiscalYear: number) => sql`d.fiscal_year = ${fiscalYear}`;

/**
 * A drive's results: totals per item (quantity in its unit, yen value at the drive's rate where it has one),
 * per site, per company and per recipient, with the change from the previous fiscal year's drives (valued
 * at their own rates).
 * Throws not_found.
 */
export async function driveResults(ctx: Ctx, driveId: string): Promise<DriveResults> {
  const drive = await getDrive(ctx, driveId);
  const now = await aggregate(ctx, sql`d.id = ${driveId}`);
  const previousDrives = await ctx.db
    .select({ code: collectionDrives.code })
    .from(collectionDrives)
    .where(and(eq(collectionDrives.orgId, ctx.orgId), eq(collectionDrives.fiscalYear, drive.fiscalYear - 1)))
    .orderBy(asc(collectionDrives.code));
  const compare = previousDrives.length > 0;
  const before = compare ? await aggregate(ctx, inYear(drive.fiscalYear - 1)) : null;
  const prev = <K>(map: keyof Omit<Aggregate, 'total'>, key: K) =>
    (before?.[map] as Map<K, Group> | undefined)?.get(key);
  const companies = new Map<string, { code: string; nameJa: string; nameEn: string }>();
  for (const s of drive.sites)
    companies.set(s.companyId, { code: s.companyCode, nameJa: s.companyNameJa, nameEn: s.companyNameEn });
  const missing = [...now.companies.keys()].filter((id) => !companies.has(id));
  if (missing.length) {
    const rows = await ctx.db
      .select()
      .from(groupCompanies)
      .where(and(eq(groupCompanies.orgId, ctx.orgId), inArray(groupCompanies.id, missing)));
    for (const c of rows) companies.set(c.id, { code: c.code, nameJa: c.nameJa, nameEn: c.nameEn });
  }
  const recipients = new Map(
    drive.items.flatMap((i) => (i.recipient ? [[i.recipient.id, i.recipient]] : [])),
  );
  const recipientKeys = [
    ...new Set([...drive.items.map((i) => i.recipient?.id ?? null), ...now.recipients.keys()]),
  ];
  return {
    driveId: drive.id,
    code: drive.code,
    titleJa: drive.titleJa,
    titleEn: drive.titleEn,
    status: drive.status,
    fiscalYear: drive.fiscalYear,
    fiscalYearLabel: drive.fiscalYearLabel,
    previous: compare
      ? {
          fiscalYear: drive.fiscalYear - 1,
          fiscalYearLabel: await yearLabel(ctx, drive.fiscalYear - 1),
          driveCodes: previousDrives.map((d) => d.code),
        }
      : null,
    totals: {
      ...change(now.total.valueJpy ?? 0, before?.total.valueJpy ?? null, compare),
      reports: now.total.reports,
      sitesReported: now.sites.size,
      sites: drive.sites.length,
    },
    items: drive.items.map((i) => {
      const g = now.items.get(i.itemId);
      const p = prev('items', i.itemId);
      const quantity = g?.quantity ?? 0;
      const previousQuantity = compare ? (p?.quantity ?? 0) : null;
      // Valued at this drive's rate; last year's value only where last year's drives valued it too.
      const valued = i.yenPerUnit !== null;
      const comparable = compare && valued && p?.valueJpy !== null;
      return {
        ...i,
        quantity,
        sitesReported: g?.members ?? 0,
        previousQuantity,
        quantityChange: previousQuantity === null ? null : round3(quantity - previousQuantity),
        quantityChangePercent: previousQuantity === null ? null : percent(quantity, previousQuantity),
        ...change(g?.valueJpy ?? 0, p?.valueJpy ?? null, comparable),
        valueJpy: valued ? (g?.valueJpy ?? 0) : null,
      };
    }),
    sites: drive.sites.map((s) => ({
      siteId: s.siteId,
      code: s.code,
      nameJa: s.nameJa,
      nameEn: s.nameEn,
      companyId: s.companyId,
      companyCode: s.companyCode,
      itemsReported: now.sites.get(s.siteId)?.members ?? 0,
      ...change(now.sites.get(s.siteId)?.valueJpy ?? 0, prev('sites', s.siteId)?.valueJpy ?? null, compare),
    })),
    companies: [...companies.entries()]
      .sort(([, a], [, b]) => a.code.localeCompare(b.code))
      .map(([id, c]) => ({
        companyId: id,
        ...c,
        sitesReported: now.companies.get(id)?.members ?? 0,
        ...change(now.companies.get(id)?.valueJpy ?? 0, prev('companies', id)?.valueJpy ?? null, compare),
      })),
    recipients: recipientKeys.map((id) => {
      const r = id ? recipients.get(id) : undefined;
      return {
        partnerId: id,
        code: r?.code ?? null,
        nameJa: r?.nameJa ?? null,
        nameEn: r?.nameEn ?? null,
        items: drive.items.filter((i) => (i.recipient?.id ?? null) === id).length,
        ...change(now.recipients.get(id)?.valueJpy ?? 0, prev('recipients', id)?.valueJpy ?? null, compare),
      };
    }),
  };
}

/** Every drive of a fiscal year together: what the annual report reads. */
export async function driveTotalsByYear(ctx: Ctx, fiscalYear: number): Promise<YearTotals> {
  const drives = await ctx.db
    .select({
      id: collectionDrives.id,
      code: collectionDrives.code,
      titleJa: collectionDrives.titleJa,
      titleEn: collectionDrives.titleEn,
      status: collectionDrives.status,
    })
    .from(collectionDrives)
    .where(and(eq(collectionDrives.orgId, ctx.orgId), eq(collectionDrives.fiscalYear, fiscalYear)))
    .orderBy(asc(collectionDrives.startsOn), asc(collectionDrives.code));
  const a = await aggregate(ctx, inYear(fiscalYear));
  const ids = <K>(m: Map<K, Group>) => [...m.keys()].filter((k): k is K & string => k !== null);
  const [itemRows, siteRows, companyRows, partnerRows] = await Promise.all([
    lookup(ctx, collectionItems, ids(a.items)),
    lookup(ctx, sites, ids(a.sites)),
    lookup(ctx, groupCompanies, ids(a.companies)),
    lookup(ctx, partners, ids(a.recipients)),
  ]);
  return {
    fiscalYear,
    drives,
    valueJpy: a.total.valueJpy ?? 0,
    reports: a.total.reports,
    items: itemRows
      .sort((x, y) => x.position - y.position || x.code.localeCompare(y.code))
      .map((i) => ({
        itemId: i.id,
        code: i.code,
        nameJa: i.nameJa,
        nameEn: i.nameEn,
        unit: i.unit as CollectionUnit,
        quantity: a.items.get(i.id)!.quantity,
        valueJpy: a.items.get(i.id)!.valueJpy,
      })),
    sites: siteRows.map((s) => ({
      siteId: s.id,
      code: s.code,
      nameJa: s.nameJa,
      nameEn: s.nameEn,
      companyId: s.companyId,
      valueJpy: a.sites.get(s.id)!.valueJpy ?? 0,
    })),
    companies: companyRows.map((c) => ({
      companyId: c.id,
      code: c.code,
      nameJa: c.nameJa,
      nameEn: c.nameEn,
      valueJpy: a.companies.get(c.id)!.valueJpy ?? 0,
    })),
    recipients: [...a.recipients.entries()].map(([id, g]) => {
      const p = partnerRows.find((r) => r.id === id);
      return {
        partnerId: id,
        code: p?.code ?? null,
        nameJa: p?.nameJa ?? null,
        nameEn: p?.nameEn ?? null,
        valueJpy: g.valueJpy ?? 0,
      };
    }),
  };
}

type Lookup = typeof collectionItems | typeof sites | typeof groupCompanies | typeof partners;

async function lookup<T extends Lookup>(ctx: Ctx, table: T, ids: string[]): Promise<T['$inferSelect'][]> {
  if (!ids.length) return [];
  const t = table as typeof sites;
  return (await ctx.db
    .select()
    .from(t)
    .where(and(eq(t.orgId, ctx.orgId), inArray(t.id, ids)))
    .orderBy(asc(t.code))) as T['$inferSelect'][];
}
