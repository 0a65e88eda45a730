import type { Page } from 'playwright-core';
import { AXE_PATH } from './browser.js';

type AxeNode = { target: unknown[]; html: string; failureSummary?: string };
type AxeViolation = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] };

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is, and returns the
 * serious and critical violations formatted for a failure message (empty when there are none).
 * The page's context needs bypassCSP, since the app's policy forbids injected scripts.
 */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations),
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`)
        .join('\n');
      return `[${label}] ${v.impact} ${v.id}: ${v.help} (${v.helpUrl}), ${v.nodes.length} node(s)\n${nodes}`;
    });
}
