import type { Page } from '@playwright/test';
import { createIdentifiedPerson, newNhsNumber, signInAs } from './api';
import { expect, expectNoAxeViolations, test } from './fixtures';

/** A surname nobody in the demo has: a real-looking start and random letters. */
function uniqueSurname(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let tail = '';
  for (let i = 0; i < 4; i++) tail += letters[Math.floor(Math.random() * letters.length)];
  return `Fairbr${tail}`;
}

async function signIn(page: Page, username: string) {
  await page.goto('/sign-in');
  await page.locator(`input[value="${username}"]`).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
}

test.describe('a practitioner finds anyone (issue 12)', () => {
  test('finds someone outside his caseload by a misspelt surname and by NHS number, is refused the record, asks for emergency access and sees it', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    // Someone on Priya's team, not Sam's.
    const priya = await signInAs('priya.practitioner');
    const surname = uniqueSurname();
    const nhsNumber = newNhsNumber();
    const personId = await createIdentifiedPerson(priya.token, {
      preferredName: 'Edna',
      legalName: `Edna ${surname}`,
      nhsNumber,
      postcode: 'km3 4ab',
      dateOfBirth: '1938-04-09',
    });

    await signIn(page, 'sam.practitioner');
    // From the caseload's search box: "Search everyone".
    await page.getByLabel('Search by name').fill(surname);
    await page.getByRole('link', { name: 'Search everyone' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();

    // A misspelt surname: one letter wrong.
    const misspelt = `${surname.slice(0, 3)}e${surname.slice(4)}`;
    await page.getByLabel('Name, NHS number or postcode').fill(misspelt);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row', { name: new RegExp(`Edna ${surname}`) });
    await expect(row).toContainText('9 April 1938');
    await expect(row).toContainText('KM3');
    await expect(row).toContainText('Not on your caseload');
    // Only what identifies her: no link to a record he has no basis for.
    await expect(row.getByRole('link', { name: `Edna ${surname}`, exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Her record is closed to him.
    await page.goto(`/people/${personId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Person not found' })).toBeVisible();
    await expect(page.getByText('none you have a basis to see')).toBeVisible();

    // By NHS number, spaced as on a letter.
    await page.getByRole('link', { name: 'find the person' }).click();
    await page.getByLabel('Name, NHS number or postcode').fill(`${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toHaveText('1 person matches your search.');
    const found = page.getByRole('row', { name: new RegExp(`Edna ${surname}`) });
    await expect(found).toContainText(/Held by .+: ask them to allocate or transfer the person to you/);
    await found.getByRole('link', { name: /Ask for emergency access/ }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Ask for emergency access' })).toBeVisible();
    await expect(page.getByText(`Edna ${surname}`)).toBeVisible();
    // A reason is required.
    await page.getByRole('button', { name: 'Get access and open the record' }).click();
    await expect(page.getByRole('alert')).toContainText('Say why you need access now, in a sentence');
    await page.getByLabel('Why do you need access now?').fill('The hospital ward needs to know about support at home before discharge tonight.');
    await page.getByLabel('For how many hours?').fill('2');
    await page.getByRole('button', { name: 'Get access and open the record' }).click();

    await expect(page).toHaveURL(new RegExp(`/people/${personId}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Edna' })).toBeVisible();
    await expect(page.getByText(`Legal name: Edna ${surname}`)).toBeVisible();
  });
});

test.describe('adding a person checks who they are (issue 12)', () => {
  test('refuses an NHS number that fails its check digit and a non-postcode, warns of someone already known, and adds them only once confirmed', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const priya = await signInAs('priya.practitioner');
    const surname = uniqueSurname();
    await createIdentifiedPerson(priya.token, { preferredName: 'Ivy', legalName: `Ivy ${surname}`, nhsNumber: newNhsNumber(), postcode: 'KM2 5XY', dateOfBirth: '1944-07-21' });

    await signIn(page, 'priya.practitioner');
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Full name').fill(`Ivy ${surname}`);
    await page.getByLabel('The name they like to be called').fill('Ivy');
    const dob = page.getByRole('group', { name: 'Date of birth' });
    await dob.getByLabel('Day').fill('21');
    await dob.getByLabel('Month').fill('7');
    await dob.getByLabel('Year').fill('1944');
    await page.getByLabel('NHS number (optional)').fill('401 023 2138');
    await page.getByLabel('Postcode (optional)').fill('not a postcode');
    await page.getByRole('button', { name: 'Add the person' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter a valid NHS number');
    await expect(page.getByRole('alert')).toContainText('Enter a real postcode, like LA9 4QT');

    await page.getByLabel('NHS number (optional)').fill('');
    await page.getByLabel('Home address (optional)').fill('3 Fell Lane, Ashby Fell');
    await page.getByLabel('Postcode (optional)').fill('km2 5xz');
    await page.getByRole('button', { name: 'Add the person' }).click();
    await expect(page.getByText(`This may be someone already known: Ivy ${surname}`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Ivy ${surname}`) }).getByRole('link', { name: `Ivy ${surname}`, exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    // Not without confirming.
    await page.getByRole('button', { name: 'Add the person' }).click();
    await expect(page.getByRole('alert')).toContainText('Open the record of the person already known, or confirm this is someone new');
    await page.getByLabel('I have checked: this is someone new, not one of the people above').check();
    await page.getByRole('button', { name: 'Add the person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ivy' })).toBeVisible();
    await expect(page.getByText('KM2 5XZ').first()).toBeVisible();
  });
});
