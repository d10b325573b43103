import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Tests, with baseURL pointing at the server global setup started. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('e2e: E2E_BASE_URL is not set; run through `npm run e2e` so global setup starts the server.');
    await use(url);
  },
});

export { expect };

/** WCAG 2.0, 2.1 and 2.2 A and AA, including 2.2's target size (only checked when asked for). */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** Fails with a readable list when axe finds anything on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')}`).join('\n')}`,
  );
  expect(summary, `axe found accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Saves a screenshot as test-results/screens/<name>-<width>.png: the whole
 * page, or its top `height` pixels (for the README).
 */
export async function screenshot(page: Page, name: string, { fullPage = true, height }: { fullPage?: boolean; height?: number } = {}): Promise<string> {
  const width = page.viewportSize()?.width ?? 0;
  const dir = resolve(import.meta.dirname, '../test-results/screens');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `${name}-${width}.png`);
  // A full page on a busy machine can take a while: a generous ceiling, and no animations to wait out.
  await page.screenshot({ path, fullPage, timeout: 60_000, animations: 'disabled', ...(height && { clip: { x: 0, y: 0, width, height } }) });
  return path;
}

/** Fails when the page is wider than the viewport (WCAG 1.4.10 reflow at 320px). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

/** Viewport widths every screen is checked at: desktop and the 320px reflow width. */
export const widths = [1280, 320] as const;
