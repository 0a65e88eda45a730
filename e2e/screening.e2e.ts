import { describe, expect, inject, it } from 'vitest';
import { eventually, heading, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { RECEIPT_PNG, sessionOf } from './support/giving.js';
import { exact, type Locale, t } from './support/i18n.js';
import type { ApiSession } from './support/session.js';
import { setUserLocale } from './support/session.js';
import { runToken } from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');

type Guideline = { id: string; status: string; criteria: { id: string; code: string; required: boolean }[] };
type Partner = {
  id: string;
  code: string;
  nameJa: string | null;
  eligible: boolean;
  eligibleUntil: string | null;
};

/** The active selection guidelines: the demo's, else a small version published for this run. */
async function activeGuideline(csr: ApiSession): Promise<Guideline> {
  const list = await csr.call<{ items: { id: string }[] }>('GET', '/api/screening/guidelines?status=active');
  if (list.items[0]) return csr.call<Guideline>('GET', `/api/screening/guidelines/${list.items[0].id}`);
  const drafts = await csr.call<{ items: { id: string }[] }>('GET', '/api/screening/guidelines?status=draft');
  const draft =
    drafts.items[0] ??
    (await csr.call<{ id: string }>('POST', '/api/screening/guidelines', {
      titleJa: '支援先選定ガイドライン',
      titleEn: 'Partner selection guidelines',
    }));
  await csr.call('PUT', `/api/screening/guidelines/${draft.id}/criteria`, {
    items: [
      {
        code: 'LEGAL_ENTITY',
        textJa: '法人格を有する',
        textEn: 'Is a legal entity',
        evidenceJa: '定款',
        required: true,
      },
      {
        code: 'ANTI_SOCIAL',
        textJa: '反社会的勢力でない',
        textEn: 'No ties with anti-social forces',
        required: true,
      },
      { code: 'FIELDS', textJa: '重点分野と合致する', textEn: 'Works in our fields', required: false },
    ],
  });
  return csr.call<Guideline>('POST', `/api/screening/guidelines/${draft.id}/publish`);
}

describe('screening journey', () => {
  const browser = useBrowser();

  it('a program manager screens a new NPO against the guidelines and it becomes eligible (ja, PGlite)', async () => {
    const locale: Locale = 'ja';
    const [csr, pm, employee] = await Promise.all(
      (['csr_manager', 'program_manager', 'employee'] as const).map((r) => sessionOf(pglite, r)),
    );
    await setUserLocale(pm, locale);
    const guideline = await activeGuideline(csr);
    const token = runToken();
    const name = `NPO法人あおぞら子ども食堂 ${token.ja}`;
    const partner = await pm.call<Partner>('POST', '/api/partners', {
      code: `E2E-SCR-${token.en}`,
      nameJa: name,
      nameEn: `Aozora Children's Cafeteria ${token.en}`,
      kind: 'npo',
    });
    expect(partner.eligible).toBe(false);

    const page = await browser.page({ baseURL: pglite, locale, storageState: pm.state, bypassCSP: true });
    await visit(page, `/partners/${partner.id}/screening`, t(locale, 'screening:page.title', { name }));
    await shows(page.getByText(t(locale, 'screening:page.notEligible'), { exact: true }), 'not eligible yet');
    await page.getByRole('button', { name: exact(t(locale, 'screening:partner.start')) }).click();
    await shows(
      page.getByRole('button', { name: exact(t(locale, 'screening:decide.pass')) }),
      'the decision',
    );
    expect(await seriousViolations(page, 'ja screening in progress')).toEqual([]);

    // Passing too early names what is missing.
    await page.getByRole('button', { name: exact(t(locale, 'screening:decide.pass')) }).click();
    await shows(
      page.getByRole('alert').filter({ hasText: t(locale, 'errors:screening_incomplete') }),
      'the refusal',
    );

    // Every criterion answered yes with evidence: a note for all, and a file for the first one.
    for (const [i, c] of guideline.criteria.entries()) {
      const n = i + 1;
      const section = page.getByRole('region', { name: new RegExp(`^${n}\\. `) });
      await section
        .getByRole('radiogroup', { name: t(locale, 'screening:answer.label', { n }) })
        .getByText(t(locale, 'screening:answerValue.yes'), { exact: true })
        .click();
      await section
        .getByRole('textbox', { name: t(locale, 'screening:answer.evidence') })
        .fill(`${c.code}: 2025年度の資料で確認 (${token.ja})`);
      if (i === 0) {
        await section.locator('input[type=file]').setInputFiles({
          name: 'teikan.png',
          mimeType: 'image/png',
          buffer: RECEIPT_PNG,
        });
        await shows(section.getByRole('link', { name: 'teikan.png' }), 'the attached evidence');
      }
      await section.getByRole('button', { name: exact(t(locale, 'screening:answer.save', { n })) }).click();
      await shows(
        section.getByText(t(locale, 'screening:answer.met'), { exact: true }),
        `criterion ${n} met`,
      );
    }
    await page
      .getByRole('textbox', { name: t(locale, 'screening:decide.notes') })
      .fill('全項目を確認、問題なし');
    await page.getByRole('button', { name: exact(t(locale, 'screening:decide.pass')) }).click();
    await shows(page.getByText(t(locale, 'screening:decide.done.passed')), 'the confirmation');
    await shows(page.getByText(t(locale, 'screening:status.passed'), { exact: true }), 'the passed badge');
    expect(await seriousViolations(page, 'ja screening passed')).toEqual([]);

    // Eligible now, everywhere eligibility is read: the page and the donors' list of recipients.
    await page.reload();
    await shows(heading(page, t(locale, 'screening:page.title', { name })), 'the page again');
    await shows(page.getByText(t(locale, 'screening:page.eligible'), { exact: true }), 'eligible');
    await eventually(async () => {
      const eligible = await employee.call<{ items: { id: string }[] }>(
        'GET',
        `/api/partners/eligible?q=${encodeURIComponent(token.en)}`,
      );
      expect(eligible.items.map((p) => p.id)).toContain(partner.id);
    });
    const after = await pm.call<Partner>('GET', `/api/partners/${partner.id}`);
    expect(after).toMatchObject({ eligible: true });
    expect(after.eligibleUntil).not.toBeNull();
  });

  it('a CSR manager publishes a new version of the guidelines and sees the re-screenings due at home (en, PGlite)', async () => {
    const locale: Locale = 'en';
    const csr = await sessionOf(pglite, 'csr_manager');
    await setUserLocale(csr, locale);
    const before = await activeGuideline(csr);
    const token = runToken();
    const page = await browser.page({ baseURL: pglite, locale, storageState: csr.state, bypassCSP: true });

    await page.goto('/');
    const card = page.getByRole('region', { name: t(locale, 'screening:due.title') });
    await shows(card, 'the re-screenings card');
    expect(await seriousViolations(page, 'en home with the screening card')).toEqual([]);

    await visit(page, '/partners/guidelines', t(locale, 'screening:guidelines.title'));
    expect(await seriousViolations(page, 'en guidelines')).toEqual([]);
    await page.getByRole('button', { name: exact(t(locale, 'screening:guidelines.newVersion')) }).click();
    await shows(
      page.getByRole('button', { name: exact(t(locale, 'screening:criteria.save')) }),
      'the draft editor',
    );
    const n = before.criteria.length + 1;
    await page.getByRole('button', { name: exact(t(locale, 'screening:criteria.add')) }).click();
    const added = page.getByRole('group', { name: t(locale, 'screening:criteria.number', { n }) });
    await added.getByRole('textbox', { name: t(locale, 'screening:criteria.code') }).fill(`SDG-${token.en}`);
    await added
      .getByRole('textbox', { name: t(locale, 'screening:criteria.textEn') })
      .fill(`Reports its contribution to the SDGs (${token.en})`);
    await page.getByRole('button', { name: exact(t(locale, 'screening:criteria.save')) }).click();
    await shows(page.getByText(t(locale, 'screening:criteria.saved')), 'the checklist saved');
    expect(await seriousViolations(page, 'en guideline draft editor')).toEqual([]);

    await page.getByRole('button', { name: exact(t(locale, 'screening:guidelines.publish')) }).click();
    const dialog = page.getByRole('dialog', { name: t(locale, 'screening:guidelines.publish') });
    await dialog.getByRole('button', { name: exact(t(locale, 'screening:guidelines.publish')) }).click();
    await shows(page.getByText(t(locale, 'screening:guidelines.published')), 'published');
    await eventually(async () => {
      const now = await activeGuideline(csr);
      expect(now.id).not.toBe(before.id);
      expect(now.criteria.map((c) => c.code)).toContain(`SDG-${token.en}`);
    });
  });
});
