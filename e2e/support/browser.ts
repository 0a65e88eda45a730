import { createRequire } from 'node:module';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/lib/chromium.mjs';
import type { Locale } from './i18n.js';

export type PageOptions = {
  baseURL: string;
  /** The browser's own language (what the app shows before sign-in). */
  locale?: Locale;
  storageState?: BrowserContextOptions['storageState'];
  /** Lets a test inject scripts (axe-core) past the app's Content-Security-Policy. */
  bypassCSP?: boolean;
  /** The window's size (a desktop's unless given; e.g. a phone's for the check-in page). */
  viewport?: { width: number; height: number };
};

/**
 * One Chromium per spec file, and a fresh context (cookies, storage) per test: call in a describe
 * block's body, then `await browser.page({ baseURL, locale })` inside a test.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async context(options: PageOptions): Promise<BrowserContext> {
      if (!browser) throw new Error('useBrowser(): the browser is not running (call it in a describe body)');
      const locale = options.locale ?? 'ja';
      const context = await browser.newContext({
        baseURL: options.baseURL,
        locale: locale === 'ja' ? 'ja-JP' : 'en-US',
        timezoneId: 'Asia/Tokyo',
        storageState: options.storageState,
        bypassCSP: options.bypassCSP,
        viewport: options.viewport ?? { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context;
    },
    async page(options: PageOptions): Promise<Page> {
      const context = await this.context(options);
      return context.newPage();
    },
  };
}

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
