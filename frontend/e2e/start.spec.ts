import type { Page } from '@playwright/test';
import { addInvolvement, must, nearlyReadyDraft, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test, widths } from './fixtures';

/**
 * Starting reablement in the web app (issue 12 item 3, the second half of
 * the second "Done when"): from an agreed plan, the practitioner chooses the
 * service and a trained worker (shown why they match, R32), makes the visit
 * schedule (R10) and moves one visit, records the environment assessment
 * (R31); the registered manager confirms the risk with a check-your-answers
 * step; the practitioner commences; the worker sees the visit on Today.
 * Every new screen passes axe at 1280 and 320 px.
 */

let practitioner: Session;

test.beforeAll(async () => {
  practitioner = await signInAs('priya.practitioner');
});

/** axe at each width the issue names, then back to the desktop width. */
async function axeAtEveryWidth(page: Page, name: string): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
    if (width === 320) await expectNoHorizontalScroll(page);
    await screenshot(page, name);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the practitioner starts reablement, the registered manager confirms the risk, and the worker sees the visits on Today', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const name = `Beatrix${Date.now().toString(36).slice(-4)}`;
  const { planId, personId } = await nearlyReadyDraft(practitioner.token, name);
  await addInvolvement(practitioner.token, planId, `${name} Holloway`);
  await must(practitioner.token, `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`, {
    id: personId,
    input: { autism: true, address: '3 Fellside Cottages, Kentmere', postcode: 'LA8 9JP' },
  });
  const risk = `Dog in the kitchen ${Date.now().toString(36).slice(-4)}`;
  await must(practitioner.token, `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, {
    input: { planID: planId, kind: 'TO_WORKER', category: 'HOME_ENVIRONMENT', description: risk, strategy: 'Dog shut in the garden before visits', environmentAssessmentRequired: true },
  });

  // Agree the draft in the browser.
  await signInPage(page, practitioner);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/plans/${planId}/agree`);
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  await expect(page.getByText('The plan is agreed')).toBeVisible();

  // Start reablement: everything missing at once, each a link to its page.
  await page.getByRole('button', { name: 'Start reablement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start reablement' })).toBeVisible();
  const missing = page.getByRole('list', { name: 'Still missing' });
  await expect(missing.getByRole('link')).toHaveCount(4);
  await expect(missing).toContainText('Do the environment risk assessment first');
  await expect(missing).toContainText('Choose the reablement service');
  await expect(page.getByRole('button', { name: 'Commence reablement' })).toHaveCount(0);
  await axeAtEveryWidth(page, 'start-missing');

  // The planned end moves before commencement, with a reason (R9).
  await page.getByRole('link', { name: 'Change the planned end' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Move the planned end' })).toBeVisible();
  await axeAtEveryWidth(page, 'start-planned-end');
  const end = new Date(Date.now() + 28 * 86400_000);
  await page.getByLabel('Day').fill(String(end.getUTCDate()));
  await page.getByLabel('Month').fill(String(end.getUTCMonth() + 1));
  await page.getByLabel('Year').fill(String(end.getUTCFullYear()));
  await page.getByRole('button', { name: 'Move the planned end' }).click();
  await expect(page.getByRole('alert')).toContainText('Say why the planned end moves');
  await page.getByLabel('Why does it move?').fill(`${name} expects to be walking to the shop in four weeks`);
  await page.getByRole('button', { name: 'Move the planned end' }).click();
  await expect(page.getByText('The planned end is moved')).toBeVisible();

  // The service and a trained worker, shown why they match (R32).
  await missing.getByRole('link', { name: /Choose the workers/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose the service and workers' })).toBeVisible();
  await page.getByRole('radio', { name: 'Reablement North' }).check();
  const wes = page.getByRole('checkbox', { name: /Wes Adeyemi/ });
  await expect(wes).toBeEnabled();
  await expect(wes).toHaveAccessibleDescription(new RegExp(`Has autism training, which ${name} needs`));
  await expect(page.getByRole('list', { name: 'Workers of Reablement North without the training' })).toContainText(`Lacks the autism training ${name} needs.`);
  await axeAtEveryWidth(page, 'start-service');
  await wes.check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('The service and workers are chosen')).toBeVisible();

  // The schedule from the agreed frequency (R10), then one visit moved.
  await expect(page.getByRole('heading', { level: 1, name: 'Visits' })).toBeVisible();
  await page.getByRole('button', { name: 'Make the visit schedule' }).click();
  await expect(page.getByRole('button', { name: 'Make the visit schedule' })).toHaveCount(0);
  await expect(page.getByText(/\d+ visits/).first()).toBeVisible();
  await axeAtEveryWidth(page, 'start-visits');
  await page.getByRole('link', { name: /Move or cancel/ }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: /Move or cancel the visit/ })).toBeVisible();
  await axeAtEveryWidth(page, 'start-visit-change');
  await page.getByLabel('Time').fill('14:30');
  await page.getByRole('button', { name: 'Move the visit' }).click();
  await expect(page.getByText('The visit is moved')).toBeVisible();
  await expect(page.getByText(/2:30pm/).first()).toBeVisible();

  // The environment risk assessment (R31).
  await page.goto(`/plans/${planId}/commence`);
  await page.getByRole('link', { name: /Do the environment risk assessment first/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risks to the worker' })).toBeVisible();
  await axeAtEveryWidth(page, 'start-worker-risks');
  await page.getByLabel('What the assessment found and what was put in place').fill('Dog is friendly but jumps up; family will shut it in the garden before each visit');
  await page.getByRole('button', { name: 'Record the assessment' }).click();
  await expect(page.getByText(/Done .*Dog is friendly/)).toBeVisible();
  await expect(page.getByText('Waiting for the registered manager')).toBeVisible();

  // The registered manager confirms the risk, saying what was checked, with a confirmation step.
  const rita = await signInAs('rita.registered');
  const ritaContext = await browser.newContext();
  const ritaPage = await ritaContext.newPage();
  await signInPage(ritaPage, rita);
  await ritaPage.setViewportSize({ width: 1280, height: 900 });
  await ritaPage.goto('/due');
  const toConfirm = ritaPage.getByRole('region', { name: /Risks to workers to confirm/ });
  await toConfirm.getByRole('listitem').filter({ hasText: risk }).getByRole('link').click();
  await expect(ritaPage.getByRole('heading', { level: 1, name: 'Confirm a risk to the worker is mitigated' })).toBeVisible();
  await ritaPage.getByRole('button', { name: 'Continue' }).click();
  await expect(ritaPage.getByRole('alert')).toContainText('Say what you checked');
  await axeAtEveryWidth(ritaPage, 'confirm-risk');
  await ritaPage.getByLabel('What did you check?').fill('Spoke to the daughter; the garden gate latches; workers told to ring first');
  await ritaPage.getByRole('button', { name: 'Continue' }).click();
  await expect(ritaPage.getByRole('heading', { level: 1, name: 'Check your answers before confirming' })).toBeVisible();
  await expect(ritaPage.getByText('Spoke to the daughter')).toBeVisible();
  await axeAtEveryWidth(ritaPage, 'confirm-risk-check');
  await ritaPage.getByRole('button', { name: 'Confirm the risk is mitigated' }).click();
  await expect(ritaPage.getByText(`The risk to the worker is confirmed for ${name}`)).toBeVisible();
  await expect(toConfirm).not.toContainText(risk);
  await ritaContext.close();

  // Back as the practitioner: nothing is missing; commence.
  await page.goto(`/plans/${planId}/commence`);
  await expect(page.getByRole('list', { name: 'Still missing' })).toHaveCount(0);
  await axeAtEveryWidth(page, 'start-ready');
  await page.getByRole('button', { name: 'Commence reablement' }).click();
  await expect(page.getByText('Reablement has commenced')).toBeVisible();

  // The worker sees today's visit.
  const worker = await signInAs('wes.worker');
  const wesContext = await browser.newContext();
  const wesPage = await wesContext.newPage();
  await signInPage(wesPage, worker);
  await wesPage.goto('/today');
  await expect(wesPage.getByText(new RegExp(name)).first()).toBeVisible();
  await wesContext.close();
});
