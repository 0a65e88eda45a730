import {
  type AmountUnitJa,
  formatCount,
  formatDecimal,
  formatYen,
  formatYenExact,
} from '../../../shared/amounts.js';
import { createI18n } from '../../../shared/i18n/index.js';
import type { ReportDocument } from './report.schema.js';

/**
 * What the report page and the exports share: the labels of the `report` catalogue in one language,
 * the choice of a text in that language (never the other), and the HTML escaping of user texts.
 */

export type Lang = ReportDocument['lang'];
export type T = (key: string, params?: Record<string, unknown>) => string;

const i18n = createI18n('ja');

/** The `report` catalogue's labels in one language. */
export function reportT(lang: Lang): T {
  return (key, params = {}) => i18n.t(`report:${key}`, { ...params, lng: lang });
}

/** The text in the report's language, or null: never the other language's text. */
export function pick(
  lang: Lang,
  ja: string | null | undefined,
  en: string | null | undefined,
): string | null {
  const text = lang === 'ja' ? ja : en;
  return text?.trim() ? text : null;
}

/** A label pair's text in the report's language. */
export function label(lang: Lang, l: { labelJa: string; labelEn: string }): string {
  return lang === 'ja' ? l.labelJa : l.labelEn;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const BULLET = /^\s*(?:[-*•]\s+|・\s*)/;

/**
 * A block body as HTML: paragraphs split by blank lines, lines inside a paragraph kept, and runs of
 * lines starting with "- ", "• " or "・" made into lists. Everything else is escaped text.
 */
export function textToHtml(body: string): string {
  const out: string[] = [];
  for (const para of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = para.split('\n').filter((l) => l.trim() !== '');
    let run: string[] = [];
    let list = false;
    const flush = () => {
      if (run.length === 0) return;
      out.push(
        list
          ? `<ul>${run.map((l) => `<li>${esc(l.replace(BULLET, ''))}</li>`).join('')}</ul>`
          : `<p>${run.map((l) => esc(l)).join('<br>')}</p>`,
      );
      run = [];
    };
    for (const line of lines) {
      const bullet = BULLET.test(line);
      if (bullet !== list) flush();
      list = bullet;
      run.push(line);
    }
    flush();
  }
  return out.join('\n');
}

/** The label of the fiscal year `delta` years from this one, in the same convention ("fiscal 2025"). */
export function shiftYearLabel(yearLabel: string, delta: number): string {
  return yearLabel.replace(/\d{4}/, (y) => String(Number(y) + delta));
}

/** How the page writes a value of a unit. */
export type Unit = 'yen' | 'people' | 'hours' | 'count' | 'none';

/** A value with its unit, as text: "6.1億円", "1,338名", "1,234.5 hours". */
export function formatValue(value: number, unit: Unit, lang: Lang, unitJa: AmountUnitJa): string {
  const t = reportT(lang);
  switch (unit) {
    case 'yen':
      return formatYen(value, lang, unitJa);
    case 'people':
      return t('unit.peopleValue', { count: formatCount(value, lang) });
    case 'hours':
      return t('unit.hoursValue', { hours: formatDecimal(value, lang) });
    case 'count':
      return t('unit.countValue', { count: formatCount(value, lang) });
    default:
      return formatDecimal(value, lang);
  }
}

/** The exact amount, for tables an auditor reads. */
export const exactYen = (amountJpy: number, lang: Lang) => formatYenExact(amountJpy, lang);

/** A metric value with the metric's own unit text ("10,000名", "10,000 people"). */
export function withMetricUnit(value: number, unit: string | null, lang: Lang): string {
  const n = formatDecimal(value, lang, 2);
  if (!unit) return n;
  return lang === 'ja' ? `${n}${unit}` : `${n} ${unit}`;
}
