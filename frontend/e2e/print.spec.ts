import type { Page } from '@playwright/test';
import { findPlan, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test, widths } from './fixtures';

/**
 * Handing over a copy (issue 12 item 6, R13, R4, R14, R15): the plan's
 * print view is a clean document under Chromium's print emulation (no
 * header, navigation or buttons), in standard and large print; printing is
 * recorded as the written record given; the confirmation letters print the
 * same way.
 */

let practitioner: Session;
let plan: { id: string; personId: string };

test.beforeAll(async () => {
  practitioner = await signInAs('priya.practitioner');
  plan = await findPlan(practitioner.token, 'ACTIVE');
});

/** Under print media, nothing but the document shows. */
async function expectOnlyTheDocument(page: Page, heading: RegExp) {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.locator('header')).toBeHidden();
  await expect(page.locator('.govuk-service-navigation')).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  for (const button of await page.getByRole('button', { includeHidden: true }).all()) await expect(button).toBeHidden();
  await expect(page.getByRole('navigation')).toHaveCount(0);
}

test('the print view of a plan is the document alone, in standard and large print, and records the copy given (R13)', async ({ page }) => {
  await signInPage(page, practitioner);
  await page.goto(`/plans/${plan.id}`);
  await page.getByRole('link', { name: 'Print a copy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Reablement plan for / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'What you want to achieve' })).toBeVisible();

  await expectOnlyTheDocument(page, /^Reablement plan for /);
  await expect(page.getByText(/^Printed$/)).toBeVisible();
  await screenshot(page, 'print-plan');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Large print version' }).click();
  await expect(page).toHaveURL(/size=large/);
  await expectOnlyTheDocument(page, /^Reablement plan for /);
  const size = await page.locator('.app-print-plan .govuk-body').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size, 'large print is at least 18 point (24px)').toBeGreaterThanOrEqual(24);
  await screenshot(page, 'print-plan-large');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('radio', { name: 'Large print' }).check();
  await page.getByRole('button', { name: 'Record that the copy was given' }).click();
  await expect(page.getByText(/Written record given on .* in Large print/)).toBeVisible();
});

test('the confirmation letter of a withdrawal prints the same way (R15)', async ({ page }) => {
  await signInPage(page, practitioner);
  await page.goto(`/plans/${plan.id}/end`);
  await page.getByRole('radio', { name: /The service is withdrawn/ }).check();
  await page.getByRole('link', { name: 'Print the confirmation letter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your reablement service has been withdrawn' })).toBeVisible();
  await expectOnlyTheDocument(page, /^Your reablement service has been withdrawn$/);
  await screenshot(page, 'letter-withdrawal');
});

for (const width of widths) {
  test(`the print view and a letter at ${width}px are accessible and do not scroll sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signInPage(page, practitioner);
    for (const [path, heading] of [
      [`/plans/${plan.id}/print`, /^Reablement plan for /],
      [`/plans/${plan.id}/print?size=large`, /^Reablement plan for /],
      [`/plans/${plan.id}/letter?kind=refusal`, /^You have decided not to go ahead with reablement$/],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    await screenshot(page, 'letter-refusal');
  });
}
