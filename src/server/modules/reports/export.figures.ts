import { label, pick, reportT } from './format.js';
import type { AmountLine, ReportDocument } from './report.schema.js';
import type { ReportSection } from './reports.table.js';

/**
 * Every figure of a report as flat rows, in the report's language: what the CSV lists one per line and
 * the XLSX one sheet per section. `ref` is the figure's drill-down key (null for a figure without
 * records of its own, such as a goal's target); `unit` is the unit's word in the language.
 */
export type FigureRow = {
  section: ReportSection;
  ref: string | null;
  label: string;
  value: number;
  unit: string;
  /** How a spreadsheet shows the value: whole yen, a whole count, or a number with decimals. */
  kind: 'yen' | 'count' | 'decimal';
};

/** The sections that hold figures, in the report's order. */
export const FIGURE_SECTIONS = ['disaster', 'programs', 'volunteering', 'goals', 'expenses'] as const;

export function figureRows(doc: ReportDocument): FigureRow[] {
  const { lang } = doc;
  const t = reportT(lang);
  const rows: FigureRow[] = [];
  const join = (group: string, item: string) => t('export.item', { group, item });
  const yen = (section: ReportSection, name: string, value: number, ref: string | null) =>
    rows.push({ section, ref, label: name, value, unit: t('unit.yen'), kind: 'yen' });
  const count = (
    section: ReportSection,
    name: string,
    value: number,
    ref: string | null,
    unit = t('unit.people'),
  ) => rows.push({ section, ref, label: name, value, unit, kind: 'count' });
  const lines = (group: string, items: AmountLine[]) => {
    for (const l of items) yen('expenses', join(group, label(lang, l)), l.amountJpy, l.ref);
  };

  for (const d of doc.disaster) {
    const title = pick(lang, d.titleJa, d.titleEn) ?? d.code;
    yen('disaster', join(title, t('disaster.company')), d.companyDonationsJpy, d.ref);
    yen('disaster', join(title, t('disaster.matching')), d.matchingJpy, d.ref);
    yen('disaster', join(title, t('disaster.employees')), d.employeeDonationsJpy, d.ref);
    yen('disaster', join(title, t('disaster.points')), d.pointDonationsJpy, d.ref);
    count('disaster', join(title, t('disaster.donors')), d.donors, d.ref);
  }
  for (const p of doc.programs) {
    const name = pick(lang, p.nameJa, p.nameEn) ?? p.code;
    for (const f of p.figures)
      rows.push({
        section: 'programs',
        ref: f.ref,
        label: join(name, label(lang, f)),
        value: f.value,
        unit: '',
        kind: 'decimal',
      });
  }

  const v = doc.volunteering;
  count('volunteering', t('volunteering.newRegistrants'), v.newRegistrants, v.refs.newRegistrants ?? null);
  if (v.planStart)
    count(
      'volunteering',
      t('volunteering.registrantsSince', { date: v.planStart }),
      v.registrantsSincePlanStart,
      v.refs.registrantsSincePlanStart ?? null,
    );
  count('volunteering', t('volunteering.participants'), v.participants, v.refs.participants ?? null);
  count(
    'volunteering',
    t('volunteering.participantsChange'),
    v.participantsChange,
    v.refs.participantsChange ?? null,
  );
  rows.push({
    section: 'volunteering',
    ref: v.refs.hours ?? null,
    label: t('volunteering.hours'),
    value: v.hours,
    unit: t('unit.hours'),
    kind: 'decimal',
  });
  for (const d of doc.drives) {
    const title = pick(lang, d.titleJa, d.titleEn) ?? d.code;
    yen('volunteering', join(title, t('volunteering.driveTotal')), d.totalJpy, d.ref);
    for (const i of d.items)
      rows.push({
        section: 'volunteering',
        ref: d.ref,
        label: join(title, label(lang, i)),
        value: i.quantity,
        unit: '',
        kind: 'decimal',
      });
  }

  for (const g of [...doc.goals, ...doc.nextYearGoals]) {
    const text = pick(lang, g.textJa, g.textEn);
    if (!text) continue;
    const unit = (g.metric && pick(lang, g.metric.unitJa, g.metric.unitEn)) ?? '';
    if (g.target !== null)
      rows.push({
        section: 'goals',
        ref: null,
        label: join(text, t('export.target')),
        value: g.target,
        unit,
        kind: 'decimal',
      });
    if (g.actual !== null)
      rows.push({
        section: 'goals',
        ref: g.ref,
        label: join(text, t('export.actual')),
        value: g.actual,
        unit,
        kind: 'decimal',
      });
  }

  const e = doc.expenses;
  yen('expenses', t('expenses.totalRow'), e.totalJpy, e.totalRef);
  lines(t('expenses.byType'), e.byType);
  lines(t('expenses.keidanrenByField'), e.byField);
  lines(t('expenses.byCompanyField'), e.byCompanyField);
  for (const y of e.trend) yen('expenses', join(t('expenses.trendTitle'), label(lang, y)), y.totalJpy, y.ref);
  const k = e.keidanren;
  const kName = t('expenses.keidanren');
  yen('expenses', join(kName, t('expenses.totalRow')), k.totalJpy, 'expenses.keidanren.total');
  yen('expenses', join(kName, t('expenses.gifts')), k.giftsJpy, 'expenses.keidanren.gifts');
  yen('expenses', join(kName, t('expenses.ownPrograms')), k.ownProgramsJpy, 'expenses.keidanren.ownPrograms');
  yen(
    'expenses',
    join(kName, t('expenses.disasterRelief')),
    k.disasterReliefJpy,
    'expenses.keidanren.disasterRelief',
  );
  lines(join(kName, t('expenses.keidanrenByField')), k.byField);
  const b = e.b4si;
  const bName = t('expenses.b4si');
  yen('expenses', join(bName, t('expenses.totalRow')), b.totalJpy, 'expenses.b4si.total');
  yen('expenses', join(bName, t('expenses.cash')), b.cashJpy, 'expenses.b4si.cash');
  yen('expenses', join(bName, t('expenses.time')), b.timeJpy, 'expenses.b4si.time');
  yen('expenses', join(bName, t('expenses.inKind')), b.inKindJpy, 'expenses.b4si.inKind');
  yen('expenses', join(bName, t('expenses.management')), b.managementJpy, 'expenses.b4si.management');
  lines(join(bName, t('expenses.byCause')), b.byCause);
  lines(join(bName, t('expenses.byMotivation')), b.byMotivation);
  lines(join(bName, t('expenses.byRegion')), b.byRegion);
  yen(
    'expenses',
    join(bName, t('export.marketValued')),
    b.marketValued.amountJpy,
    'expenses.b4si.marketValued',
  );
  count(
    'expenses',
    join(bName, t('export.marketValuedCount')),
    b.marketValued.count,
    'expenses.b4si.marketValued',
    t('unit.count'),
  );
  const leverage = t('expenses.leverage');
  yen('expenses', join(leverage, t('expenses.employeeDonations')), b.leverage.employeeDonationsJpy, null);
  yen('expenses', join(leverage, t('expenses.pointDonations')), b.leverage.pointDonationsJpy, null);
  rows.push({
    section: 'expenses',
    ref: null,
    label: join(leverage, t('expenses.ownTimeHours')),
    value: b.leverage.ownTimeHours,
    unit: t('unit.hours'),
    kind: 'decimal',
  });
  return rows;
}
