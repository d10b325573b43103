import type { BrowserContext, Page } from '@playwright/test';
import { must, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test } from './fixtures';

/**
 * The worker's phone (issue 6): today's visits with the risks to the worker
 * first, opening with no signal, a visit recorded offline and sent once when
 * the signal comes back; and the phone screens at 390px and 320px.
 */

const phone = { width: 390, height: 844 };

interface VisitSummary {
  id: string;
  status: string;
  startsAt: string;
  revision: number;
  arrivedAt: string | null;
  departedAt: string | null;
  notes: string | null;
  progress: Array<{ id: string; stepID: string | null; stepStatus: string | null }> | null;
  plan: {
    person: { preferredName: string | null };
    risks: Array<{ kind: string | null; description: string | null }> | null;
    outcomes: { edges: Array<{ node: { steps: Array<{ id: string; status: string | null }> | null } | null } | null> | null } | null;
  };
}

const visitsQuery = `query {
  myVisits {
    id status startsAt revision arrivedAt departedAt notes
    progress { id stepID stepStatus }
    plan {
      person { preferredName }
      risks { kind description }
      outcomes(first: 100) { edges { node { steps { id status } } } }
    }
  }
}`;

async function myVisits(worker: Session): Promise<VisitSummary[]> {
  return (await must<{ myVisits: VisitSummary[] }>(worker.token, visitsQuery)).myVisits;
}

/** A scheduled visit today with a risk to the worker and a step still to do: the one to record. */
function visitToRecord(visits: VisitSummary[]): VisitSummary {
  const visit = visits.find(
    (v) =>
      v.status === 'SCHEDULED' &&
      (v.plan.risks ?? []).some((risk) => risk.kind === 'TO_WORKER') &&
      (v.plan.outcomes?.edges ?? []).some((edge) => (edge?.node?.steps ?? []).some((step) => step.status !== 'DONE')),
  );
  if (!visit) throw new Error('e2e: wes.worker has no scheduled visit today with a risk to the worker and a step to work on');
  return visit;
}

/** The visit's time as the app writes it: "9:30am". */
function timeOf(visit: VisitSummary): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' }).formatToParts(new Date(visit.startsAt));
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const period = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase().replaceAll('.', '').replaceAll(' ', '');
  return `${hour}${minute === '00' ? '' : `:${minute}`}${period}`;
}

/** The visit's line on Today: one link with its time and the person's first name (issue 13). */
function visitLink(page: Page, visit: VisitSummary) {
  return page
    .locator('a.app-visit-list__link')
    .filter({ hasText: timeOf(visit) })
    .filter({ hasText: (visit.plan.person.preferredName ?? '').split(' ')[0] ?? '' })
    .first();
}

/**
 * Times for a visit record that has already happened today: the server
 * refuses a visit recorded as ending in the future (issue 11). HH:MM in
 * Europe/London, as the form takes them, `arrive` and `leave` minutes ago
 * (never before midnight).
 */
function pastTimes(arrive: number, leave: number): { arrived: string; left: string; arrivedISO: string; leftISO: string } {
  const now = Date.now();
  const londonDay = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(t));
  let a = now - arrive * 60_000;
  while (londonDay(a) !== londonDay(now)) a += 60_000; // just after midnight: squeeze it into today
  const l = Math.max(now - leave * 60_000, a + 60_000);
  const hhmm = (t: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' }).format(new Date(t));
  return { arrived: hhmm(a), left: hhmm(l), arrivedISO: new Date(a).toISOString(), leftISO: new Date(l).toISOString() };
}

/** Waits until the service worker is active and Graphcache has written its offline copy. */
async function waitUntilReadyOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const open = indexedDB.open('reablement-cache');
              open.onerror = () => resolve('');
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('entries')) return resolve('');
                const all = db.transaction('entries').objectStore('entries').getAll();
                all.onsuccess = () => resolve(JSON.stringify(all.result));
                all.onerror = () => resolve('');
              };
            }),
        ),
      { message: "Graphcache stores today's visits in IndexedDB" },
    )
    .toMatch(/Query\.myVisits/);
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
}

test.describe("a worker's day on the phone", () => {
  test('sees today with the risks to them first, opens it with no signal, records a visit offline, and it reaches the server once', async ({ page, context }) => {
    await page.setViewportSize(phone);
    const worker = await signInAs('wes.worker');
    const target = visitToRecord(await myVisits(worker));

    // Sign in as a worker: today's visits are home.
    await page.goto('/sign-in');
    await page.locator('input[value="wes.worker"]').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole('heading', { level: 1, name: "Today's visits" })).toBeVisible();

    const card = visitLink(page, target);
    await expect(card).toBeVisible();
    // The risk to the worker is on the visit's line of the compact list.
    await expect(card).toContainText('Risk to you');
    const titles = await page.locator('.app-visit-list__time').allInnerTexts();
    expect(titles.length).toBeGreaterThan(1);

    await waitUntilReadyOffline(page);
    await screenshot(page, 'today-online');

    // No signal: the app still opens, from the service worker and the stored cache.
    await goOffline(context, page);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: "Today's visits" })).toBeVisible();
    await expect(page.getByText('You are offline.')).toBeVisible();
    await expect(card).toBeVisible();
    await expect(card).toContainText('Risk to you');

    // A cold start with no signal (the browser closed and opened again): the
    // session and the day are still on the phone.
    const reopened = await context.newPage();
    await reopened.goto('/today');
    await expect(reopened.getByRole('heading', { level: 1, name: "Today's visits" })).toBeVisible();
    await expect(reopened.locator('.app-visit-list__link').first()).toBeVisible();
    await reopened.close();

    // Record the visit with no signal.
    await card.click();
    await expect(page.getByRole('heading', { level: 1, name: target.plan.person.preferredName ?? '' })).toBeVisible();
    const times = pastTimes(50, 5);
    await page.getByLabel('Time you arrived').fill(times.arrived);
    await page.getByLabel('Time you left').fill(times.left);
    await page.getByLabel('What was done').fill('Made a hot drink together; practised the steps with the frame.');
    const progress = page.locator('select[id^="progress-"]').first();
    const stepID = (await progress.getAttribute('id'))?.replace(/^progress-/, '');
    await progress.selectOption({ label: 'Done' });
    await page.getByRole('button', { name: 'Save the visit record' }).click();
    await expect(page.getByText('Waiting to send').first()).toBeVisible();
    await expect(page.getByText('It will be sent automatically when you have signal')).toBeVisible();
    await screenshot(page, 'visit-waiting');

    await page.getByRole('link', { name: "Today's visits" }).first().click();
    await expect(card.getByText('Waiting to send')).toBeVisible();
    await expect(page.getByText('1 visit record is waiting to send.')).toBeVisible();

    // Signing out now would lose the record: the app warns first, and staying keeps it.
    await page.getByRole('button', { name: /^Sign out/ }).click();
    await expect(page).toHaveURL(/\/sign-out$/);
    await expect(page.locator('.govuk-warning-text')).toContainText('1 visit record has not been sent.');
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(page).toHaveURL(/\/today$/);

    // Nothing reached the server while offline.
    const before = (await myVisits(worker)).find((v) => v.id === target.id);
    expect(before?.status).toBe('SCHEDULED');

    // Signal again: the record goes by itself, and says so.
    await context.setOffline(false);
    await expect(card.getByText('Sent', { exact: true })).toBeVisible({ timeout: 15_000 });
    await screenshot(page, 'today-sent');

    // A reload sends nothing again (start-up flushes only waiting records).
    await page.reload();
    await expect(card.getByText('Sent', { exact: true })).toBeVisible();

    const after = (await myVisits(worker)).find((v) => v.id === target.id);
    expect(after?.status).toBe('COMPLETED');
    expect(after?.notes).toBe('Made a hot drink together; practised the steps with the frame.');
    expect(after?.revision).toBe(target.revision + 1);
    expect(after?.progress ?? []).toHaveLength(1);
    expect(after?.progress?.[0]).toMatchObject({ stepID, stepStatus: 'DONE' });
    // The step marked done at the visit is done in the plan itself (issue 13).
    const planSteps = (after?.plan.outcomes?.edges ?? []).flatMap((edge) => edge?.node?.steps ?? []);
    expect(planSteps.find((step) => step.id === stepID)?.status).toBe('DONE');
  });

  test('a record whose answer is lost is sent again, by itself or when asked, and applied once', async ({ page }) => {
    await page.setViewportSize(phone);
    const worker = await signInAs('wes.worker');
    const target = visitToRecord(await myVisits(worker));
    await signInPage(page, worker);

    // The first recordVisit reaches the server, but its answer never comes back.
    let recordRequests = 0;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('"recordID"')) return route.continue();
      recordRequests += 1;
      if (recordRequests === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });

    await page.goto('/today');
    const card = visitLink(page, target);
    await card.click();
    const times = pastTimes(40, 10);
    await page.getByLabel('Time you arrived').fill(times.arrived);
    await page.getByLabel('Time you left').fill(times.left);
    await page.getByLabel('What was done').fill('Walked to the gate.');
    await page.locator('select[id^="progress-"]').first().selectOption({ label: 'In progress' });
    await page.getByRole('button', { name: 'Save the visit record' }).click();
    await expect(page.getByText('Waiting to send').first()).toBeVisible();

    // The phone tries again by itself after a few seconds; the worker may also ask.
    await page.getByRole('button', { name: 'Try sending now' }).click({ timeout: 3_000 }).catch(() => undefined);
    await expect(page.getByRole('alert').filter({ hasText: 'Your record of this visit has been sent.' })).toBeVisible({ timeout: 20_000 });
    expect(recordRequests).toBe(2);

    const after = (await myVisits(worker)).find((v) => v.id === target.id);
    expect(after?.status).toBe('COMPLETED');
    expect(after?.progress ?? []).toHaveLength(1);
  });
});

test('on a weak signal (the browser says online, requests fail) the app says so, and a record is sent once requests succeed, without a reload', async ({ page }) => {
  await page.setViewportSize(phone);
  const worker = await signInAs('wes.worker');
  const target = visitToRecord(await myVisits(worker));
  await signInPage(page, worker);
  await page.goto('/today');
  const card = visitLink(page, target);
  await expect(card).toBeVisible();

  // Every request now fails, though navigator.onLine stays true.
  let failing = true;
  let recordRequests = 0;
  await page.route('**/graphql', async (route) => {
    if ((route.request().postData() ?? '').includes('"recordID"')) recordRequests += 1;
    return failing ? route.abort('internetdisconnected') : route.continue();
  });
  await card.click();
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  const times = pastTimes(45, 5);
  await page.getByLabel('Time you arrived').fill(times.arrived);
  await page.getByLabel('Time you left').fill(times.left);
  await page.getByLabel('What was done').fill('Practised getting in and out of the chair.');
  await page.getByRole('button', { name: 'Save the visit record' }).click();
  await expect(page.getByText('Waiting to send').first()).toBeVisible();
  await expect(page.getByText('You are offline.')).toBeVisible();
  // It keeps trying by itself while requests fail.
  await expect.poll(() => recordRequests, { timeout: 15_000 }).toBeGreaterThan(1);

  failing = false;
  await expect(page.getByText('Sent', { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('You are offline.')).toBeHidden();
  const after = (await myVisits(worker)).find((v) => v.id === target.id);
  expect(after?.status).toBe('COMPLETED');
  expect(after?.notes).toBe('Practised getting in and out of the chair.');
});

test('a record made from an out-of-date copy of the visit is kept and the worker told plainly', async ({ page }) => {
  await page.setViewportSize(phone);
  const worker = await signInAs('wes.worker');
  const target = visitToRecord(await myVisits(worker));
  await signInPage(page, worker);
  await page.goto('/today');
  const card = visitLink(page, target);
  await card.click();
  const times = pastTimes(30, 3);
  await page.getByLabel('Time you arrived').fill(times.arrived);
  await page.getByLabel('Time you left').fill(times.left);
  await page.getByLabel('What was done').fill('Practised with the frame.');

  // Meanwhile the visit is recorded from another copy.
  await must(worker.token, `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`, {
    input: {
      recordID: `other-${Date.now()}`,
      visitID: target.id,
      expectedRevision: target.revision,
      arrivedAt: pastTimes(25, 5).arrivedISO,
      departedAt: pastTimes(25, 5).leftISO,
      notes: 'Recorded from the office',
    },
  });

  await page.getByRole('button', { name: 'Save the visit record' }).click();
  await expect(page.getByRole('alert')).toContainText('Someone else changed this visit');
  await expect(page.getByText('Practised with the frame.')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'visit-conflict');

  await page.getByRole('link', { name: "Today's visits" }).first().click();
  await expect(card.getByText('Not sent: visit changed')).toBeVisible();
  const stored = await page.evaluate(() => localStorage.getItem('reablement.visitRecords'));
  expect(JSON.parse(stored ?? '[]')).toEqual([expect.objectContaining({ visitID: target.id, status: 'conflict' })]);
  const after = (await myVisits(worker)).find((v) => v.id === target.id);
  expect(after?.notes).toBe('Recorded from the office');
});

for (const width of [390, 320]) {
  test(`the Today and visit screens are accessible and do not scroll sideways at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    const worker = await signInAs('wes.worker');
    const visits = await myVisits(worker);
    const visit = visits.find((v) => v.status === 'SCHEDULED') ?? visits[0];
    if (!visit) throw new Error('e2e: wes.worker has no visits today');
    await signInPage(page, worker);

    await page.goto('/today');
    await expect(page.getByRole('heading', { level: 1, name: "Today's visits" })).toBeVisible();
    await expect(page.locator('.app-visit-list__link').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'today');

    await page.goto(`/today/visits/${visit.id}`);
    await expect(page.getByRole('heading', { level: 1, name: visit.plan.person.preferredName ?? '' })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'visit');

    // The form's errors, as GOV.UK shows them.
    if (await page.getByRole('button', { name: 'Save the visit record' }).isVisible()) {
      await page.getByLabel('Time you arrived').fill('11:00');
      await page.getByLabel('Time you left').fill('10:00');
      await page.getByRole('button', { name: 'Save the visit record' }).click();
      const summary = page.locator('.govuk-error-summary');
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link', { name: 'The time you left must be after the time you arrived' })).toBeVisible();
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'visit-error');
    }
  });
}
