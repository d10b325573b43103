import { addInvolvement, must, nearlyReadyDraft, readyToStart, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures';

/**
 * A plan's life under the Care Act through the web app (issue 5): what is
 * missing shows before the button; draft → agreed → active → a review →
 * an amendment making version 2 → ended.
 */

let practitioner: Session;

test.beforeAll(async () => {
  practitioner = await signInAs('priya.practitioner');
});

test('a plan goes from draft to agreed to active, through a review and an amendment, to ended', async ({ page }) => {
  test.setTimeout(120_000);
  const { planId } = await nearlyReadyDraft(practitioner.token, 'Winifred');
  await signInPage(page, practitioner);

  // Agree: the page says what is missing (R3) instead of offering the button.
  await page.goto(`/plans/${planId}`);
  await page.getByRole('link', { name: 'Agree the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agree the plan' })).toBeVisible();
  const missing = page.getByRole('list', { name: 'Still missing' });
  await expect(missing).toContainText('R3');
  await expect(page.getByRole('button', { name: 'Agree the plan' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, 'agree-missing');

  // Record who was involved (R3) right there; the button appears.
  await page.getByRole('button', { name: 'Add them' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter their name');
  await page.getByLabel('Name', { exact: true }).fill('Winifred Holloway');
  await page.getByLabel('Who they are to the person').fill('the person');
  await page.getByRole('radio', { name: 'The person themself' }).check();
  await page.getByRole('button', { name: 'Add them' }).click();
  await expect(page.getByRole('region', { name: 'Who was involved in planning (R3)' })).toContainText('Winifred Holloway (the person)');
  await expect(missing).toHaveCount(0);
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  await expect(page.getByText('The plan is agreed')).toBeVisible();
  await expect(page.getByText('Agreed', { exact: true }).first()).toBeVisible();

  // Commence (R31, R32, R9 met; the service, a trained worker and the
  // visits set up through the API, start.spec.ts does it in the browser):
  // the first review is set.
  await readyToStart(practitioner.token, planId);
  await page.getByRole('button', { name: 'Start reablement' }).click();
  await page.getByRole('button', { name: 'Commence reablement' }).click();
  await expect(page.getByText('Reablement has commenced')).toBeVisible();
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();

  // A review the person asked for (R12): decided, held, result recorded.
  await page.getByRole('button', { name: 'Reviews' }).click();
  await expect(page.getByText(/First review due/)).toBeVisible();
  await page.getByRole('button', { name: 'Record the request' }).click();
  await expect(page.getByRole('alert')).toContainText('Select who asked');
  await page.getByRole('radio', { name: 'The person' }).check();
  await page.getByLabel('Why did they ask?').fill('She wants to add going to the library to her outcomes');
  await page.getByRole('button', { name: 'Record the request' }).click();
  await expect(page.getByText('Waiting for a decision')).toBeVisible();
  await page.getByRole('radio', { name: 'Hold the review' }).check();
  await page.getByLabel('Reasons').fill('New information from the person');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  // (A result that revises the plan opens an amendment draft: amendment.spec.ts.)
  await page.getByRole('radio', { name: 'Continue the plan as it is' }).check();
  await page.getByLabel('What was found and agreed').fill('Going well; the library can wait for the next review');
  await page.getByRole('button', { name: 'Record the result' }).click();
  await expect(page.getByText(/^Continue,/)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'reviews');

  // An amendment the person asked for (R25): agreed, version 2 (R26).
  await page.getByRole('link', { name: 'Back to the plan' }).click();
  await page.getByRole('link', { name: 'Amendments' }).click();
  await page.getByRole('radio', { name: 'The person' }).check();
  await page.getByRole('radio', { name: 'Information is missing' }).check();
  await page.getByLabel('What do they ask to change?').fill('Add going to the library on Saturdays');
  await page.getByRole('button', { name: 'Record the request' }).click();
  await page.getByLabel('The evidence reviewed').fill('The review notes');
  await page.getByRole('radio', { name: 'Agree: make a new version' }).check();
  await page.getByLabel('Reasons').fill('Agreed at review');
  await expectNoAxeViolations(page);
  await screenshot(page, 'amendment-decision');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByText('Amendment agreed: version 2 is open as a draft')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Reablement plan, version 2' })).toBeVisible();
  // The draft is agreed in its own right (R25); then it replaces version 1.
  await page.getByRole('link', { name: 'Agree the plan' }).click();
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  await expect(page.getByText('The plan is agreed')).toBeVisible();
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();

  // Version 1 stays readable and says it is superseded; the two compare side by side.
  await page.getByRole('link', { name: 'Compare with the previous version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What changed from version 1 to version 2' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to version 2' }).click();
  await page.getByRole('link', { name: 'version 1' }).click();
  await expect(page.getByText('This version has been superseded and can never change again.')).toBeVisible();
  await page.goBack();

  // End (R2): outcomes met.
  await page.getByRole('link', { name: 'End the plan' }).click();
  await page.getByRole('button', { name: 'End the plan' }).click();
  await expect(page.getByRole('alert')).toContainText('Select how the plan is ending');
  await page.getByRole('radio', { name: 'Reablement ends' }).check();
  await page.getByRole('radio', { name: 'The outcomes are met' }).check();
  await expectNoAxeViolations(page);
  await screenshot(page, 'end');
  await page.getByRole('button', { name: 'End the plan' }).click();
  await expect(page.getByText('The plan has ended')).toBeVisible();
  await expect(page.getByText('Ended', { exact: true }).first()).toBeVisible();
});

test("a risk to the worker holds back commencement until the service's registered manager confirms it (R31)", async ({ page }) => {
  const rita = await signInAs('rita.registered');
  const services = await must<{ me: { account: { services: Array<{ id: string }> | null } } }>(rita.token, `query { me { account { services { id } } } }`);
  const serviceTeamID = services.me.account.services?.[0]?.id;
  if (!serviceTeamID) throw new Error('e2e: rita.registered runs no reablement service');
  const { planId } = await nearlyReadyDraft(practitioner.token, 'Ethel');
  await addInvolvement(practitioner.token, planId, 'Ethel Holloway');
  const revision = async () =>
    (await must<{ node: { revision: number } }>(practitioner.token, `query($id: ID!) { node(id: $id) { ... on Plan { revision } } }`, { id: planId })).node.revision;
  await must(practitioner.token, `mutation($id: ID!, $rev: Int!) { updatePlan(id: $id, expectedRevision: $rev, input: { serviceTeamID: "${serviceTeamID}" }) { id } }`, {
    id: planId,
    rev: await revision(),
  });
  const description = `Loose stair carpet ${Date.now().toString(36).slice(-4)}`;
  await must(practitioner.token, `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, {
    input: { planID: planId, kind: 'TO_WORKER', category: 'HOME_ENVIRONMENT', description, strategy: 'Carpet fixed by the handyperson service' },
  });
  await must(practitioner.token, `mutation($id: ID!, $rev: Int!) { agreePlan(id: $id, expectedRevision: $rev) { status } }`, { id: planId, rev: await revision() });
  await readyToStart(practitioner.token, planId);

  await signInPage(page, practitioner);
  await page.goto(`/plans/${planId}/commence`);
  await expect(page.getByRole('list', { name: 'Still missing' })).toContainText(description);
  await expect(page.getByRole('button', { name: 'Commence reablement' })).toHaveCount(0);

  await signInPage(page, rita);
  await page.goto('/due');
  const risks = page.getByRole('region', { name: /Risks to workers to confirm/ });
  await expect(risks).toContainText(description);
  await expectNoAxeViolations(page);
  await screenshot(page, 'due-registered-manager');
  // R31: what the registered manager checked, then a check-your-answers step.
  await risks.getByRole('listitem').filter({ hasText: description }).getByRole('link').click();
  await page.getByLabel('What did you check?').fill('Saw the carpet refitted on the home visit');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Confirm the risk is mitigated' }).click();
  await expect(page.getByText('The risk to the worker is confirmed')).toBeVisible();
  await expect(risks).not.toContainText(description);

  await signInPage(page, practitioner);
  await page.goto(`/plans/${planId}/commence`);
  await page.getByRole('button', { name: 'Commence reablement' }).click();
  await expect(page.getByText('Reablement has commenced')).toBeVisible();
});
