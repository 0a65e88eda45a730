import { describe, expect, inject, it } from 'vitest';
import { shows, visit } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { exact, t } from './support/i18n.js';
import { DEMO_ACCOUNTS, sessionFor, setUserLocale } from './support/session.js';

const baseURL = inject('pgliteBaseUrl');
/** April 2025 to March 2026: the last year of the demo's plan (the seeds' April 2021 to March 2026), still open. */
const FY = 2025;

type Line = {
  id: string;
  kind: 'target' | 'yearly';
  textJa: string | null;
  materiality: boolean;
  metric: { unitJa: string | null; bound: boolean } | null;
  target: number | null;
  actual: number | null;
  status: string;
};
type Overview = {
  goals: Line[];
  progress: { targetId: string; progressJa: string | null; progressEn: string | null }[];
};

describe('indicators and goals', () => {
  const browser = useBrowser();

  it('a CSR manager sees the plan’s computed progress and writes the year’s progress in both languages (ja, PGlite)', async () => {
    const session = await sessionFor(baseURL, DEMO_ACCOUNTS.csr_manager);
    await setUserLocale(session, 'ja');
    const before = await session.call<Overview>('GET', `/api/goals/overview?fiscalYear=${FY}`);
    // The seeds' materiality target (10,000 new registrants by FY2026), bound to a computed figure.
    const plan = before.goals.find((l) => l.kind === 'target' && l.materiality && l.metric?.bound);
    expect(plan, 'the demo’s materiality target bound to a figure').toBeDefined();
    expect(plan!.actual).toBeGreaterThan(0);

    const page = await browser.page({ baseURL, locale: 'ja', storageState: session.state });
    await visit(page, `/goals?fiscalYear=${FY}`, t('ja', 'goals:title'));
    const card = page
      .locator('.mantine-Paper-root')
      .filter({ has: page.getByRole('heading', { level: 4, name: exact(plan!.textJa!) }) });
    await shows(card, 'the plan’s target card');
    await shows(card.getByText(t('ja', 'goals:targets.materialityBadge'), { exact: true }), 'its M badge');
    await shows(card.getByText(t('ja', `goals:status.${plan!.status}`), { exact: true }), 'its status');
    // The figure on the card is the one the API computed: never typed in.
    const number = new Intl.NumberFormat('ja-JP');
    const unit = plan!.metric?.unitJa ?? '';
    const actualText = t('ja', 'goals:targets.actualOfTarget', {
      actual: `${number.format(plan!.actual!)}${unit}`,
      target: number.format(plan!.target!),
      unit,
    });
    await shows(card.getByText(actualText, { exact: true }), `"${actualText}" on the card`);

    // The year's progress, written in Japanese and English.
    const stamp = Date.now().toString(36);
    const progressJa = `登録者は計画どおり増えている（${stamp}）`;
    const progressEn = `Registrations grew as planned (${stamp})`;
    await card.getByRole('button', { name: t('ja', 'goals:progress.edit') }).click();
    const dialog = page.getByRole('dialog', { name: t('ja', 'goals:progress.title') });
    await shows(dialog, 'the progress form');
    const field = (k: string, lang: 'ja' | 'en') =>
      dialog.getByRole('textbox', {
        name: `${t('ja', `goals:progress.${k}`)} (${t('ja', `goals:progress.${lang}`)})`,
      });
    await field('progress', 'ja').fill(progressJa);
    await field('progress', 'en').fill(progressEn);
    await dialog.getByRole('button', { name: t('ja', 'common.save') }).click();
    await shows(page.getByText(t('ja', 'goals:progress.saved')), 'the saved message');
    await shows(card.getByText(progressJa, { exact: true }), 'the Japanese progress on the card');
    expect(await card.getByText(progressEn).count(), 'the English text on a Japanese page').toBe(0);

    const after = await session.call<Overview>('GET', `/api/goals/overview?fiscalYear=${FY}`);
    expect(after.progress.find((p) => p.targetId === plan!.id)).toMatchObject({ progressJa, progressEn });
    // Writing texts moves no figure.
    expect(after.goals.find((l) => l.id === plan!.id)?.actual).toBe(plan!.actual);
  });
});
