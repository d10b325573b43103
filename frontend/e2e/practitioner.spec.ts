import type { Page } from '@playwright/test';
import { createDraftPlan, createPerson, fillDraftPlan, graphql, must, signInAs, signInPage } from './api';
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures';

/** A name nobody in the demo data has, so the search finds one person. */
const unique = (name: string) => `${name} ${Date.now().toString(36).slice(-5)}`;

async function signIn(page: Page, username: string) {
  await page.goto('/sign-in');
  await page.locator(`input[value="${username}"]`).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
}

test.describe('a practitioner plans reablement', () => {
  test('opens a person from the caseload and drafts a plan with an outcome, a step, a risk and a contingency that survive a reload', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const { token } = await signInAs('priya.practitioner');
    const surname = unique('Marlowe');
    await createPerson(token, 'Edith', `Edith ${surname}`);

    await signIn(page, 'priya.practitioner');
    await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
    await page.getByLabel('Search by name').fill(surname);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('status')).toHaveText('1 person of the 25 loaded matches your search.');
    const row = page.getByRole('row', { name: new RegExp(surname) });
    await expect(row).toContainText('No plan yet');
    await row.getByRole('link', { name: 'Edith' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Edith' })).toBeVisible();
    await expect(page.getByText(`Legal name: Edith ${surname}`)).toBeVisible();
    await page.getByRole('button', { name: 'Create a draft plan' }).click();

    await expect(page).toHaveURL(/\/plans\/[^/]+\/edit$/);
    const planUrl = page.url().replace(/\/edit$/, '');
    await expect(page.getByRole('heading', { level: 1, name: 'Edit the draft plan' })).toBeVisible();

    // An outcome in the person's words.
    await page.getByRole('link', { name: 'Outcomes and steps' }).click();
    await page.getByRole('button', { name: 'Add an outcome' }).click();
    await page.getByLabel('What does the person want to achieve, change or keep the same?').fill('I want to make my own lunch again');
    await page.getByLabel('Achieve something new').check();
    await page.getByLabel('Which part of life is it about?').selectOption({ label: 'Food and drink' });
    const target = page.getByRole('group', { name: /When does the person hope to achieve it/ });
    await target.getByLabel('Day').fill('15');
    await target.getByLabel('Month').fill('3');
    await target.getByLabel('Year').fill('2027');
    await page.getByLabel('How will everyone know it is achieved? (optional)').fill('Makes a sandwich unaided on five days out of seven');
    await page.getByRole('button', { name: 'Add the outcome' }).click();
    await expect(page.getByRole('alert')).toContainText('Outcome added');
    await expect(page.getByRole('heading', { name: /I want to make my own lunch again/ })).toBeVisible();

    // A step towards it.
    await page.getByRole('button', { name: 'Add a step to outcome 1' }).click();
    await page.getByLabel('What is the step?').fill('Make a hot drink with the worker standing by');
    await page.getByLabel('In progress').check();
    await page.getByRole('button', { name: 'Add the step' }).click();
    await expect(page.getByRole('alert')).toContainText('Step added');
    await expect(page.getByText('0 of 1 step done, 1 in progress')).toBeVisible();

    // A risk to the plan and its contingency.
    await page.getByRole('link', { name: 'Return to the draft plan' }).click();
    await page.getByRole('link', { name: 'Risks and contingencies' }).click();
    await page.getByRole('button', { name: 'Add a risk' }).click();
    // The risks page also has a section labelled "To the plan": wait for the form's radio itself.
    await page.getByRole('radio', { name: 'To the plan' }).check();
    await page.getByLabel('What is the risk?').fill('Edith may refuse visits when her daughter is away');
    await page.getByLabel('Medium').check();
    await page.getByRole('button', { name: 'Add the risk' }).click();
    await expect(page.getByRole('alert')).toContainText('Risk added');
    await page.getByRole('button', { name: /Add a contingency/ }).click();
    await page.getByLabel('What sets it off?').fill('Two visits refused in a row');
    await page.getByLabel('What will be done?').fill('The practitioner visits with the worker to talk it through');
    await page.getByLabel('Who acts?').fill('Allocated practitioner');
    await page.getByRole('button', { name: 'Add the contingency' }).click();
    await expect(page.getByRole('alert')).toContainText('Contingency added');

    // Everything is still there after a reload, which reads it back from the server.
    await page.reload();
    const riskGroup = page.getByRole('region', { name: /Risks to the plan/ });
    await expect(riskGroup.getByRole('heading', { name: 'Edith may refuse visits when her daughter is away' })).toBeVisible();
    await expect(riskGroup.getByText('Two visits refused in a row')).toBeVisible();
    await expect(riskGroup.getByText('Allocated practitioner')).toBeVisible();

    await page.goto(planUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Reablement plan, version 1' })).toBeVisible();
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
    const outcomes = page.getByRole('region', { name: 'Outcomes and progress' });
    await expect(outcomes.getByRole('heading', { name: /I want to make my own lunch again/ })).toBeVisible();
    await expect(outcomes.getByText('15 March 2027')).toBeVisible();
    await expect(outcomes.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveText([/Make a hot drink with the worker standing by\s*In progress/]);
    const risks = page.getByRole('region', { name: 'Risks and contingencies' });
    await expect(risks.getByRole('region', { name: /Risks to the plan/ })).toContainText('Edith may refuse visits when her daughter is away');
    await expect(risks.getByRole('region', { name: /Risks to the plan/ })).toContainText('The practitioner visits with the worker to talk it through');
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-plan');
  });

  test('a save with a missing required field shows the error summary and keeps what was typed', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const session = await signInAs('priya.practitioner');
    const person = await createPerson(session.token, 'Harold', `Harold ${unique('Finch')}`);
    const plan = await createDraftPlan(session.token, person);
    await signInPage(page, session);

    // The form's own check: nothing is sent, the summary links to the field, the rest is kept.
    await page.goto(`/plans/${plan.id}/edit/outcomes/new`);
    await page.getByLabel('Which part of life is it about?').selectOption({ label: 'Social life' });
    await page.getByLabel('How will everyone know it is achieved? (optional)').fill('Goes to the lunch club twice a month');
    await page.getByLabel('What support is needed to get there? (optional)').fill('Community transport booked by the worker');
    await page.getByRole('button', { name: 'Add the outcome' }).click();

    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Add an outcome/);
    const link = summary.getByRole('link', { name: "Enter the outcome in the person's words" });
    await expect(link).toHaveAttribute('href', '#statement');
    await expect(page.getByLabel('What does the person want to achieve, change or keep the same?')).toHaveAccessibleDescription(
      /Error:\s+Enter the outcome in the person's words/,
    );
    await expect(page.getByLabel('How will everyone know it is achieved? (optional)')).toHaveValue('Goes to the lunch club twice a month');
    await expect(page.getByLabel('What support is needed to get there? (optional)')).toHaveValue('Community transport booked by the worker');
    await expect(page.getByLabel('Which part of life is it about?')).toHaveValue('SOCIAL');
    await link.click();
    await expect(page.getByLabel('What does the person want to achieve, change or keep the same?')).toBeFocused();
    await expectNoAxeViolations(page);
    await screenshot(page, 'outcome-form-error');

    // The server's check: a visit length it refuses comes back beside the field, and what was typed stays.
    await page.goto(`/plans/${plan.id}/edit/visits`);
    await page.getByLabel('How often do visits happen?').fill('Twice daily, reducing to daily');
    await page.getByLabel('How long does each visit last?').fill('-5');
    await page.getByRole('button', { name: 'Save and return' }).click();
    await expect(summary).toBeFocused();
    const durationError = summary.getByRole('link', { name: /Visit duration minutes is not valid/ });
    await expect(durationError).toHaveAttribute('href', '#visitDurationMinutes');
    await expect(page.locator('#visitDurationMinutes-error')).toContainText('Visit duration minutes is not valid');
    await expect(page.getByLabel('How often do visits happen?')).toHaveValue('Twice daily, reducing to daily');
    await expect(page.getByLabel('How long does each visit last?')).toHaveValue('-5');
    await expectNoAxeViolations(page);
    await screenshot(page, 'visits-form-server-error');
  });

  test('a save from a stale copy says someone else saved first, keeps what was typed, and saves when tried again', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const session = await signInAs('priya.practitioner');
    const person = await createPerson(session.token, 'Ivy', `Ivy ${unique('Lane')}`);
    const plan = await createDraftPlan(session.token, person);
    await signInPage(page, session);

    await page.goto(`/plans/${plan.id}/edit/worker`);
    await page.getByLabel('What will the reablement worker do during visits?').fill('Prompt Ivy to plan each meal and stand by while she cooks');

    // Meanwhile, a colleague saves the same plan.
    const other = await signInAs('morgan.manager');
    const changed = await graphql(other.token, `mutation($id: ID!, $rev: Int!) { updatePlan(id: $id, expectedRevision: $rev, input: { reviewFrequency: "Weekly" }) { revision } }`, {
      id: plan.id,
      rev: plan.revision,
    });
    expect(changed.errors, JSON.stringify(changed.errors)).toBeUndefined();

    await page.getByRole('button', { name: 'Save and return' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Someone else saved this plan after you opened this page');
    await expect(page.getByLabel('What will the reablement worker do during visits?')).toHaveValue('Prompt Ivy to plan each meal and stand by while she cooks');
    await screenshot(page, 'plan-conflict');

    await page.getByRole('button', { name: 'Save and return' }).click();
    await expect(page).toHaveURL(new RegExp(`/plans/${plan.id}/edit$`));
    await expect(page.getByRole('alert')).toContainText('What the worker does: saved');
    const saved = await must<{ node: { workerTasks: string; reviewFrequency: string } }>(
      session.token,
      `query($id: ID!) { node(id: $id) { ... on Plan { workerTasks reviewFrequency } } }`,
      { id: plan.id },
    );
    expect(saved.node).toEqual({ workerTasks: 'Prompt Ivy to plan each meal and stand by while she cooks', reviewFrequency: 'Weekly' });
  });
});

test('a practitioner changes and deletes parts of a draft, and answers the other R1 parts', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const session = await signInAs('priya.practitioner');
  const person = await createPerson(session.token, 'June', `June ${unique('Carter')}`);
  const plan = await createDraftPlan(session.token, person);
  await fillDraftPlan(session.token, plan.id);
  await signInPage(page, session);

  await page.goto(`/plans/${plan.id}/edit/outcomes`);
  await page.getByRole('link', { name: 'Change outcome 1' }).click();
  const statement = page.getByLabel('What does the person want to achieve, change or keep the same?');
  await expect(statement).toHaveValue('I want to walk to the corner shop on my own');
  await statement.fill('I want to walk to the corner shop and back on my own');
  await page.getByLabel('How far is it achieved?').selectOption({ label: 'In progress' });
  await page.getByRole('button', { name: 'Save the outcome' }).click();
  await expect(page.getByRole('alert')).toContainText('Outcome saved');
  await expect(page.getByRole('heading', { name: /I want to walk to the corner shop and back on my own/ })).toBeVisible();

  await page.getByRole('link', { name: 'Delete step 3 of outcome 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Are you sure you want to delete this step?' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete the step' }).click();
  await expect(page.getByRole('alert')).toContainText('Step deleted');
  await expect(page.getByText('1 of 2 steps done, 1 in progress')).toBeVisible();

  await page.goto(`/plans/${plan.id}/edit/risks`);
  await page.getByRole('link', { name: 'Delete contingency 1' }).click();
  await page.getByRole('button', { name: 'Delete the contingency' }).click();
  await expect(page.getByRole('alert')).toContainText('Contingency deleted');
  await expect(page.getByText('Contingency needed')).toBeVisible();
  await page.getByRole('link', { name: 'Delete risk: Steep steps to the front door' }).click();
  await page.getByRole('button', { name: 'Delete the risk' }).click();
  await expect(page.getByRole('alert')).toContainText('Risk deleted');
  await expect(page.getByRole('region', { name: /Risks to the worker/ })).toContainText('None recorded.');

  await page.goto(`/plans/${plan.id}/edit`);
  await page.getByRole('link', { name: 'Other support' }).click();
  await page.getByLabel('No other support').check();
  await page.getByRole('button', { name: 'Save and return' }).click();
  await expect(page.getByRole('alert')).toContainText('Other support: saved');
  await page.getByRole('link', { name: 'Review arrangements' }).click();
  await page.getByLabel('How often will the plan be reviewed?').fill('At three weeks, then at the end');
  await page.getByLabel('Who is responsible for making reviews happen?').selectOption({ label: 'Priya Shah, Occupational therapist' });
  await page.getByRole('button', { name: 'Save and return' }).click();
  await expect(page.getByRole('alert')).toContainText('Review arrangements: saved');
  await expect(page.locator('#plan-tasks-5-status')).toHaveText('Completed');
  await expect(page.locator('#plan-tasks-6-status')).toHaveText('Completed');

  await page.goto(`/plans/${plan.id}`);
  const r1 = page.getByRole('region', { name: 'What the plan covers' });
  await expect(r1).toContainText('No other support');
  await expect(r1).toContainText('Responsible: Priya Shah');
});

test('the caseload filters by plan status and by flag, and loads more people', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInPage(page, await signInAs('priya.practitioner'));
  await page.goto('/caseload');
  await expect(page.getByRole('status')).toHaveText(/^Showing 25 of \d+ people\.$/);
  await page.getByRole('button', { name: /^Load \d+ more people$/ }).click();
  await expect(page.getByRole('status')).toHaveText(/^Showing 50 of \d+ people\.$/);

  await page.getByLabel('Plan status').selectOption({ label: 'Active' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=ACTIVE/);
  await expect(page.locator('tbody tr').first()).toContainText('Active');
  const planCells = await page.locator('tbody tr td:nth-of-type(1)').allInnerTexts();
  expect(planCells.length).toBeGreaterThan(0);
  for (const cell of planCells) expect(cell).toContain('Active');

  await page.getByLabel('Autism').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/flag=autism/);
  const flagCells = await page.locator('tbody tr td:nth-of-type(3)').allInnerTexts();
  for (const cell of flagCells) expect(cell).toContain('Autism');
});

test('a new referral is added, a need recorded and chosen for the draft plan (R1 a)', async ({ page }) => {
  const practitioner = await signInAs('priya.practitioner');
  const legalName = unique('Dora Finch');
  await signInPage(page, practitioner);
  await page.goto('/caseload');
  await page.getByRole('button', { name: 'Add a person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();
  await page.getByRole('button', { name: 'Add the person' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter their full name');
  await page.getByLabel('Full name').fill(legalName);
  await page.getByLabel('The name they like to be called').fill('Dora');
  await page.getByLabel('Day').fill('3');
  await page.getByLabel('Month').fill('4');
  await page.getByLabel('Year').fill('1938');
  await page.getByLabel('Who referred them (optional)').fill('Ward 7, Kentmere General');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add the person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dora' })).toBeVisible();

  await expect(page.getByRole('region', { name: 'Needs' })).toContainText('No needs recorded yet.');
  await page.getByText('Record a need').click();
  await page.getByRole('button', { name: 'Record the need' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the area of daily life');
  await page.getByLabel('Area of daily life').fill('Washing and dressing');
  await page.getByLabel('The need', { exact: true }).fill('Cannot manage buttons since the stroke');
  await page.getByRole('radio', { name: 'Reduce it' }).check();
  await page.getByLabel("The person's view, in their words").fill('I want to dress myself again');
  await page.getByRole('button', { name: 'Record the need' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Need recorded: Washing and dressing' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Needs' })).toContainText('Washing and dressing');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Create a draft plan' }).click();
  await expect(page).toHaveURL(/\/plans\/PL[0-9A-Z]+\/edit$/);
  await page.getByRole('link', { name: /Needs addressed/ }).click();
  await page.getByRole('checkbox', { name: /Washing and dressing/ }).check();
  await page.getByRole('button', { name: 'Save and return' }).click();
  await expect(page.getByText('1 chosen')).toBeVisible();
});
