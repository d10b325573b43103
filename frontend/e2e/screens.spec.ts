import type { Page } from '@playwright/test';
import { createDraftPlan, createPerson, fillDraftPlan, findPlan, must, signInAs, signInPage, type Session } from './api';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, screenshot, test, widths } from './fixtures';

/**
 * Every practitioner screen at desktop width and at 320px: no WCAG 2.2 AA
 * violation axe can find, no sideways scrolling, and a screenshot of each
 * in test-results/screens/.
 */

interface Screens {
  practitioner: Session;
  carer: Session;
  activePlan: { id: string; personId: string };
  supersededPlan: { id: string; personId: string };
  /** The version that replaced supersededPlan. */
  replacingPlan: string;
  draftPlan: string;
  draftPerson: string;
  carerPerson: string;
  carerPlan: string;
  /** Someone outside the practitioner's caseload, found by findPeople. */
  outsider: string;
}

let screens: Screens;

test.beforeAll(async () => {
  const practitioner = await signInAs('priya.practitioner');
  const carer = await signInAs('carol.carer');
  const draftPerson = await createPerson(practitioner.token, 'Agnes', `Agnes Whitfield ${Date.now().toString(36).slice(-5)}`);
  const draft = await createDraftPlan(practitioner.token, draftPerson);
  await fillDraftPlan(practitioner.token, draft.id);
  const shared = await must<{ plans: { edges: Array<{ node: { id: string; person: { id: string } } }> } }>(
    carer.token,
    `query { plans(first: 1) { edges { node { id person { id } } } } }`,
  );
  const carerPlan = shared.plans.edges[0]?.node;
  if (!carerPlan) throw new Error('e2e: carol.carer has no shared plan in the demo data');
  const superseded = await findPlan(practitioner.token, 'SUPERSEDED');
  const district = await must<{ findPeople: Array<{ personID: string; hasBasis: boolean }> }>(
    practitioner.token,
    `query($text: String!) { findPeople(text: $text, first: 25) { personID hasBasis } }`,
    { text: 'KM1' },
  );
  const outsider = district.findPeople.find((match) => !match.hasBasis);
  if (!outsider) throw new Error('e2e: no one outside priya.practitioner\'s caseload in KM1');
  const replacing = await must<{ node: { supersededBy: { id: string } } }>(practitioner.token, `query($id: ID!) { node(id: $id) { ... on Plan { supersededBy { id } } } }`, {
    id: superseded.id,
  });
  screens = {
    practitioner,
    replacingPlan: replacing.node.supersededBy.id,
    carer,
    activePlan: await findPlan(practitioner.token, 'ACTIVE'),
    supersededPlan: superseded,
    draftPlan: draft.id,
    draftPerson,
    carerPerson: carerPlan.person.id,
    carerPlan: carerPlan.id,
    outsider: outsider.personID,
  };
});

const practitionerScreens: Array<{ name: string; path: () => string; heading: RegExp; check?: (page: Page) => Promise<void> }> = [
  { name: 'caseload', path: () => '/caseload', heading: /^Caseload$/ },
  { name: 'person', path: () => `/people/${screens.activePlan.personId}`, heading: /./ },
  { name: 'plan-active', path: () => `/plans/${screens.activePlan.id}`, heading: /^Reablement plan, version \d+$/ },
  {
    name: 'plan-superseded',
    path: () => `/plans/${screens.supersededPlan.id}`,
    heading: /^Reablement plan, version \d+$/,
    check: async (page) => {
      await expect(page.getByRole('region', { name: 'Superseded' })).toContainText('This version has been superseded and can never change again.');
      await expect(page.getByText('Superseded', { exact: true }).last()).toHaveClass(/govuk-tag--grey/);
    },
  },
  { name: 'person-draft', path: () => `/people/${screens.draftPerson}`, heading: /^Agnes$/ },
  { name: 'plan-draft', path: () => `/plans/${screens.draftPlan}`, heading: /^Reablement plan, version 1$/ },
  { name: 'edit-tasks', path: () => `/plans/${screens.draftPlan}/edit`, heading: /^Edit the draft plan$/ },
  { name: 'edit-outcomes', path: () => `/plans/${screens.draftPlan}/edit/outcomes`, heading: /^Outcomes and steps$/ },
  { name: 'edit-outcome-new', path: () => `/plans/${screens.draftPlan}/edit/outcomes/new`, heading: /^Add an outcome$/ },
  { name: 'edit-risks', path: () => `/plans/${screens.draftPlan}/edit/risks`, heading: /^Risks and contingencies$/ },
  { name: 'edit-risk-new', path: () => `/plans/${screens.draftPlan}/edit/risks/new`, heading: /^Add a risk$/ },
  { name: 'edit-needs', path: () => `/plans/${screens.draftPlan}/edit/needs`, heading: /^Needs the plan addresses$/ },
  { name: 'edit-visits', path: () => `/plans/${screens.draftPlan}/edit/visits`, heading: /^Visits: how often and how long$/ },
  { name: 'edit-other-support', path: () => `/plans/${screens.draftPlan}/edit/other-support`, heading: /^Other support$/ },
  { name: 'edit-review', path: () => `/plans/${screens.draftPlan}/edit/review`, heading: /^Review arrangements$/ },
  { name: 'agree', path: () => `/plans/${screens.draftPlan}/agree`, heading: /^Agree the plan$/ },
  { name: 'end-draft', path: () => `/plans/${screens.draftPlan}/end`, heading: /^The person does not wish to proceed$/ },
  { name: 'reviews', path: () => `/plans/${screens.activePlan.id}/review`, heading: /^Reviews$/ },
  { name: 'amendments', path: () => `/plans/${screens.activePlan.id}/amendments`, heading: /^Amendments$/ },
  { name: 'end', path: () => `/plans/${screens.activePlan.id}/end`, heading: /^End the plan$/ },
  { name: 'compare', path: () => `/plans/${screens.replacingPlan}/compare/${screens.supersededPlan.id}`, heading: /^What changed from version \d+ to version \d+$/ },
  { name: 'share', path: () => `/plans/${screens.activePlan.id}/share`, heading: /^Share the plan$/ },
  { name: 'access-history', path: () => `/people/${screens.activePlan.personId}/access`, heading: /^Who has seen .*record$/ },
  { name: 'due', path: () => '/due', heading: /^Due and overdue$/ },
  { name: 'new-person', path: () => '/people/new', heading: /^Add a person$/ },
  {
    name: 'find-person',
    path: () => '/people/find?q=KM1',
    heading: /^Find a person$/,
    check: async (page) => {
      await expect(page.getByRole('status')).toContainText('your search');
      await expect(page.getByText('Not on your caseload').first()).toBeVisible();
    },
  },
  { name: 'emergency-access', path: () => `/people/${screens.outsider}/emergency-access`, heading: /^Ask for emergency access$/ },
  { name: 'person-not-found', path: () => `/people/${screens.outsider}`, heading: /^Person not found$/ },
];

for (const width of widths) {
  test.describe(`at ${width}px`, () => {
    for (const screen of practitionerScreens) {
      test(`${screen.name} is accessible and does not scroll sideways`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await signInPage(page, screens.practitioner);
        await page.goto(screen.path());
        await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
        await screen.check?.(page);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
        await screenshot(page, screen.name);
        // The README's picture of the plan screen (frontend/docs/plan-screen.png is a copy).
        if (screen.name === 'plan-active' && width > 1000) await screenshot(page, 'readme-plan', { height: 1900 });
      });
    }

    test("a carer sees the person's record with withheld sections as \"Not shared with you\"", async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await signInPage(page, screens.carer);
      await page.goto(`/people/${screens.carerPerson}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const needs = page.getByRole('region', { name: 'Needs' });
      await expect(needs).toContainText('Not shared with you');
      await expect(needs).toContainText('You have no basis to see needs.');
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'person-as-carer');

      await page.goto(`/plans/${screens.carerPlan}`);
      await expect(page.getByRole('heading', { level: 1, name: /^Reablement plan, version \d+$/ })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Outcomes and progress' })).not.toContainText('Not shared with you');
      await expect(page.getByRole('region', { name: 'Risks and contingencies' })).toContainText('Not shared with you');
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'plan-as-carer');
    });
  });
}
