import type { Locale } from './fiscal-year.js';

/**
 * How the report reads amounts and counts (issue 6, docs/reports.md "The page and exports").
 * Japanese amounts follow the organisation's setting: 億円 to 0.1億 ('oku': 6.7億円) or whole 百万円
 * ('hyakuman': 828百万円); English ones read in million yen ("828 million yen"). Amounts too small for
 * the unit fall back to 万円 / plain yen, so that 5,000,000 yen never reads as "0.1億円".
 * Isomorphic: the report page, the exports and the web app use the same functions.
 */

export type AmountUnitJa = 'oku' | 'hyakuman';

const OKU = 100_000_000;
const MAN = 10_000;
const MILLION = 1_000_000;

const grouped = (lang: Locale, digits = 0) =>
  new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** Rounds half away from zero to `digits` decimals without binary surprises (0.05 → 0.1). */
function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Math.abs(value) * f;
  const r = Math.round(Number(scaled.toPrecision(12))) / f;
  return value < 0 ? -r : r;
}

/** 万円 (or plain 円 under 10,000): "500万円", "1,500万円", "8,000円". */
function yenInMan(amountJpy: number): string {
  if (Math.abs(amountJpy) < MAN) return `${grouped('ja').format(amountJpy)}円`;
  return `${grouped('ja').format(roundTo(amountJpy / MAN, 0))}万円`;
}

/**
 * An amount of yen as the report's text reads it: ja 'oku' → "6.7億円", ja 'hyakuman' → "828百万円",
 * en → "828 million yen" (whole millions; "1.5 million yen" under ten million; "850,000 yen" under one).
 */
export function formatYen(amountJpy: number, lang: Locale, unitJa: AmountUnitJa = 'oku'): string {
  const abs = Math.abs(amountJpy);
  if (lang === 'en') {
    if (abs < MILLION) return `${grouped('en').format(amountJpy)} yen`;
    const millions = amountJpy / MILLION;
    const digits = abs < 10 * MILLION && !Number.isInteger(roundTo(millions, 1)) ? 1 : 0;
    return `${grouped('en', digits).format(roundTo(millions, digits))} million yen`;
  }
  if (unitJa === 'oku') {
    if (abs < OKU / 10) return yenInMan(amountJpy);
    return `${grouped('ja', 1).format(roundTo(amountJpy / OKU, 1))}億円`;
  }
  if (abs < MILLION) return yenInMan(amountJpy);
  return `${grouped('ja').format(roundTo(amountJpy / MILLION, 0))}百万円`;
}

/**
 * A smaller amount (a donation, a drive's value) the way people say it: ja in 万円 under 1億 ("1,500万円")
 * and in 億円 above; en as formatYen ("15 million yen").
 */
export function formatYenShort(amountJpy: number, lang: Locale): string {
  if (lang === 'en') return formatYen(amountJpy, lang);
  return Math.abs(amountJpy) < OKU ? yenInMan(amountJpy) : formatYen(amountJpy, lang, 'oku');
}

/** The unit a chart axis or a table column is drawn in, and the divisor that goes with it. */
export function yenUnit(lang: Locale, unitJa: AmountUnitJa = 'oku'): { divisor: number; label: string } {
  if (lang === 'en') return { divisor: MILLION, label: 'million yen' };
  return unitJa === 'oku' ? { divisor: OKU, label: '億円' } : { divisor: MILLION, label: '百万円' };
}

/** An amount in the chart unit (for axis values): 6.7 for 670,000,000 yen in 億円. */
export function inYenUnit(amountJpy: number, lang: Locale, unitJa: AmountUnitJa = 'oku'): number {
  const { divisor } = yenUnit(lang, unitJa);
  return roundTo(amountJpy / divisor, divisor === OKU ? 1 : 0);
}

/** Every yen, grouped: "671,234,567円" / "671,234,567 yen" (tables an auditor reads). */
export function formatYenExact(amountJpy: number, lang: Locale): string {
  const n = grouped(lang).format(amountJpy);
  return lang === 'ja' ? `${n}円` : `${n} yen`;
}

/** A count with grouping: "1,338". */
export function formatCount(n: number, lang: Locale): string {
  return grouped(lang).format(n);
}

/** A count with its sign, for changes: "+3,480", "-12", "±0". */
export function formatChange(n: number, lang: Locale): string {
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '-'}${grouped(lang).format(Math.abs(n))}`;
}

/** A number that may have decimals (hours): at most `digits` of them, "1,234.5". */
export function formatDecimal(n: number, lang: Locale, digits = 1): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits }).format(
    roundTo(n, digits),
  );
}

/** A share as a percentage with fixed decimals: formatPercent(0.9, 'en') → "90%", (0.08, 'ja', 1) → "8.0%". */
export function formatPercent(ratio: number, lang: Locale, digits = 0): string {
  const value = Number.isFinite(ratio) ? ratio : 0;
  return `${grouped(lang, digits).format(roundTo(value * 100, digits))}%`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A month of an ISO date: "2021年4月" / "April 2021". */
export function formatMonth(isoDate: string, lang: Locale): string {
  const [y, m] = isoDate.split('-').map(Number);
  return lang === 'ja' ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`;
}

/** A day of an ISO date (or timestamp): "2024年6月30日" / "30 June 2024". */
export function formatDay(iso: string, lang: Locale): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return lang === 'ja' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** A period of months: "2021年4月～2026年3月" / "April 2021 to March 2026". */
export function formatPeriod(start: string, end: string, lang: Locale): string {
  return lang === 'ja'
    ? `${formatMonth(start, lang)}～${formatMonth(end, lang)}`
    : `${formatMonth(start, lang)} to ${formatMonth(end, lang)}`;
}
