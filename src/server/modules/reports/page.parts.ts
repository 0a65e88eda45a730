import type { AmountUnitJa } from '../../../shared/amounts.js';
import { esc, type Lang, pick, reportT, type T, textToHtml } from './format.js';
import type { ReportCharts } from './charts.js';
import type { ReportDocument } from './report.schema.js';

/** Who reads the page: the public (published only, no links) or a signed-in reader (drill-down links). */
export type Viewer = 'public' | 'reader';

export type RenderOptions = {
  viewer: Viewer;
  /** Where a figure's drill-down lives (`/reports/2024/records`); links are `?figure=<ref>`. */
  drillBase?: string;
  /** A page meant to be saved (PDF, static bundle): no links back into the app. */
  standalone?: boolean;
  /** Link this style sheet instead of inlining the style (the static bundle's `style.css`). */
  cssHref?: string;
  /** The other language's page, for the switch in the masthead. */
  otherLanguageHref?: string;
};

/** What every part of the page renders with. */
export type Page = {
  doc: ReportDocument;
  lang: Lang;
  unitJa: AmountUnitJa;
  t: T;
  opts: RenderOptions;
  /** The charts, drawn before the page (ECharts loads asynchronously). */
  charts: ReportCharts;
  /** A figure's text, linked to its records for a reader. */
  fig(ref: string | null | undefined, text: string): string;
  /** A user text in the page's language as escaped inline HTML; a reader sees a marker when missing. */
  text(ja: string | null | undefined, en: string | null | undefined): string | null;
  /** The same for a multi-line text, as paragraphs and lists. */
  rich(ja: string | null | undefined, en: string | null | undefined): string | null;
};

export function createPage(doc: ReportDocument, opts: RenderOptions, charts: ReportCharts): Page {
  const lang = doc.lang;
  const t = reportT(lang);
  const drill = opts.viewer === 'reader' && !opts.standalone ? opts.drillBase : undefined;
  const missing = () =>
    opts.viewer === 'reader' ? `<span class="missing">${esc(t('page.missing'))}</span>` : null;
  return {
    doc,
    lang,
    unitJa: doc.amountUnitJa,
    t,
    opts,
    charts,
    fig(ref, text) {
      if (!drill || !ref) return esc(text);
      const href = `${drill}?figure=${encodeURIComponent(ref)}`;
      return `<a class="figure-link" href="${esc(href)}" title="${esc(t('page.drillTitle'))}">${esc(text)}</a>`;
    },
    text(ja, en) {
      const v = pick(lang, ja, en);
      return v === null ? missing() : esc(v);
    },
    rich(ja, en) {
      const v = pick(lang, ja, en);
      return v === null ? missing() : textToHtml(v);
    },
  };
}

/**
 * The organisation's blocks of a section (those not tied to a program), title and body; a title that
 * only repeats the section's heading is not shown twice.
 */
export function blocksHtml(p: Page, section: ReportDocument['blocks'][number]['section']): string {
  const heading = p.t(`section.${section}`, { year: p.doc.period.label }).trim();
  return p.doc.blocks
    .filter((b) => b.section === section && !b.programId)
    .map((b) => blockHtml(b.title?.trim() === heading ? { ...b, title: null } : b))
    .join('\n');
}

export function blockHtml(b: ReportDocument['blocks'][number], fallbackTitle?: string | null): string {
  const title = b.title?.trim() ? esc(b.title) : fallbackTitle;
  const body = b.body?.trim() ? textToHtml(b.body) : '';
  return `<div class="block">${title ? `<h3>${title}</h3>` : ''}${body}</div>`;
}

/** A section with its heading; empty string when it has nothing to show. */
export function sectionHtml(id: string, heading: string, inner: string): string {
  if (!inner.trim()) return '';
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(heading)}</h2>\n${inner}\n</section>`;
}

/** A list of key figures (name and value), each value linked to its records. */
export function figureList(p: Page, items: { name: string; value: string; ref?: string | null }[]): string {
  if (items.length === 0) return '';
  const li = items
    .map(
      (i) =>
        `<li><span class="name">${esc(i.name)}</span><span class="value">${p.fig(i.ref, i.value)}</span></li>`,
    )
    .join('');
  return `<ul class="figures">${li}</ul>`;
}

/** A table: header cells, rows of cells (already HTML); `num` marks right-aligned columns. */
export function tableHtml(
  caption: string | null,
  head: string[],
  rows: string[][],
  opts: { num?: number[]; totalRow?: string[]; after?: string[][] } = {},
): string {
  const num = new Set(opts.num ?? []);
  const cls = (i: number) => (num.has(i) ? ' class="num"' : '');
  const th = head.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('');
  const total = opts.totalRow
    ? `<tr class="total">${opts.totalRow.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`
    : '';
  const after = (opts.after ?? [])
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${th}</tr></thead><tbody>${body}${total}${after}</tbody></table>`;
}
