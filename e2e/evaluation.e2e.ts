import { describe, expect, inject, it } from 'vitest';
import { fiscalYearLabel } from '../src/shared/fiscal-year.js';
import { shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { firstCompanyId, num, sessionOf } from './support/giving.js';
import { exact, type Locale, t } from './support/i18n.js';
import type { ApiSession } from './support/session.js';
import { setUserLocale } from './support/session.js';
import { runToken } from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');

type Criterion = { id: string; code: string; nameJa: string | null; nameEn: string | null };
type Review = {
  id: string;
  status: string;
  decision: string | null;
  fiscalYear: number;
  fiscalYearLabel: string;
  scores: unknown[];
};

/** The criteria in use: the demo's five, else three the CSR manager adds for this run. */
async function activeCriteria(csr: ApiSession): Promise<Criterion[]> {
  const list = await csr.call<{ items: Criterion[] }>('GET', '/api/evaluation/criteria?active=true');
  if (list.items.length) return list.items;
  for (const [code, nameJa, nameEn] of [
    ['SOCIAL_IMPACT', '社会的インパクト', 'Social impact'],
    ['EMPLOYEE_ENGAGEMENT', '社員の参画', 'Employee engagement'],
    ['COST_EFFICIENCY', '費用対効果', 'Cost efficiency'],
  ]) {
    await csr.call('POST', '/api/evaluation/criteria', { code, nameJa, nameEn });
  }
  return (await csr.call<{ items: Criterion[] }>('GET', '/api/evaluation/criteria?active=true')).items;
}

/** The fiscal year (start year, April start) that ended last: the one a review looks back on. */
function lastFiscalYear(): number {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' })
    .format(new Date())
    .split('-')
    .map(Number);
  return (m >= 4 ? y : y - 1) - 1;
}

describe('evaluation journey', () => {
  const browser = useBrowser();

  it('a program manager reviews a program against the criteria, sees the evidence and records the decision (ja, PGlite)', async () => {
    const locale: Locale = 'ja';
    const [csr, pm] = await Promise.all(
      (['csr_manager', 'program_manager'] as const).map((r) => sessionOf(pglite, r)),
    );
    await setUserLocale(pm, locale);
    const criteria = await activeCriteria(csr);
    const token = runToken();
    const fy = lastFiscalYear();
    const name = `ふるさと出前授業 ${token.ja}`;
    const program = await pm.call<{ id: string }>('POST', '/api/programs', {
      code: `E2E-REV-${token.en}`,
      nameJa: name,
      nameEn: `Hometown classes ${token.en}`,
      framework: 'company_program',
      companyId: await firstCompanyId(csr),
      startYear: fy - 2,
    });
    // A class in the reviewed year: 35 students and 4 employees, the evidence the review pulls.
    await pm.call('POST', `/api/programs/${program.id}/sessions`, {
      kind: 'class',
      titleJa: `出前授業 ${token.ja}`,
      startsOn: `${fy}-10-15`,
      counts: { students: 35, employees: 4 },
    });

    const page = await browser.page({ baseURL: pglite, locale, storageState: pm.state, bypassCSP: true });
    await visit(page, `/programs/${program.id}`, name);
    await page.getByRole('tab', { name: t(locale, 'evaluation:reviews.tab') }).click();
    await shows(page.getByText(t(locale, 'evaluation:reviews.empty')), 'no review yet');
    await page.getByRole('button', { name: exact(t(locale, 'evaluation:reviews.start')) }).click();

    // The evidence panel shows the year's figures from the program's records.
    const list = await pm.call<{ items: Review[] }>('GET', `/api/programs/${program.id}/reviews`);
    expect(list.items[0]).toMatchObject({ status: 'draft', fiscalYear: fy });
    const org = await pm.call<{
      fiscalYearStartMonth: number;
      fyLabelJa: 'start' | 'end';
      fyLabelEn: 'start' | 'end';
    }>('GET', '/api/organisation');
    const yearLabel = fiscalYearLabel(fy, locale, {
      startMonth: org.fiscalYearStartMonth,
      labelJa: org.fyLabelJa,
      labelEn: org.fyLabelEn,
    });
    const evidence = page.getByRole('region', {
      name: t(locale, 'evaluation:evidence.title', { year: yearLabel }),
    });
    await shows(evidence, 'the evidence panel');
    await shows(evidence.getByText(num(locale, 39), { exact: true }), 'the 39 participants');
    await shows(
      evidence.getByText(t(locale, 'evaluation:evidence.expensesPending')),
      'expenses pending accounting',
    );

    // Finalising before scoring is refused, naming what is missing.
    const finalise = () => page.getByRole('button', { name: exact(t(locale, 'evaluation:form.finalise')) });
    await finalise().first().click();
    await page
      .getByRole('dialog', { name: t(locale, 'evaluation:form.finaliseTitle') })
      .getByRole('button', {
        name: exact(t(locale, 'evaluation:form.finalise')),
      })
      .click();
    await shows(
      page.getByRole('alert').filter({ hasText: t(locale, 'errors:review_incomplete') }),
      'the refusal',
    );

    // Every criterion scored with a comment, a summary, the decision "improve" and actions.
    for (const [i, c] of criteria.entries()) {
      const cname = c.nameJa ?? c.nameEn ?? c.code;
      await page
        .getByRole('radiogroup', { name: t(locale, 'evaluation:form.score', { name: cname }) })
        .getByLabel(String(3 + (i % 2)), { exact: true })
        .check();
      await page
        .getByRole('textbox', { name: t(locale, 'evaluation:form.comment', { name: cname }) })
        .fill(`確認済み ${token.ja}`);
    }
    await page
      .getByRole('textbox', { name: t(locale, 'evaluation:form.summaryJa') })
      .fill('生徒の反応は良好。社員参加を増やしたい。');
    await page
      .getByRole('textbox', { name: t(locale, 'evaluation:form.actionsJa') })
      .fill('参加募集を全社に拡大する。');
    await page.getByRole('combobox', { name: t(locale, 'evaluation:form.decision') }).click();
    await page.getByRole('option', { name: t(locale, 'evaluation:decision.improve') }).click();
    expect(await seriousViolations(page, 'the review form')).toEqual([]);
    await finalise().first().click();
    await page
      .getByRole('dialog', { name: t(locale, 'evaluation:form.finaliseTitle') })
      .getByRole('button', {
        name: exact(t(locale, 'evaluation:form.finalise')),
      })
      .click();

    // The decision is recorded: the review is read-only and the timeline shows it.
    await shows(page.getByText(t(locale, 'evaluation:form.readOnly')), 'the final review');
    const timeline = page.getByRole('region', { name: t(locale, 'evaluation:reviews.timeline') });
    await shows(timeline.getByText(yearLabel, { exact: true }), 'the year on the timeline');
    await shows(
      timeline.getByText(t(locale, 'evaluation:decision.improve'), { exact: true }),
      'the decision on the timeline',
    );
    const after = await pm.call<{ items: (Review & { id: string })[] }>(
      'GET',
      `/api/programs/${program.id}/reviews`,
    );
    expect(after.items[0]).toMatchObject({ status: 'final', decision: 'improve' });
    expect(after.items[0].scores).toHaveLength(criteria.length);
    const detail = await pm.call<{ evidence: { figures: { participantsTotal: number } } }>(
      'GET',
      `/api/reviews/${after.items[0].id}`,
    );
    expect(detail.evidence.figures.participantsTotal).toBe(39);
  });
});
