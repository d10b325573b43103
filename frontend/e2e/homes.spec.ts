import { graphql, must, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The homes of issue 13: the person and carers land on a page made for
 * them, in plain English; the person asks for a review, the practitioner
 * answers it from the due list and the person sees the answer; the person
 * prints their copy; the team manager and the registered manager land on
 * their own homes. Every new screen is checked by axe at 390 and 1280 px.
 */

const homeWidths = [390, 1280] as const;

/** axe (and no sideways scrolling) at the phone and desktop widths of the issue. */
async function checkAtBothWidths(page: Page, name: string): Promise<void> {
  for (const width of homeWidths) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, name);
  }
}

/** Staff words the person and carers should never meet. */
const jargon = [/no basis/i, /Mitigation/, /Contingenc/, /Kind:/, /\(a\)/, /SECTION_WITHHELD/, /Name not shared/];

async function expectPlainWords(page: Page): Promise<void> {
  const text = await page.locator('main').innerText();
  for (const word of jargon) expect(text, `the page says ${word}`).not.toMatch(word);
}

let pat: Session;

test.beforeAll(async () => {
  pat = await signInAs('pat.person');
});

test('the carer lands on her own home: the parts of the plan shared with her, in plain words', async ({ page }) => {
  const carol = await signInAs('carol.carer');
  await signInPage(page, carol);
  await page.goto('/');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Plans shared with you' })).toBeVisible();
  await expect(page.getByText(/chose to share their goals and their visits with you/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Their goals' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who to contact' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Caseload' })).toHaveCount(0);
  await expectPlainWords(page);
  await checkAtBothWidths(page, 'home-carer');
});

test('the person asks for a review, the practitioner answers it from the due list, and the person sees the answer (R12)', async ({ page, browser }) => {
  await signInPage(page, pat);
  await page.goto('/');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your reablement' })).toBeVisible();
  await expect(page.getByText('Your practitioner', { exact: true })).toBeVisible();
  await expectPlainWords(page);
  await checkAtBothWidths(page, 'home-person');

  const reason = `My knee is worse since Sunday (${Date.now()})`;
  await page.getByRole('button', { name: 'Ask for a review or a change' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ask for a review or a change' })).toBeVisible();
  await page.getByRole('button', { name: 'Send your request' }).click();
  await expect(page.getByRole('alert')).toContainText('Select what you want to ask for');
  await checkAtBothWidths(page, 'home-ask-errors');
  await page.getByRole('radio', { name: 'A review of the plan' }).check();
  await page.getByLabel('Why do you want to ask?').fill(reason);
  await page.getByRole('button', { name: 'Send your request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Request sent' })).toBeVisible();
  await checkAtBothWidths(page, 'home-ask-sent');

  // The practitioner of the person's team sees it on the due list and answers it.
  const { session: practitioner, personName } = await practitionerOf(pat);
  const staff = await browser.newPage();
  await signInPage(staff, practitioner);
  await staff.goto('/due');
  const reviews = staff.locator('section').filter({ has: staff.getByRole('heading', { name: /Reviews and review requests/ }) });
  await reviews.getByRole('listitem').filter({ hasText: 'A request waiting for a decision' }).getByRole('link', { name: personName }).first().click();
  const card = staff.locator('.govuk-summary-card').filter({ hasText: reason });
  await card.getByRole('radio', { name: 'Hold the review' }).check();
  await card.getByLabel('Reasons').fill('We will come and talk about your plan on Thursday');
  await card.getByRole('button', { name: 'Record the decision' }).click();
  await expect(staff.locator('.govuk-summary-card').filter({ hasText: reason })).toContainText('We will come and talk about your plan on Thursday');
  await staff.close();

  // The person sees the answer on her home.
  await page.goto('/home');
  const requests = page.getByRole('list', { name: 'Requests and answers' });
  const mine = requests.getByRole('listitem').filter({ hasText: reason });
  await expect(mine).toContainText('Review agreed');
  await expect(mine).toContainText('We will come and talk about your plan on Thursday');
});

test('the person asks for a change to her plan and it reaches the practitioner\'s due list (R25)', async ({ page, browser }) => {
  await signInPage(page, pat);
  await page.goto('/home');
  await page.getByRole('button', { name: 'Ask for a review or a change' }).first().click();
  await page.getByRole('radio', { name: 'A change to the plan' }).check();
  await page.getByRole('radio', { name: 'Something is missing' }).check();
  const details = `Please add that I want to walk to the shop (${Date.now()})`;
  await page.getByLabel('What should change?').fill(details);
  await page.getByRole('button', { name: 'Send your request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Request sent' })).toBeVisible();
  await page.goto('/home');
  await expect(page.getByRole('list', { name: 'Requests and answers' }).getByRole('listitem').filter({ hasText: details })).toContainText('Waiting for an answer');

  const practitioner = await practitionerOf(pat);
  const staff = await browser.newPage();
  await signInPage(staff, practitioner.session);
  await staff.goto('/due');
  const requests = staff.getByRole('region', { name: /Requests to change a plan/ });
  await expect(requests.getByRole('link', { name: practitioner.personName }).first()).toBeVisible();
  await staff.close();
});

/** The demo practitioner whose team holds the person's plan in force, and the person's name. */
async function practitionerOf(person: Session): Promise<{ session: Session; planId: string; personName: string }> {
  const plans = await must<{ plans: { edges: Array<{ node: { id: string; person: { preferredName: string } } }> } }>(
    person.token,
    `{ plans(first: 1, where: {statusIn: [AGREED, ACTIVE, UNDER_REVIEW]}, orderBy: {field: VERSION, direction: DESC}) { edges { node { id person { preferredName } } } } }`,
  );
  const plan = plans.plans.edges[0]?.node;
  if (!plan) throw new Error('e2e: the person has no plan in force');
  for (const username of ['priya.practitioner', 'sam.practitioner']) {
    const session = await signInAs(username);
    const found = await graphql<{ node: { id: string } | null }>(session.token, `query($id: ID!) { node(id: $id) { id } }`, { id: plan.id });
    if (found.data?.node) return { session, planId: plan.id, personName: plan.person.preferredName };
  }
  throw new Error("e2e: no demo practitioner holds the person's plan");
}

test('the person prints her copy: the plan, without navigation or buttons', async ({ page }) => {
  await signInPage(page, pat);
  await page.goto('/home');
  await page.getByRole('link', { name: 'Print or save your plan' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your reablement plan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your goals' })).toBeVisible();
  await expectPlainWords(page);
  await checkAtBothWidths(page, 'home-print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1, name: 'Your reablement plan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your goals' })).toBeVisible();
  for (const nav of await page.getByRole('navigation').all()) await expect(nav).toBeHidden();
  for (const button of await page.getByRole('button').all()) await expect(button).toBeHidden();
  await expect(page.locator('.govuk-header')).toBeHidden();
  await expect(page.locator('.govuk-footer')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Back' })).toBeHidden();
});

test('the person sees who has looked at her plan, one line per person per day', async ({ page }) => {
  await signInPage(page, pat);
  await page.goto('/home');
  await page.getByRole('link', { name: 'See who has looked at your plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who has looked at your plan' })).toBeVisible();
  const today = page.getByRole('list', { name: 'Who looked today' });
  await expect(today.getByRole('listitem').first()).toContainText(/looked at your plan|made/);
  const lines = await today.getByRole('listitem').allInnerTexts();
  expect(new Set(lines.map((l) => l.split(/ looked| made/)[0])).size, 'one line per person').toBe(lines.length);
  await checkAtBothWidths(page, 'home-seen');

  await page.goto('/home/complain');
  await expect(page.getByRole('heading', { level: 1, name: 'How to complain' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'complaints@kentmere.example' })).toBeVisible();
  await checkAtBothWidths(page, 'home-complain');
});

test("the team manager lands on her team's home", async ({ page }) => {
  const morgan = await signInAs('morgan.manager');
  await signInPage(page, morgan);
  await page.goto('/');
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your team' })).toBeVisible();
  const counts = page.getByRole('list', { name: 'Your team at a glance' });
  for (const label of ['People on the caseload', 'Waiting to be allocated', 'Reviews due this week', 'Concerns open']) await expect(counts).toContainText(label);
  await expect(page.getByRole('heading', { name: 'Waiting to be allocated' })).toBeVisible();
  await checkAtBothWidths(page, 'home-team');
});

test("the registered manager lands on her service's day", async ({ page }) => {
  const rita = await signInAs('rita.registered');
  await signInPage(page, rita);
  await page.goto('/');
  await expect(page).toHaveURL(/\/service$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your service today' })).toBeVisible();
  const counts = page.getByRole('list', { name: "Today's visits at a glance" });
  for (const label of ['Late', 'Missed', 'Under way', 'Done']) await expect(counts).toContainText(label);
  await expect(page.getByRole('heading', { name: 'Risks to workers to confirm' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Training for the people workers visit' })).toBeVisible();
  await checkAtBothWidths(page, 'home-service');
});
