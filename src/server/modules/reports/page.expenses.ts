import {
  formatDay,
  formatDecimal,
  formatPercent,
  formatYen,
  formatYenShort,
} from '../../../shared/amounts.js';
import { esc, exactYen, label } from './format.js';
import { blocksHtml, type Page, sectionHtml, tableHtml } from './page.parts.js';
import type { AmountLine } from './report.schema.js';

/** “A” and “B” / 「A」「B」: the two leading fields, quoted the language's way. */
function leadingFields(p: Page): string {
  const names = p.doc.expenses.byField
    .filter((f) => f.amountJpy > 0)
    .slice(0, 2)
    .map((f) => p.t('expenses.fieldQuote', { field: label(p.lang, f) }));
  if (p.lang === 'ja') return names.join('');
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A breakdown as a table of amount and share, with a total row; each amount linked to its records. */
function breakdownTable(
  p: Page,
  caption: string | null,
  lines: AmountLine[],
  total: number,
  totalRef?: string,
) {
  const { lang, t } = p;
  const rows = lines.map((l) => [
    esc(label(lang, l)),
    p.fig(l.ref, exactYen(l.amountJpy, lang)),
    formatPercent(total ? l.amountJpy / total : 0, lang, 1),
  ]);
  return tableHtml(caption, [t('expenses.item'), t('expenses.amount'), t('expenses.share')], rows, {
    num: [1, 2],
    totalRow: [
      esc(t('expenses.totalRow')),
      p.fig(totalRef, exactYen(total, lang)),
      formatPercent(total ? 1 : 0, lang, 1),
    ],
  });
}

type Row = [string, number, string?];

/** Named amounts (a method's table): its lines, the total, then lines that are part of it ("of which"). */
function amountsTable(p: Page, caption: string, rows: Row[], total: Row, after: Row[] = []) {
  const cells = ([name, amount, ref]: Row) => [esc(name), p.fig(ref, exactYen(amount, p.lang))];
  return tableHtml(caption, [p.t('expenses.item'), p.t('expenses.amount')], rows.map(cells), {
    num: [1],
    totalRow: cells(total),
    after: after.map(cells),
  });
}

/** The three methods side by side: the company's, Keidanren's and B4SI's (with leverage beside it). */
function methodsHtml(p: Page): string {
  const { doc, lang, t } = p;
  const e = doc.expenses;
  const company = amountsTable(
    p,
    t('expenses.company'),
    e.byType.map((l): Row => [label(lang, l), l.amountJpy, l.ref]),
    [t('expenses.totalRow'), e.totalJpy, e.totalRef],
  );
  const k = e.keidanren;
  const keidanren = amountsTable(
    p,
    t('expenses.keidanren'),
    [
      [t('expenses.gifts'), k.giftsJpy, 'expenses.keidanren.gifts'],
      [t('expenses.ownPrograms'), k.ownProgramsJpy, 'expenses.keidanren.ownPrograms'],
    ],
    [t('expenses.totalRow'), k.totalJpy, 'expenses.keidanren.total'],
    [[t('expenses.disasterRelief'), k.disasterReliefJpy, 'expenses.keidanren.disasterRelief']],
  );
  const b = e.b4si;
  const b4si = amountsTable(
    p,
    t('expenses.b4si'),
    [
      [t('expenses.cash'), b.cashJpy, 'expenses.b4si.cash'],
      [t('expenses.time'), b.timeJpy, 'expenses.b4si.time'],
      [t('expenses.inKind'), b.inKindJpy, 'expenses.b4si.inKind'],
      [t('expenses.management'), b.managementJpy, 'expenses.b4si.management'],
    ],
    [t('expenses.totalRow'), b.totalJpy, 'expenses.b4si.total'],
  );
  const leverage = tableHtml(
    t('expenses.leverage'),
    [t('expenses.item'), t('expenses.amount')],
    [
      [esc(t('expenses.employeeDonations')), exactYen(b.leverage.employeeDonationsJpy, lang)],
      [esc(t('expenses.pointDonations')), exactYen(b.leverage.pointDonationsJpy, lang)],
      [
        esc(t('expenses.ownTimeHours')),
        esc(t('unit.hoursValue', { hours: formatDecimal(b.leverage.ownTimeHours, lang) })),
      ],
    ],
    { num: [1] },
  );
  const marketValued =
    b.marketValued.count > 0
      ? `<p class="note">${p.fig('expenses.b4si.marketValued', t('expenses.marketValued', { count: b.marketValued.count, amount: formatYenShort(b.marketValued.amountJpy, lang) }))}</p>`
      : '';
  const keidanrenByField = k.byField.length
    ? breakdownTable(
        p,
        `${t('expenses.keidanren')}: ${t('expenses.keidanrenByField')}`,
        k.byField,
        k.totalJpy,
        'expenses.keidanren.total',
      )
    : '';
  const b4siBreakdowns = (
    [
      ['byCause', b.byCause],
      ['byMotivation', b.byMotivation],
      ['byRegion', b.byRegion],
    ] as const
  )
    .filter(([, lines]) => lines.length > 0)
    .map(([key, lines]) =>
      breakdownTable(
        p,
        `${t('expenses.b4si')}: ${t(`expenses.${key}`)}`,
        lines,
        b.totalJpy,
        'expenses.b4si.total',
      ),
    )
    .join('');
  return `<h3>${esc(t('expenses.methods'))}</h3><div class="tables">${company}${keidanren}</div><div class="tables">${b4si}${leverage}</div>${marketValued}${keidanrenByField}${b4siBreakdowns}`;
}

/** Restatement notes: when, why, and the total before and after. */
function restatementsHtml(p: Page): string {
  const { doc, lang, t } = p;
  const items = doc.restatements.flatMap((r) => {
    const reason = p.text(r.reasonJa, r.reasonEn);
    if (reason === null) return [];
    const line = t('expenses.restatement', {
      date: formatDay(r.createdAt, lang),
      reason: '\u0000',
      before: exactYen(r.totalJpyBefore, lang),
      after: exactYen(r.totalJpyAfter, lang),
    });
    return [`<li>${esc(line).replace('\u0000', reason)}</li>`];
  });
  if (items.length === 0) return '';
  return `<h3>${esc(t('expenses.restatements'))}</h3><ul class="restatement">${items.join('')}</ul>`;
}

/**
 * The expenses as the seeds show them: the total sentence, what the total includes, the multi-year
 * trend (chart and table), the breakdown by field (chart and table), then the three methods' tables
 * and the restatement notes.
 */
export function expensesSection(p: Page, org: string): string {
  const { doc, lang, t, unitJa } = p;
  const e = doc.expenses;
  if (e.totalJpy === 0 && e.trend.every((y) => y.totalJpy === 0))
    return sectionHtml(
      'expenses',
      t('section.expenses'),
      `${blocksHtml(p, 'expenses')}<p>${esc(t('expenses.none'))}</p>`,
    );
  const total = t('expenses.total', { year: doc.period.label, org, amount: '\u0000' });
  const fields = leadingFields(p);
  const intro = [
    `<p class="lead">${esc(total).replace('\u0000', p.fig(e.totalRef, formatYen(e.totalJpy, lang, unitJa)))}</p>`,
    fields ? `<p>${esc(t('expenses.leadingFields', { fields }))}</p>` : '',
    `<p>${esc(t('expenses.includes'))}</p><ol><li>${esc(t('expenses.includesCash'))}</li><li>${esc(t('expenses.includesProducts'))}</li><li>${esc(t('expenses.includesFacilities'))}</li></ol>`,
  ].join('');
  const trendTable = tableHtml(
    null,
    e.trend.map((y) => label(lang, y)),
    [e.trend.map((y) => p.fig(y.ref, formatYen(y.totalJpy, lang, unitJa)))],
    { num: e.trend.map((_, i) => i) },
  );
  const trend = `<h3>${esc(t('expenses.trendTitle'))}</h3><figure class="chart">${p.charts.trend}</figure>${trendTable}`;
  const breakdown = e.byField.length
    ? `<h3>${esc(t('expenses.breakdownTitle', { year: doc.period.label }))}</h3><figure class="chart">${p.charts.field}</figure>${breakdownTable(p, null, e.byField, e.totalJpy, e.totalRef)}<p class="note">${esc(t('expenses.fieldsNote'))}</p>`
    : '';
  const byType = breakdownTable(p, t('expenses.byType'), e.byType, e.totalJpy, e.totalRef);
  const byCompanyField = e.byCompanyField.length
    ? breakdownTable(p, t('expenses.byCompanyField'), e.byCompanyField, e.totalJpy, e.totalRef)
    : '';
  return sectionHtml(
    'expenses',
    t('section.expenses'),
    [
      intro,
      blocksHtml(p, 'expenses'),
      trend,
      breakdown,
      byType,
      byCompanyField,
      methodsHtml(p),
      restatementsHtml(p),
    ].join('\n'),
  );
}
