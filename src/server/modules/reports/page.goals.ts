import { formatPeriod } from '../../../shared/amounts.js';
import { esc, pick, shiftYearLabel, withMetricUnit } from './format.js';
import { blocksHtml, type Page, sectionHtml } from './page.parts.js';
import type { GoalLine } from './report.schema.js';

/** One target or yearly goal: its M mark, text, status, and the target and actual values. */
function goalHtml(p: Page, g: GoalLine): string {
  const { lang, t } = p;
  const text = p.text(g.textJa, g.textEn);
  if (text === null) return '';
  const unit = g.metric ? pick(lang, g.metric.unitJa, g.metric.unitEn) : null;
  const value = (n: number) => withMetricUnit(n, unit, lang);
  const meta: string[] = [];
  if (g.target !== null) meta.push(esc(t('goals.target', { value: value(g.target) })));
  if (g.actual !== null) meta.push(p.fig(g.ref, t('goals.actual', { value: value(g.actual) })));
  if (g.previous !== null) meta.push(esc(t('goals.previous', { value: value(g.previous) })));
  const mark = g.materiality
    ? `<span class="mark" title="${esc(t('goals.materialityLegend'))}">${esc(t('goals.materialityMark'))}</span>`
    : '';
  const status =
    g.status === 'reported'
      ? ''
      : `<span class="status status-${g.status}">${esc(t(`goals.status.${g.status}`))}</span>`;
  const period =
    g.kind === 'target' && g.periodStart && g.periodEnd && !sharedPeriod(p)
      ? `<div class="meta">${esc(t('goals.period', { period: formatPeriod(g.periodStart, g.periodEnd, lang) }))}</div>`
      : '';
  return `<div class="goal">${mark}<span class="text">${text}</span>${status}${period}${
    meta.length ? `<div class="meta">${meta.join('　')}</div>` : ''
  }</div>`;
}

/** The period every target shares, or null when they differ. */
function sharedPeriod(p: Page): { start: string; end: string } | null {
  const periods = new Set(
    p.doc.goals.filter((g) => g.kind === 'target').map((g) => `${g.periodStart}|${g.periodEnd}`),
  );
  if (periods.size !== 1) return null;
  const [start, end] = [...periods][0].split('|');
  return start !== 'null' && end !== 'null' ? { start, end } : null;
}

/** Yearly goals grouped under the target they serve (goals without a target come first). */
function goalsByTarget(p: Page, goals: GoalLine[]): string {
  const targets = p.doc.goals.filter((g) => g.kind === 'target');
  const loose = goals.filter((g) => !g.targetId || !targets.some((x) => x.id === g.targetId));
  const parts = [loose.map((g) => goalHtml(p, g)).join('')];
  for (const target of targets) {
    const mine = goals.filter((g) => g.targetId === target.id);
    if (mine.length === 0) continue;
    const heading = p.text(target.textJa, target.textEn);
    parts.push(`${heading ? `<h4>${heading}</h4>` : ''}${mine.map((g) => goalHtml(p, g)).join('')}`);
  }
  return parts.join('');
}

/** Progress, achievements and issues of each target, in the page's language. */
function progressHtml(p: Page): string {
  const { doc, t } = p;
  return doc.goals
    .filter((g) => g.kind === 'target')
    .map((target) => {
      const pr = doc.progress.find((x) => x.targetId === target.id);
      if (!pr) return '';
      const parts = (
        [
          ['progress', pr.progressJa, pr.progressEn],
          ['achievements', pr.achievementsJa, pr.achievementsEn],
          ['issues', pr.issuesJa, pr.issuesEn],
        ] as const
      )
        .filter(([, ja, en]) => ja?.trim() || en?.trim())
        .map(([key, ja, en]) => {
          const body = p.rich(ja, en);
          return body === null
            ? ''
            : `<div class="block"><strong>${esc(t(`goals.${key}`))}</strong>${body}</div>`;
        })
        .join('');
      if (!parts) return '';
      const heading = p.text(target.textJa, target.textEn);
      return `${heading ? `<h4>${heading}</h4>` : ''}${parts}`;
    })
    .join('');
}

/**
 * Indicators and goals as the seeds show them: the medium- to long-term targets (M for materiality)
 * with their period, this year's goals, progress, achievements and issues, and next year's goals.
 */
export function goalsSection(p: Page): string {
  const { doc, lang, t } = p;
  const targets = doc.goals.filter((g) => g.kind === 'target');
  const yearly = doc.goals.filter((g) => g.kind === 'yearly');
  const parts: string[] = [blocksHtml(p, 'goals')];
  if (targets.length) {
    const period = sharedPeriod(p);
    parts.push(
      `<h3>${esc(t('goals.targets'))}</h3>`,
      period
        ? `<p>${esc(t('goals.period', { period: formatPeriod(period.start, period.end, lang) }))}</p>`
        : '',
      targets.some((g) => g.materiality) ? `<p class="note">${esc(t('goals.materialityLegend'))}</p>` : '',
      targets.map((g) => goalHtml(p, g)).join(''),
    );
  }
  if (yearly.length)
    parts.push(`<h3>${esc(t('goals.yearGoals', { year: doc.period.label }))}</h3>`, goalsByTarget(p, yearly));
  const progress = progressHtml(p);
  if (progress) parts.push(`<h3>${esc(t('goals.progressTitle'))}</h3>`, progress);
  if (doc.nextYearGoals.length)
    parts.push(
      `<h3>${esc(t('goals.nextYearGoals', { year: shiftYearLabel(doc.period.label, 1) }))}</h3>`,
      goalsByTarget(p, doc.nextYearGoals),
    );
  return sectionHtml('goals', t('section.goals'), parts.join('\n'));
}
