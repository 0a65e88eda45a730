import {
  formatChange,
  formatCount,
  formatDay,
  formatDecimal,
  formatYenShort,
} from '../../../shared/amounts.js';
import { esc, formatValue, label } from './format.js';
import { blockHtml, blocksHtml, figureList, type Page, sectionHtml, tableHtml } from './page.parts.js';

/** The texts-only sections: policy, framework and regional initiatives, in the organisation's words. */
export function textSection(p: Page, section: 'policy' | 'framework' | 'regional'): string {
  return sectionHtml(section, p.t(`section.${section}`), blocksHtml(p, section));
}

/** Disaster and recovery support: the organisation's text, then each campaign's donations. */
export function disasterSection(p: Page): string {
  const { lang } = p;
  const yen = (n: number) => formatYenShort(n, lang);
  const rows = p.doc.disaster.flatMap((d) => {
    const title = p.text(d.titleJa, d.titleEn);
    if (title === null) return [];
    return [
      [
        title,
        p.fig(d.ref, yen(d.companyDonationsJpy)),
        p.fig(d.ref, yen(d.matchingJpy)),
        p.fig(d.ref, yen(d.employeeDonationsJpy)),
        p.fig(d.ref, yen(d.pointDonationsJpy)),
        p.fig(d.ref, formatCount(d.donors, lang)),
      ],
    ];
  });
  const t = p.t;
  const table = rows.length
    ? tableHtml(
        null,
        [
          t('disaster.campaign'),
          t('disaster.company'),
          t('disaster.matching'),
          t('disaster.employees'),
          t('disaster.points'),
          t('disaster.donors'),
        ],
        rows,
        { num: [1, 2, 3, 4, 5] },
      )
    : '';
  return sectionHtml('disaster', t('section.disaster'), blocksHtml(p, 'disaster') + table);
}

/**
 * Each program's highlight (the organisation's block tied to the program) with the program's figures
 * of the year pulled from its records; programs with figures but no highlight follow in one table.
 */
export function programsSection(p: Page): string {
  const { doc, lang } = p;
  const highlighted = new Set<string>();
  const parts: string[] = [];
  for (const b of doc.blocks.filter((x) => x.section === 'programs')) {
    const program = b.programId ? doc.programs.find((x) => x.id === b.programId) : undefined;
    if (b.programId) highlighted.add(b.programId);
    const name = program ? p.text(program.nameJa, program.nameEn) : null;
    const figures = program
      ? figureList(
          p,
          program.figures.map((f) => ({
            name: label(lang, f),
            value: formatDecimal(f.value, lang),
            ref: f.ref,
          })),
        )
      : '';
    const block = blockHtml(b, name);
    parts.push(block.replace(/<\/div>$/, `${figures}</div>`));
  }
  const others = doc.programs.filter((x) => !highlighted.has(x.id) && x.figures.length > 0);
  if (others.length) {
    const rows = others.flatMap((program) => {
      const name = p.text(program.nameJa, program.nameEn);
      if (name === null) return [];
      return program.figures.map((f) => [
        name,
        esc(label(lang, f)),
        p.fig(f.ref, formatDecimal(f.value, lang)),
      ]);
    });
    if (rows.length)
      parts.push(
        `<h3>${esc(p.t('programs.others'))}</h3>${tableHtml(null, [p.t('programs.program'), p.t('expenses.item'), p.t('programs.figures')], rows, { num: [2] })}`,
      );
  }
  return sectionHtml('programs', p.t('section.programs', { year: doc.period.label }), parts.join('\n'));
}

/** Employee volunteering: the Volunteer Support Service's figures, the texts and the collection drives. */
export function volunteeringSection(p: Page): string {
  const { doc, lang, unitJa, t } = p;
  const v = doc.volunteering;
  const items = [
    {
      name: t('volunteering.newRegistrants'),
      value: formatValue(v.newRegistrants, 'people', lang, unitJa),
      ref: v.refs.newRegistrants,
    },
    ...(v.planStart
      ? [
          {
            name: t('volunteering.registrantsSince', { date: formatDay(v.planStart, lang) }),
            value: formatValue(v.registrantsSincePlanStart, 'people', lang, unitJa),
            ref: v.refs.registrantsSincePlanStart,
          },
        ]
      : []),
    {
      name: t('volunteering.participants'),
      value: formatValue(v.participants, 'people', lang, unitJa),
      ref: v.refs.participants,
    },
    {
      name: t('volunteering.participantsChange'),
      value: t('unit.peopleValue', { count: formatChange(v.participantsChange, lang) }),
      ref: v.refs.participantsChange ?? v.refs.participants,
    },
    { name: t('volunteering.hours'), value: formatValue(v.hours, 'hours', lang, unitJa), ref: v.refs.hours },
  ];
  const figures = `<h3>${esc(t('volunteering.figures'))}</h3>${figureList(p, items)}`;
  const driveRows = doc.drives.flatMap((d) => {
    const title = p.text(d.titleJa, d.titleEn);
    if (title === null) return [];
    const collected = d.items
      .map((i) => `${esc(label(lang, i))} ${formatDecimal(i.quantity, lang)}`)
      .join('<br>');
    return [[title, collected, p.fig(d.ref, formatYenShort(d.totalJpy, lang))]];
  });
  const drives = driveRows.length
    ? `<h3>${esc(t('volunteering.drives'))}</h3>${tableHtml(null, [t('volunteering.drive'), t('volunteering.items'), t('volunteering.driveTotal')], driveRows, { num: [2] })}`
    : '';
  return sectionHtml(
    'volunteering',
    t('section.volunteering'),
    blocksHtml(p, 'volunteering') + figures + drives,
  );
}
