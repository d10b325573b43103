import type { Page } from '@playwright/test';
import { createIdentifiedPerson, newNhsNumber, signInAs } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, widths } from './fixtures';

/** A surname nobody in the demo has. */
function uniqueSurname(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let tail = '';
  for (let i = 0; i < 4; i++) tail += letters[Math.floor(Math.random() * letters.length)];
  return `Orrell${tail}`;
}

async function signIn(page: Page, username: string) {
  await page.goto('/sign-in');
  await page.locator(`input[value="${username}"]`).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
}

/** Every new screen passes axe (WCAG 2.2 AA) at 1280 px and at 320 px, where it also reflows without sideways scrolling. */
async function checkScreen(page: Page) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
    if (width === 320) await expectNoHorizontalScroll(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('a practitioner keeps the record (issue 12, item 2)', () => {
  test('adds a referral, is warned of a likely duplicate, edits carers, communication and capacity, and records a need with a visible difference of view', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    // Someone already known, with the same name and date of birth.
    const surname = uniqueSurname();
    const priya = await signInAs('priya.practitioner');
    await createIdentifiedPerson(priya.token, { preferredName: 'Jane', legalName: `Jane ${surname}`, nhsNumber: newNhsNumber(), postcode: 'LA9 4QT', dateOfBirth: '1939-05-14' });

    await signIn(page, 'priya.practitioner');
    await page.goto('/people/new');
    await page.getByLabel('Full name').fill(`Jane ${surname}`);
    await page.getByLabel('The name they like to be called').fill('Jane');
    await page.getByLabel('Day').fill('14');
    await page.getByLabel('Month').fill('5');
    await page.getByLabel('Year').fill('1939');
    await page.getByRole('button', { name: 'Add the person' }).click();
    // Warned before anything is saved.
    await expect(page.getByText('This may be someone already known')).toBeVisible();
    await checkScreen(page);
    await page.getByRole('button', { name: 'Add the person' }).click();
    await expect(page.getByRole('alert')).toContainText('Open the record of the person already known, or confirm this is someone new');
    await page.getByLabel('I have checked: this is someone new, not one of the people above').check();
    await page.getByRole('button', { name: 'Add the person' }).click();
    await expect(page).toHaveURL(/\/people\/PE[0-9A-Z]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Jane' })).toBeVisible();

    // A carer, with the carer's own view.
    await page.getByRole('link', { name: 'Add a carer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a carer' })).toBeVisible();
    await page.getByRole('button', { name: 'Add the carer' }).click();
    await expect(page.getByRole('alert')).toContainText("Enter the carer's name");
    await checkScreen(page);
    await page.getByLabel("Carer's name").fill('Tom Orrell');
    await page.getByLabel('Relationship to the person').fill('son');
    await page.getByRole('group', { name: 'Do they live with the person?' }).getByLabel('No').check();
    await page.getByLabel("The carer's own view (optional)").fill('I can do her shopping and evenings, but not personal care.');
    await page.getByRole('button', { name: 'Add the carer' }).click();
    await expect(page.getByText('Carer added: Tom Orrell')).toBeVisible();
    await expect(page.getByText('I can do her shopping and evenings, but not personal care.')).toBeVisible();
    // And changed.
    await page.getByRole('link', { name: 'Change (Tom Orrell)' }).click();
    await page.getByRole('group', { name: 'Do they live with the person?' }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Save the carer' }).click();
    await expect(page.getByText('Carer saved: Tom Orrell')).toBeVisible();

    // Communication needs and an interpreter.
    await page.getByRole('link', { name: 'Change communication needs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change communication needs' })).toBeVisible();
    await page.getByLabel('How to communicate with them').fill('Speak slowly and face her; she lip-reads.');
    await page.getByLabel('Formats they prefer for written material').fill('Large print');
    await page.getByRole('group', { name: 'Do they need an interpreter?' }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Save communication needs' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter the language the interpreter speaks');
    await checkScreen(page);
    await page.getByLabel('Language').fill('Polish');
    await page.getByRole('button', { name: 'Save communication needs' }).click();
    await expect(page.getByText('Communication needs saved')).toBeVisible();
    const communication = page.locator('#communication');
    await expect(communication).toContainText('Speak slowly and face her; she lip-reads.');
    await expect(communication).toContainText('Needed: Polish');

    // Capacity for one decision: lacking it needs reasons.
    await page.getByRole('link', { name: 'Record a capacity assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record a capacity assessment' })).toBeVisible();
    await page.getByLabel('The decision').fill('Managing her own medication');
    await page.getByLabel('No, they lack capacity for this decision').check();
    await page.getByRole('button', { name: 'Record the assessment' }).click();
    await expect(page.getByRole('alert')).toContainText('Record why they lack capacity for this decision, and the evidence');
    await checkScreen(page);
    await page.getByLabel('Reasons and evidence').fill('Could not retain which tablets she had taken, with a dosette box and prompts, over two visits.');
    await page.getByRole('button', { name: 'Record the assessment' }).click();
    await expect(page.getByText('Capacity assessment recorded')).toBeVisible();
    const capacity = page.locator('#capacity');
    await expect(capacity.getByRole('heading', { name: 'Managing her own medication' })).toBeVisible();
    await expect(capacity).toContainText('Could not retain which tablets she had taken');

    // Advocacy (R30): she would have substantial difficulty being involved.
    await page.getByRole('link', { name: 'Change capacity and advocacy' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change capacity and advocacy' })).toBeVisible();
    await checkScreen(page);
    await page.getByRole('group', { name: 'Would they have substantial difficulty being involved?' }).getByLabel('Yes').check();
    await page.getByLabel('Needed: referral made, waiting for an advocate').check();
    await page.getByRole('button', { name: 'Save capacity and advocacy' }).click();
    await expect(page.getByText('Capacity and advocacy saved')).toBeVisible();
    await expect(capacity).toContainText('Needed: referral made, waiting for an advocate');

    // A need as recorded, with Jane's view beside it, and the difference kept visible.
    await page.getByText('Record a need').click();
    await page.getByLabel('Area of daily life').fill('Moving around the home');
    await page.getByLabel('The need').fill('Mobilises around the home with a frame and grab rails.');
    await page.getByLabel("The person's view, in their words").fill('I cannot move around my home.');
    await page.getByRole('button', { name: 'Record the need' }).click();
    await expect(page.getByText('Need recorded: Moving around the home')).toBeVisible();
    await page.getByRole('link', { name: 'Change the need: Moving around the home' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change the need' })).toBeVisible();
    await checkScreen(page);
    await page.getByLabel('Evidence (optional)').fill('OT home visit: the aids work when she uses them.');
    await page.getByLabel('Where views differ (optional)').fill('Jane says she cannot move around her home; the OT saw her manage with the frame.');
    await page.getByRole('button', { name: 'Save the need' }).click();
    await expect(page.getByText('Need saved: Moving around the home')).toBeVisible();
    const need = page.locator('.app-need', { hasText: 'Moving around the home' });
    await expect(need.getByText('Views differ')).toBeVisible();
    await expect(need).toContainText('Mobilises around the home with a frame and grab rails.');
    await expect(need).toContainText('I cannot move around my home.');
    await expect(need.getByRole('heading', { name: 'Difference of view' })).toBeVisible();
    await expect(need).toContainText('the OT saw her manage with the frame');
    await checkScreen(page);
  });
});
