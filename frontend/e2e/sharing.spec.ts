import { findPlan, graphql, must, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test } from './fixtures';

/**
 * Sharing and access history through the web app (issue 4): the share
 * screen previews exactly what the recipient will see before it is sent;
 * the person's record says who has seen it.
 */

let practitioner: Session;

test.beforeAll(async () => {
  practitioner = await signInAs('priya.practitioner');
});

test('a limited carer share is previewed section by section, then sent', async ({ page }) => {
  const plan = await findPlan(practitioner.token, 'ACTIVE');
  await signInPage(page, practitioner);
  await page.goto(`/plans/${plan.id}`);
  await page.getByRole('link', { name: 'Share the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share the plan' })).toBeVisible();

  // A carer's limited copy needs the person's own request (R21): the preview runs the rule.
  await page.getByRole('radio', { name: 'A carer' }).check();
  await page.getByLabel("Their name, or the organisation's").fill('Joan Marsh');
  await page.getByRole('radio', { name: 'Only some sections' }).check();
  await page.getByRole('checkbox', { name: 'Outcomes and progress' }).check();
  await page.getByRole('checkbox', { name: 'Visits' }).check();
  await page.getByRole('button', { name: 'Preview what they will see' }).click();
  await expect(page.getByRole('alert')).toContainText('A carer gets the full plan unless the person, having capacity, asked to share only part.');
  await expect(page.getByLabel("Their name, or the organisation's")).toHaveValue('Joan Marsh');

  await page.getByRole('checkbox', { name: /asked to share only part of the plan with their carer/ }).check();
  await page.getByRole('button', { name: 'Preview what they will see' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check what Joan Marsh will see' })).toBeVisible();
  const seen = page.getByRole('list', { name: 'Sections they will see' });
  await expect(seen.getByRole('listitem')).toHaveText(['Outcomes and progress', 'Visits']);
  await expect(page.getByRole('list', { name: 'Sections they will not see' })).toContainText('Risks and contingencies');
  await expectNoAxeViolations(page);
  await screenshot(page, 'share-preview');

  await page.getByRole('button', { name: 'Share the plan' }).click();
  await expect(page.getByText('Shared with Joan Marsh')).toBeVisible();
  await expect(page.getByRole('table').or(page.locator('.govuk-summary-card')).filter({ hasText: 'Joan Marsh' }).first()).toContainText('Current');
});

test("the person's access history lists who saw the record, what and why", async ({ page }) => {
  const plan = await findPlan(practitioner.token, 'ACTIVE');
  await signInPage(page, practitioner);
  await page.goto(`/people/${plan.personId}`);
  await page.getByRole('link', { name: 'Who has seen this record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Who has seen .*record$/ })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Access history, newest first' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Priya Shah');
  await expect(timeline.getByRole('listitem').first()).toContainText('Saw:');
  await expectNoAxeViolations(page);
  await screenshot(page, 'access-history');
});

test("sharing with a neighbour on the person's consent, recorded on the spot, then revoking the copy (R22)", async ({ page }) => {
  const plan = await findPlan(practitioner.token, 'ACTIVE');
  await signInPage(page, practitioner);
  await page.goto(`/plans/${plan.id}/share`);
  await page.getByRole('radio', { name: 'Someone else' }).check();
  await page.getByLabel("Their name, or the organisation's").fill('Nell Price');
  await page.getByRole('radio', { name: "The person's consent" }).check();
  await page.getByRole('radio', { name: 'Only some sections' }).check();
  await page.getByRole('checkbox', { name: 'Visits' }).check();

  // No decision is recorded yet: record the person's consent here.
  await page.getByText('Record a new decision about sharing').click();
  await page.getByRole('group', { name: 'Who made the decision?' }).getByRole('radio', { name: 'The person' }).check();
  await page.getByRole('group', { name: 'Did the person have capacity to make this decision?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByLabel('The recorded decision it rests on')).not.toHaveValue('');

  await page.getByRole('button', { name: 'Preview what they will see' }).click();
  await expect(page.getByRole('list', { name: 'Sections they will see' }).getByRole('listitem')).toHaveText(['Visits']);
  await page.getByRole('button', { name: 'Share the plan' }).click();
  await expect(page.getByText('Shared with Nell Price')).toBeVisible();

  await page.getByLabel('Whose copy?').selectOption({ label: 'Nell Price' });
  await page.getByLabel('Why?').fill('The person changed her mind');
  await page.getByRole('button', { name: 'Revoke the copy' }).click();
  await expect(page.getByText("Nell Price's copy is revoked")).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the person sees their own record and who has seen it', async ({ page }) => {
  const pat = await signInAs('pat.person');
  await signInPage(page, pat);
  // The person lands on their own home (issue 13); the record itself is a link away.
  await page.goto('/caseload');
  await expect(page.getByRole('heading', { level: 1, name: 'Records shared with you' })).toBeVisible();
  await page.locator('main').getByRole('link').filter({ hasNotText: /Clear|filter/i }).first().click();
  await page.getByRole('link', { name: 'Who has seen this record' }).click();
  // The person reads it one line per person per day (issue 13).
  await expect(page.getByRole('heading', { level: 1, name: 'Who has looked at your plan' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Who looked today' }).getByRole('listitem').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'access-history-as-person');
});

test('an auditor lands on the audit log and filters it by who saw records', async ({ page }) => {
  // Priya reads a plan, so the log has her disclosure to find.
  const plan = await findPlan(practitioner.token, 'ACTIVE');
  await must(practitioner.token, `query($id: ID!) { node(id: $id) { ... on Plan { workerTasks } } }`, { id: plan.id });
  const ian = await signInAs('ian.auditor');
  await signInPage(page, ian);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  // Unfiltered, the whole log is not counted (it can hold millions of events).
  await expect(page.getByText('Every event, newest first')).toBeVisible();
  await page.getByLabel('Who saw it (name contains)').fill('priya');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText(/matching, newest first/)).toBeVisible();
  const rows = page.locator('main tbody tr');
  await expect(rows.first()).toContainText('Priya Shah');
  expect(await rows.allInnerTexts()).not.toContainEqual(expect.not.stringContaining('Priya Shah'));
  await expectNoAxeViolations(page);
  await screenshot(page, 'audit-log');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'audit-log');
});

test("the practitioner keeps information about someone else from the person's copy, and the person is told why", async ({ page }) => {
  const pat = await signInAs('pat.person');
  const mine = await must<{ people: { edges: Array<{ node: { id: string } }> } }>(pat.token, '{ people(first: 1) { edges { node { id } } } }');
  const personID = mine.people.edges[0]?.node.id ?? '';
  // The practitioner whose caseload holds her.
  let staff = practitioner;
  const reach = await graphql<{ node: { id: string } | null }>(practitioner.token, 'query($id: ID!) { node(id: $id) { id } }', { id: personID });
  if (!reach.data?.node) staff = await signInAs('sam.practitioner');
  const reason = 'It holds what your neighbour told us in confidence.';

  await signInPage(page, staff);
  await page.goto(`/people/${personID}`);
  await page.getByText("Keep information about someone else from the person's own copy").click();
  await page.getByRole('checkbox', { name: 'risks and contingencies' }).check();
  await page.getByLabel('Why, in words the person will read').fill(reason);
  await page.getByRole('button', { name: 'Save what is kept from the person' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Kept from the person's copy: risks and contingencies." })).toBeVisible();
  await expectNoAxeViolations(page);

  // The person opens her plan: the risks are not there, and she is told why.
  const plan = await findPlan(pat.token, 'ACTIVE');
  await signInPage(page, pat);
  await page.goto(`/plans/${plan.id}`);
  const risks = page.locator('#risks');
  await expect(risks).toContainText(`Your practitioner has kept risks and contingencies from your copy because it holds information about someone else: ${reason}`);
  await expectNoAxeViolations(page);
  await screenshot(page, 'plan-withheld-from-person');

  // Give it back, so the rest of the suite sees her whole record.
  await must(staff.token, 'mutation($p: ID!) { withholdFromPerson(personID: $p, sections: [], reason: "") { id } }', { p: personID });
});
