import { stringify } from 'csv-stringify/sync';
import type { Ctx } from '../../lib/context.js';
import { csvCell as cell } from '../../lib/csv-export.js';
import type { DriveResults } from './drives.results.schema.js';
import { driveResults } from './drives.results.js';

const HEADERS = {
  section: ['区分', 'section'],
  code: ['コード', 'code'],
  name: ['名称', 'name'],
  unit: ['単位', 'unit'],
  quantity: ['数量', 'quantity'],
  yen_per_unit: ['円換算単価', 'yen_per_unit'],
  value_jpy: ['円換算額', 'value_jpy'],
  previous_quantity: ['前年度数量', 'previous_quantity'],
  previous_value_jpy: ['前年度円換算額', 'previous_value_jpy'],
  change_jpy: ['増減額', 'change_jpy'],
  change_percent: ['増減率(%)', 'change_percent'],
} as const;
type Column = keyof typeof HEADERS;

const SECTIONS = {
  item: ['品目', 'item'],
  site: ['拠点', 'site'],
  company: ['会社', 'company'],
  recipient: ['寄贈先', 'recipient'],
  total: ['合計', 'total'],
} as const;

const UNITS = { points: ['点', 'points'], count: ['個・枚', 'count'], kg: ['kg', 'kg'] } as const;

const num = (n: number | null) => (n === null ? '' : String(n));

/**
 * A drive's results as CSV (UTF-8 with BOM, CRLF): one line per item, site, company and recipient,
 * then the total, with last fiscal year's figures beside them. An item's `yen_per_unit` is the drive's
 * own rate (kept when the item joined it), the one its values were computed with. Headers and names in `lang`.
 * Throws not_found.
 */
export async function driveResultsCsv(
  ctx: Ctx,
  driveId: string,
  lang: 'ja' | 'en' = ctx.locale,
): Promise<{ fileName: string; body: string }> {
  const r: DriveResults = await driveResults({ ...ctx, locale: lang }, driveId);
  const li = lang === 'ja' ? 0 : 1;
  const name = (ja: string | null, en: string | null) => cell((lang === 'ja' ? ja || en : en || ja) ?? '');
  type Line = Partial<Record<Column, string>>;
  const line = (section: keyof typeof SECTIONS, l: Omit<Line, 'section'>): Line => ({
    section: SECTIONS[section][li],
    ...l,
  });
  const money = (x: {
    valueJpy: number | null;
    previousValueJpy: number | null;
    changeJpy: number | null;
    changePercent: number | null;
  }) => ({
    value_jpy: num(x.valueJpy),
    previous_value_jpy: num(x.previousValueJpy),
    change_jpy: num(x.changeJpy),
    change_percent: num(x.changePercent),
  });
  const records: Line[] = [
    ...r.items.map((i) =>
      line('item', {
        code: cell(i.code),
        name: name(i.nameJa, i.nameEn),
        unit: UNITS[i.unit][li],
        quantity: num(i.quantity),
        yen_per_unit: i.yenPerUnit ?? '',
        previous_quantity: num(i.previousQuantity),
        ...money(i),
      }),
    ),
    ...r.sites.map((s) => line('site', { code: cell(s.code), name: name(s.nameJa, s.nameEn), ...money(s) })),
    ...r.companies.map((c) =>
      line('company', { code: cell(c.code), name: name(c.nameJa, c.nameEn), ...money(c) }),
    ),
    ...r.recipients.map((p) =>
      line('recipient', { code: cell(p.code), name: name(p.nameJa, p.nameEn), ...money(p) }),
    ),
    line('total', { code: cell(r.code), name: name(r.titleJa, r.titleEn), ...money(r.totals) }),
  ];
  const columns = (Object.keys(HEADERS) as Column[]).map((key) => ({ key, header: HEADERS[key][li] }));
  const body = stringify(records, { bom: true, header: true, record_delimiter: 'windows', columns });
  return { fileName: `drive_${r.code}_results.csv`, body };
}
