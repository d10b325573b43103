import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test, widths } from './fixtures';

test.describe('signing in with a demo account', () => {
  for (const width of widths) {
    test(`the sign-in page lists demo accounts by role and is accessible at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in with a demo account' })).toBeVisible();
      await expect(page.getByRole('group', { name: 'Practitioners' }).getByRole('radio').first()).toBeVisible();
      expect(await page.getByRole('radio').count()).toBeGreaterThan(1);
      await expect(page).toHaveTitle('Sign in – Reablement');

      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'sign-in');
    });
  }

  test('asks for an account when none is chosen', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Select the demo account you want to sign in as' })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'sign-in-error');
  });

  test('a practitioner lands on the caseload', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/sign-in');
    await page.getByRole('group', { name: 'Practitioners' }).getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Caseload' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('button', { name: /^Sign out/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'caseload');
  });
});

/** What Graphcache has stored in IndexedDB, as text ('' when nothing). */
function storedCache(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('reablement-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('entries')) return resolve('');
          const all = db.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('signing out forgets the token and empties the offline cache', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/sign-in');
  await page.getByRole('group', { name: 'Practitioners' }).getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  // The viewer's own data is in the offline copy while signed in…
  await expect.poll(() => storedCache(page)).toMatch(/Query\.me/);

  await page.getByRole('button', { name: /^Sign out/ }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in with a demo account' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('reablement.session'))).toBeNull();
  // …and gone after signing out (the sign-in page's public list of demo accounts may be back).
  expect(await storedCache(page)).not.toMatch(/Query\.me|"(Account|Authority):/);

  await page.goto('/caseload');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcaseload$/);
});
