import { formatDay } from '../../../shared/amounts.js';
import { esc, type Lang, reportT } from './format.js';
import { reportCharts } from './charts.js';
import { expensesSection } from './page.expenses.js';
import { goalsSection } from './page.goals.js';
import { createPage, type RenderOptions } from './page.parts.js';
import { disasterSection, programsSection, textSection, volunteeringSection } from './page.sections.js';
import { REPORT_CSS } from './page.style.js';
import type { ReportDocument } from './report.schema.js';

export type { RenderOptions, Viewer } from './page.parts.js';

/**
 * The report page of one fiscal year in one language, as a whole HTML document: the seeds' structure
 * and order (policy, framework, disaster and recovery support, each program's highlights with its
 * figures, employee volunteering, regional initiatives, indicators and goals, expenses with the trend
 * and by-field charts drawn as SVG, the three methods and the restatements). Every text comes from the
 * document's language; a missing translation shows a marker to a reader and nothing to the public.
 * A draft carries a banner; a reader gets drill-down links on each figure.
 */
export async function renderReportHtml(doc: ReportDocument, opts: RenderOptions): Promise<string> {
  const p = createPage(doc, opts, await reportCharts(doc));
  const { t, lang } = p;
  const org = doc.organisation.name.trim() || doc.organisation.code;
  const sections = [
    textSection(p, 'policy'),
    textSection(p, 'framework'),
    disasterSection(p),
    programsSection(p),
    volunteeringSection(p),
    textSection(p, 'regional'),
    goalsSection(p),
    expensesSection(p, org),
  ].filter(Boolean);
  const toc = sections
    .map((s) => /<section id="([^"]+)"[^>]*><h2 id="[^"]+">([^<]*)<\/h2>/.exec(s))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `<li><a href="#${m[1]}">${m[2]}</a></li>`)
    .join('');
  const draft = doc.status === 'draft';
  const title = t('page.documentTitle', { org, year: doc.period.label });
  const style = opts.cssHref
    ? `<link rel="stylesheet" href="${esc(opts.cssHref)}">`
    : `<style>${REPORT_CSS}</style>`;
  const switcher = opts.otherLanguageHref
    ? `<a class="switch" href="${esc(opts.otherLanguageHref)}" hreflang="${lang === 'ja' ? 'en' : 'ja'}">${esc(t('page.otherLanguage'))}</a>`
    : '';
  const footer = [
    doc.publishedAt && !draft ? t('page.publishedAt', { date: formatDay(doc.publishedAt, lang) }) : null,
    doc.closedAt
      ? t('page.closedAt', { date: formatDay(doc.closedAt, lang) })
      : t('page.computedAt', { date: formatDay(doc.computedAt, lang) }),
  ]
    .filter(Boolean)
    .map((line) => `<p>${esc(line as string)}</p>`)
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${draft ? '<meta name="robots" content="noindex">' : ''}
<title>${esc(draft ? `[${t('page.draftMark')}] ${title}` : title)}</title>
${style}
</head>
<body>
${draft ? `<div class="draft" role="note">${esc(t('page.draftBanner'))}</div>` : ''}
<main>
<header class="masthead">
<div><h1>${esc(t('page.title'))}</h1><p class="subtitle">${esc(t('page.subtitle', { org, year: doc.period.label }))}</p></div>
${switcher}
</header>
${toc ? `<nav class="toc" aria-label="${esc(t('page.contents'))}"><ol>${toc}</ol></nav>` : ''}
${sections.join('\n')}
<footer>${footer}</footer>
</main>
</body>
</html>
`;
}

/** A small page for a report that does not exist or is not visible to the caller, in its language. */
export function renderNotFoundHtml(lang: Lang): string {
  const t = reportT(lang);
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(t('page.notFoundTitle'))}</title><style>${REPORT_CSS}</style></head>
<body><main><h1>${esc(t('page.notFoundTitle'))}</h1><p>${esc(t('page.notFoundBody'))}</p></main></body>
</html>
`;
}
