import { must, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test, widths } from './fixtures';

/**
 * Changing the plan (issue 12 item 4, R25, R26): an agreed amendment opens
 * the next version as a draft carrying the request; the change is made in
 * it and agreed; the comparison shows exactly that change; and the carer
 * who held the earlier version now holds the new one.
 */

let practitioner: Session;
let carer: Session;

test.beforeAll(async () => {
  practitioner = await signInAs('priya.practitioner');
  carer = await signInAs('carol.carer');
});

/** The newest version of the plan the demo carer holds a share of. */
async function carersCurrentPlan(): Promise<{ id: string; version: number }> {
  const data = await must<{ plans: { edges: Array<{ node: { id: string; version: number; status: string } }> } }>(
    carer.token,
    `query { plans(first: 20) { edges { node { id version status } } } }`,
  );
  const current = data.plans.edges.map((e) => e.node).find((p) => ['AGREED', 'ACTIVE', 'UNDER_REVIEW'].includes(p.status));
  if (!current) throw new Error('e2e: carol.carer holds no plan in progress in the demo data');
  return current;
}

test('an agreed amendment opens a draft; the changed outcome is agreed; the comparison shows that change alone; the carer gets the new version', async ({ page }) => {
  test.setTimeout(180_000);
  const v1 = await carersCurrentPlan();
  const statement = `I want to walk to the shop with my frame ${Date.now().toString(36).slice(-4)}`;
  await signInPage(page, practitioner);

  // The carer asks; the person is consulted; the request is agreed (R25).
  await page.goto(`/plans/${v1.id}/amendments`);
  await expect(page.getByRole('heading', { level: 1, name: 'Amendments' })).toBeVisible();
  await page.getByRole('radio', { name: 'A carer' }).check();
  await page.getByLabel('Their name (optional)').fill('Carol Hughes');
  await page.getByRole('radio', { name: 'Something was misunderstood' }).check();
  await page.getByLabel('What do they ask to change?').fill('The first outcome should say she walks with her frame');
  await page.getByRole('button', { name: 'Record the request' }).click();
  const card = page.locator('.govuk-summary-card').filter({ hasText: 'The first outcome should say she walks with her frame' });
  await card.getByLabel("The person's view, in their words").fill('Yes, I always use my frame');
  await card.getByRole('button', { name: 'Record their view' }).click();
  await card.getByLabel('The evidence reviewed').fill("The OT's notes of her last visit");
  await card.getByRole('radio', { name: 'Agree: make a new version' }).check();
  await card.getByLabel('Reasons').fill('The outcome was misunderstood');
  await card.getByRole('button', { name: 'Record the decision' }).click();

  // The next version is an amendment draft carrying the request.
  await expect(page.getByText(`Amendment agreed: version ${v1.version + 1} is open as a draft`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `Reablement plan, version ${v1.version + 1}` })).toBeVisible();
  const banner = page.getByRole('region', { name: 'Amendment draft' });
  await expect(banner).toContainText('The first outcome should say she walks with her frame');
  await expect(banner).toContainText(`version ${v1.version} stays in force`);
  const v2 = new URL(page.url()).pathname.split('/')[2] ?? '';
  await expectNoAxeViolations(page);
  await screenshot(page, 'amendment-draft');

  // The change, in the draft's own outcome page.
  await page.goto(`/plans/${v2}/edit/outcomes`);
  await page.getByRole('link', { name: 'Change outcome 1' }).click();
  await page.locator('#statement').fill(statement);
  await page.getByRole('button', { name: 'Save the outcome' }).click();
  await expect(page.getByText('Outcome saved')).toBeVisible();

  // Agreed: it replaces the earlier version, which is superseded (R25).
  await page.goto(`/plans/${v2}/agree`);
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  await expect(page.getByText('The plan is agreed')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Amendment draft' })).toHaveCount(0);

  // The comparison shows exactly that change.
  await page.getByRole('link', { name: 'Compare with the previous version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `What changed from version ${v1.version} to version ${v1.version + 1}` })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.locator('caption')).toHaveText('1 change');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText(statement);
  await page.goto(`/plans/${v1.id}`);
  await expect(page.getByText('This version has been superseded and can never change again.')).toBeVisible();

  // The carer's copy is the new version, with the same scope (R26).
  const held = await must<{ node: { status: string; outcomes: { edges: Array<{ node: { statement: string } }> } } }>(
    carer.token,
    `query($id: ID!) { node(id: $id) { ... on Plan { status outcomes { edges { node { statement } } } } } }`,
    { id: v2 },
  );
  expect(held.node.outcomes.edges.map((e) => e.node.statement)).toContain(statement);
  await signInPage(page, carer);
  await page.goto(`/plans/${v2}`);
  await expect(page.getByRole('heading', { level: 1, name: `Reablement plan, version ${v1.version + 1}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Outcomes and progress' })).toContainText(statement);
  await expect(page.getByRole('region', { name: 'Risks and contingencies' })).toContainText('Not shared with you');
});

test('a review that revises the plan opens the amendment draft the same way (R11, R12)', async ({ page }) => {
  const active = await must<{ plans: { edges: Array<{ node: { id: string; version: number; supersededBy: { id: string } | null } }> } }>(
    practitioner.token,
    `query { plans(first: 20, where: { status: ACTIVE }) { edges { node { id version supersededBy { id } } } } }`,
  );
  const plan = active.plans.edges.map((e) => e.node).find((p) => !p.supersededBy);
  if (!plan) throw new Error('e2e: priya.practitioner has no active plan without an open amendment draft');
  await must(practitioner.token, `mutation($id: ID!) { requestReview(input: { planID: $id, kind: SCHEDULED }) { id } }`, { id: plan.id });
  await signInPage(page, practitioner);
  await page.goto(`/plans/${plan.id}/review`);
  await page.getByRole('radio', { name: 'Revise the plan (through an amendment)' }).last().check();
  await page.getByLabel('What was found and agreed').last().fill('Add a Saturday visit while her daughter is away');
  await page.getByRole('button', { name: 'Record the result' }).last().click();
  await expect(page.getByText(`Version ${plan.version + 1} is open as an amendment draft`)).toBeVisible();
  await page.getByRole('link', { name: `Go to version ${plan.version + 1}` }).first().click();
  await expect(page.getByRole('region', { name: 'Amendment draft' })).toContainText('Add a Saturday visit while her daughter is away');
});

for (const width of widths) {
  test(`the chronology at ${width}px is accessible, newest first and filterable`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const plan = await carersCurrentPlan();
    const person = await must<{ node: { person: { id: string } } }>(practitioner.token, `query($id: ID!) { node(id: $id) { ... on Plan { person { id } } } }`, { id: plan.id });
    await signInPage(page, practitioner);
    await page.goto(`/people/${person.node.person.id}/chronology`);
    await expect(page.getByRole('heading', { level: 1, name: 'Chronology' })).toBeVisible();
    const timeline = page.getByRole('list', { name: 'Chronology, newest first' });
    await expect(timeline.getByRole('listitem').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'chronology');

    // Decisions only.
    for (const kind of ['Visits', 'Concerns', 'Reviews', 'Amendments', 'Copies shared']) await page.getByRole('checkbox', { name: kind }).uncheck();
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await expect(page).toHaveURL(/kind=DECISION/);
    await expect(timeline.getByRole('listitem').first()).toContainText('Decision');
    await expect(timeline.getByRole('listitem').filter({ hasNotText: 'Decision' })).toHaveCount(0);
  });
}
