import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { escapeRegExp, exact, type Locale, t } from './i18n.js';

/** Waits until a locator is visible, with a message naming what was expected. */
export async function shows(locator: Locator, what: string, timeout = 15_000): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    const page = locator.page();
    const seen = await page
      .locator('body')
      .ariaSnapshot({ timeout: 2_000 })
      .catch((e: Error) => `(no snapshot: ${e.message})`);
    throw new Error(`expected to see ${what} on ${page.url()}; the page shows:\n${seen.slice(0, 3000)}`);
  }
  return locator;
}

/** Retries an assertion until it passes or the time is up (Playwright's expect, for plain vitest). */
export async function eventually<T>(check: () => Promise<T> | T, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** The page's one h1. */
export const heading = (page: Page, text: string) =>
  page.getByRole('heading', { level: 1, name: exact(text) });

/** The app's main navigation landmark. */
export const mainNav = (page: Page, locale: Locale) =>
  page.getByRole('navigation', { name: t(locale, 'nav.label') });

/** The link texts in the main navigation, in order. */
export async function navLinks(page: Page, locale: Locale): Promise<string[]> {
  const nav = mainNav(page, locale);
  await shows(nav.getByRole('link', { name: t(locale, 'nav.home') }), 'the main navigation');
  return (await nav.getByRole('link').allInnerTexts()).map((s) => s.trim());
}

/** Picks a language with the switch (a radio group labelled "Language" / "言語"). */
export async function chooseLanguage(page: Page, current: Locale, target: Locale): Promise<void> {
  const group = page.getByRole('radiogroup', { name: t(current, 'language.label') });
  await group.getByText(t(target, `language.${target}`), { exact: true }).click();
  await eventually(async () => {
    if ((await page.locator('html').getAttribute('lang')) !== target)
      throw new Error(`lang is not ${target}`);
  });
}

/** Fills and sends the sign-in form in the page's current language. */
export async function submitSignIn(page: Page, locale: Locale, email: string, password: string) {
  await page.getByRole('textbox', { name: t(locale, 'signIn.email') }).fill(email);
  await page.getByRole('textbox', { name: t(locale, 'signIn.password'), exact: true }).fill(password);
  await page.getByRole('button', { name: exact(t(locale, 'signIn.submit')) }).click();
}

/** Opens the sign-in page and waits for it in the expected language. */
export async function openSignIn(page: Page, locale: Locale): Promise<void> {
  await page.goto('/sign-in');
  await shows(heading(page, t(locale, 'signIn.title')), `the sign-in page in ${locale}`);
}

/** Signs in through the page and waits for the app shell in `locale`. */
export async function signInThroughPage(page: Page, locale: Locale, email: string): Promise<void> {
  await openSignIn(page, locale);
  await submitSignIn(page, locale, email, inject('demoPassword'));
  await shows(mainNav(page, locale), `the app shell in ${locale}`);
}

/** Signs out with the account menu (the button with the user's name, titled "Account menu of …"). */
export async function signOut(page: Page, locale: Locale): Promise<void> {
  const menuTitle = new RegExp(escapeRegExp(t(locale, 'userMenu.open', { name: '' }).trim()));
  await page.getByRole('banner').getByTitle(menuTitle).click();
  await page.getByRole('menuitem', { name: t(locale, 'userMenu.signOut') }).click();
  await shows(heading(page, t(locale, 'signIn.title')), 'the sign-in page after signing out');
}

/**
 * Waits until the page's data is in: the app shell's main area is not aria-busy (no query or change
 * under way), then one frame for it to be drawn. Outside the shell (sign-in, public pages) it returns
 * at once. Faster than waiting for the network to be idle, which always costs half a second.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') !== 'true');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
}

/** Goes to an app path and waits for its h1, then for its data (settled). */
export async function visit(page: Page, path: string, title: string): Promise<void> {
  await page.goto(path);
  await shows(heading(page, title), `the page "${title}" at ${path}`);
  await settled(page);
}
