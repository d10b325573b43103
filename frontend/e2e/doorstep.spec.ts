import type { CDPSession, Page } from '@playwright/test';
import { must, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test } from './fixtures';

/**
 * The doorstep (issue 13): what the worker records on a 390×844 phone comes
 * back to the practitioner, who closes the concern with what was done; the
 * next visit shows the handover; Today is a compact list with tap targets
 * of 44 px at least; routes a worker cannot use are not reachable; unsent
 * records survive sign-out for their author only; the first usable Today on
 * slow 3G is measured.
 */

const phone = { width: 390, height: 844 };

interface DayVisit {
  id: string;
  status: string;
  startsAt: string;
  revision: number;
  plan: {
    id: string;
    person: { preferredName: string | null };
    risks: Array<{ kind: string | null }> | null;
    outcomes: { edges: Array<{ node: { id: string; steps: Array<{ id: string; description: string | null; status: string | null }> | null } | null } | null> | null } | null;
  };
}

const dayQuery = `query {
  myVisits {
    id status startsAt revision
    plan { id person { preferredName } risks { kind } outcomes(first: 100) { edges { node { id steps { id description status } } } } }
  }
}`;

async function myVisits(worker: Session): Promise<DayVisit[]> {
  return (await must<{ myVisits: DayVisit[] }>(worker.token, dayQuery)).myVisits;
}

/** Visits without a risk to the worker first: today.spec.ts records those with one. */
const byNoWorkerRisk = (a: DayVisit, b: DayVisit) => Number(hasWorkerRisk(a)) - Number(hasWorkerRisk(b));
const hasWorkerRisk = (v: DayVisit) => (v.plan.risks ?? []).some((r) => r.kind === 'TO_WORKER');

const stepsOf = (v: DayVisit) => (v.plan.outcomes?.edges ?? []).flatMap((edge) => edge?.node?.steps ?? []);

/** A morning and a later visit to the same person today, both still to do, with a step to work on. */
function morningAndAfternoon(visits: DayVisit[]): [DayVisit, DayVisit] {
  const open = visits.filter((v) => v.status === 'SCHEDULED').sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const first of [...open].sort(byNoWorkerRisk)) {
    const later = open.find((v) => v.plan.id === first.plan.id && Date.parse(v.startsAt) > Date.parse(first.startsAt));
    if (later && stepsOf(first).some((s) => s.status !== 'DONE')) return [first, later];
  }
  throw new Error('e2e: wes.worker has no person with two visits still to do today and a step to work on');
}

/** "9:30am" as the app writes a time. */
function clock(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' }).formatToParts(new Date(instant));
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const period = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase().replaceAll('.', '').replaceAll(' ', '');
  return `${hour}${minute === '00' ? '' : `:${minute}`}${period}`;
}

/** HH:MM in Europe/London, `minutes` ago (never before midnight). */
function minutesAgo(minutes: number): string {
  const now = Date.now();
  const day = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(t));
  let t = now - minutes * 60_000;
  while (day(t) !== day(now)) t += 60_000;
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' }).format(new Date(t));
}

/** Every visible tap target on the page smaller than 44×44 px (the footer's inline links aside). */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary')].flatMap((el) => {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === 'hidden' || el.closest('.govuk-footer')) return [];
      if (box.width >= 44 && box.height >= 44) return [];
      return [`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`];
    }),
  );
}

/** Signs out from the service navigation, opening its menu first where a phone folds it away. */
async function clickSignOut(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: /^Sign out/ }).click();
}

test('the morning record on a weak signal reaches the practitioner, who closes the health concern with what was done; the afternoon visit shows the handover', async ({ page, browser }) => {
  await page.setViewportSize(phone);
  const worker = await signInAs('wes.worker');
  const [morning, afternoon] = morningAndAfternoon(await myVisits(worker));
  const name = morning.plan.person.preferredName ?? '';
  const step = stepsOf(morning).find((s) => s.status !== 'DONE');
  if (!step) throw new Error('e2e: no step to work on');
  await signInPage(page, worker);

  await page.goto('/today');
  await expect(page.getByRole('heading', { level: 1, name: "Today's visits" })).toBeVisible();
  const links = page.locator('a.app-visit-list__link');
  await expect(links.first()).toBeVisible();
  const count = await links.count();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`Today at 390×844: ${count} visits, ${height}px tall (${(height / phone.height).toFixed(2)} screens)`);
  expect(height, `Today for ${count} visits`).toBeLessThanOrEqual(2 * phone.height);
  expect(await smallTapTargets(page), 'tap targets under 44×44 px on Today').toEqual([]);
  await screenshot(page, 'doorstep-today');

  // The morning visit, on a weak signal: every request fails while the browser says it is online.
  let failing = true;
  let sent = 0;
  await page.route('**/graphql', async (route) => {
    if (failing) return route.abort('internetdisconnected');
    if ((route.request().postData() ?? '').includes('"recordID"')) sent += 1;
    return route.continue();
  });
  await links.filter({ hasText: clock(morning.startsAt) }).filter({ hasText: name.split(' ')[0] ?? '' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  // The record form comes before the plan.
  const formTop = await page.locator('#record-visit').evaluate((el) => el.getBoundingClientRect().top);
  const planTop = await page.getByRole('heading', { name: 'The plan' }).evaluate((el) => el.getBoundingClientRect().top);
  expect(formTop).toBeLessThan(planTop);
  await page.getByLabel('Time you arrived').fill(minutesAgo(40));
  await page.getByRole('button', { name: 'Left now' }).click();
  await expect(page.getByLabel('Time you left')).not.toHaveValue('');
  await page.getByLabel('What was done').fill('Practised standing from the chair with the frame.');
  await page.locator(`#progress-${step.id}`).selectOption({ label: 'Done' });
  await page.getByLabel('Note for the next visit (optional)').fill('Breathless this morning: check her breathing first.');
  await page.getByRole('radio', { name: 'Health' }).check();
  await page.getByLabel('What did you see or hear?').fill('Breathless; lips a little blue.');
  expect(await smallTapTargets(page), 'tap targets under 44×44 px on the visit').toEqual([]);
  await page.getByRole('button', { name: 'Save the visit record' }).click();
  await expect(page.getByText('Waiting to send').first()).toBeVisible();

  // Requests succeed again: the record goes by itself, once, without a reload.
  failing = false;
  await expect(page.getByText('Your record of this visit has been sent.')).toBeVisible({ timeout: 40_000 });
  expect(sent).toBe(1);
  // Nothing said at the visit stays readable on the phone once sent.
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).not.toContain('lips a little blue');
  await page.unroute('**/graphql');

  // The practitioner the concern was routed to: it is on their due list.
  let practitioner: Session | null = null;
  for (const username of ['priya.practitioner', 'sam.practitioner']) {
    const session = await signInAs(username);
    const due = await must<{ dueList: { concerns: Array<{ id: string; kind: string; visit: { id: string } | null }> } }>(
      session.token,
      `{ dueList { concerns { id kind visit { id } } } }`,
    );
    const mine = due.dueList.concerns.filter((c) => c.visit?.id === morning.id);
    if (mine.length > 0) {
      expect(mine, 'the record was applied once').toHaveLength(1);
      expect(mine[0]?.kind).toBe('HEALTH');
      practitioner = session;
    }
  }
  if (!practitioner) throw new Error('the health concern reached no practitioner');
  // The step marked done at the visit is done in the plan.
  const stepNow = await must<{ node: { status: string } }>(practitioner.token, `query($id: ID!) { node(id: $id) { ... on OutcomeStep { status } } }`, { id: step.id });
  expect(stepNow.node.status).toBe('DONE');

  for (const width of [1280, 390]) {
    const office = await browser.newContext({ viewport: { width, height: 900 } });
    const desk = await office.newPage();
    await signInPage(desk, practitioner);
    await desk.goto('/due');
    const item = desk.locator('#concerns').locator('..').getByRole('listitem').filter({ hasText: 'lips a little blue' });
    await expect(item).toBeVisible();
    await expect(item).toContainText('Health concern');
    await expectNoAxeViolations(desk);
    await expectNoHorizontalScroll(desk);
    await screenshot(desk, 'doorstep-due');
    await item.getByRole('link', { name: /Record what was done/ }).click();
    await expect(desk.getByRole('heading', { level: 1, name: 'Record what was done and close the concern' })).toBeVisible();
    await expectNoAxeViolations(desk);
    await expectNoHorizontalScroll(desk);
    if (width === 390) {
      // Closed only with what was done recorded.
      await desk.getByRole('button', { name: 'Close the concern' }).click();
      await expect(desk.locator('.govuk-error-summary')).toContainText('Say what was done about the concern');
      await expectNoAxeViolations(desk);
      await desk.getByLabel('What was done about it?').fill('Rang her GP: seen the same afternoon, inhaler changed.');
      await desk.getByRole('button', { name: 'Close the concern' }).click();
      await expect(desk.getByText('The concern is closed and what was done is recorded.')).toBeVisible();
      await expect(desk.getByRole('listitem').filter({ hasText: 'lips a little blue' })).toHaveCount(0);
      await expectNoAxeViolations(desk);
    }
    await office.close();
  }

  // The practitioner sees who set the step and when, and can correct it.
  const outcomeID = (morning.plan.outcomes?.edges ?? []).find((edge) => (edge?.node?.steps ?? []).some((s) => s.id === step.id))?.node?.id;
  for (const width of [1280, 390]) {
    const office = await browser.newContext({ viewport: { width, height: 900 } });
    const desk = await office.newPage();
    await signInPage(desk, practitioner);
    await desk.goto(`/plans/${morning.plan.id}`);
    await desk.locator(`a[href="/plans/${morning.plan.id}/outcomes/${outcomeID}/progress"]`).click();
    await expect(desk.getByRole('heading', { level: 1, name: 'Progress from visits' })).toBeVisible();
    const section = desk.getByRole('region', { name: step.description ?? '' });
    await expect(section).toContainText(/Recorded by Wes Adeyemi at the visit on/);
    await expectNoAxeViolations(desk);
    await expectNoHorizontalScroll(desk);
    if (width === 390) {
      await section.getByRole('radio', { name: 'In progress' }).check();
      await section.getByRole('button', { name: /Correct the status/ }).click();
      await expect(section.getByText('The step is now in progress.')).toBeVisible();
      const corrected = await must<{ node: { status: string } }>(practitioner.token, `query($id: ID!) { node(id: $id) { ... on OutcomeStep { status } } }`, { id: step.id });
      expect(corrected.node.status).toBe('IN_PROGRESS');
      await expectNoAxeViolations(desk);
    }
    await office.close();
  }

  // The afternoon visit shows the morning's handover.
  await page.goto(`/today/visits/${afternoon.id}`);
  const handover = page.locator('.app-handover');
  await expect(handover).toContainText('Note from the last visit');
  await expect(handover).toContainText('Breathless this morning: check her breathing first.');
  await expectNoAxeViolations(page);
  await screenshot(page, 'doorstep-afternoon');
});

test('a worker cannot reach the due list, the caseload or the audit log by typing their address', async ({ page }) => {
  await page.setViewportSize(phone);
  await signInPage(page, await signInAs('wes.worker'));
  for (const path of ['/due', '/caseload', '/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not available' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to your home page' })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Go to your home page' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Due' })).toHaveCount(0);
});

test("tomorrow and the week are a tap away, and pass axe at 390 and 1280 px", async ({ page }) => {
  await signInPage(page, await signInAs('wes.worker'));
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto('/today');
    await page.getByRole('link', { name: 'Tomorrow' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tomorrow' })).toBeVisible();
    await expect(page.locator('.app-visit-list__link').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'This week' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
    await expect(page.locator('.app-visit-list__link').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    if (width === 390) expect(await smallTapTargets(page)).toEqual([]);
  }
});

test("unsent records survive sign-out locked for their author, unreadable to the next person on the phone, and are sent at the author's next sign-in", async ({ page, context }) => {
  await page.setViewportSize(phone);
  const worker = await signInAs('wes.worker');
  const target = (await myVisits(worker)).filter((v) => v.status === 'SCHEDULED').sort(byNoWorkerRisk)[0];
  if (!target) throw new Error('e2e: wes.worker has no visit still to do today');
  await page.goto('/sign-in');
  await page.locator('input[value="wes.worker"]').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await page.goto(`/today/visits/${target.id}`);
  await expect(page.getByLabel('Time you arrived')).toBeVisible();
  await context.setOffline(true);
  await page.getByLabel('Time you arrived').fill(minutesAgo(30));
  await page.getByLabel('Time you left').fill(minutesAgo(5));
  await page.getByLabel('What was done').fill('Walked to the post box and back; very pleased.');
  await page.getByRole('button', { name: 'Save the visit record' }).click();
  await expect(page.getByText('Waiting to send').first()).toBeVisible();

  await clickSignOut(page);
  await expect(page.locator('.govuk-warning-text')).toContainText('1 visit record has not been sent.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 30_000 });
  // Kept, but locked: nothing the worker wrote is readable on the phone.
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).not.toContain('post box');
  expect(stored).toContain('reablement.sealedVisitRecords');
  await context.setOffline(false);

  // Someone else signs in on the same phone: the record is neither shown nor sent.
  await page.locator('input[value="priya.practitioner"]').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('post box');
  const before = (await myVisits(worker)).find((v) => v.id === target.id);
  expect(before?.status).toBe('SCHEDULED');
  await clickSignOut(page);
  await expect(page).toHaveURL(/\/sign-in/);

  // The author signs in again: the record is opened and sent by itself.
  await page.locator('input[value="wes.worker"]').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await expect.poll(async () => (await myVisits(worker)).find((v) => v.id === target.id)?.status, { timeout: 30_000 }).toBe('COMPLETED');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('post box');
});

test("the worker's first usable Today on slow 3G (400 kbps, 400 ms) is measured", async ({ browser }) => {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await signInPage(page, await signInAs('wes.worker'));
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 });
  const started = Date.now();
  await page.goto('/today', { waitUntil: 'commit' });
  await expect(page.locator('a.app-visit-list__link').first()).toBeVisible({ timeout: 60_000 });
  const elapsed = Date.now() - started;
  const bytes = await page.evaluate(() => performance.getEntriesByType('resource').reduce((sum, e) => sum + ((e as PerformanceResourceTiming).transferSize || 0), 0));
  console.log(`First usable Today on slow 3G (400 kbps down, 400 ms RTT): ${(elapsed / 1000).toFixed(1)} s, ${Math.round(bytes / 1024)} KiB transferred after the document`);
  expect(elapsed).toBeLessThan(10_000);
  await context.close();
});
