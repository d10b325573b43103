import type { Page } from '@playwright/test';

/**
 * Setting up records through the API, as a client would: the development
 * signer gives a token for a demo account, and free-form operations are
 * allowed while it is on (OPERATIONS_ALLOWLIST is off with DEV_SIGNER).
 * Only what a test needs in place before it starts; what a test is about
 * happens in the browser.
 */

function baseURL(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('e2e: E2E_BASE_URL is not set; run through `npm run e2e`.');
  return url;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function graphql<T>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseURL()}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** graphql(), failing on any error. */
export async function must<T>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(token, query, variables);
  if (result.errors?.length || !result.data) throw new Error(`e2e: ${query.trim().split('\n')[0]} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export interface Session {
  token: string;
  expiresAt: string;
}

export async function signInAs(username: string): Promise<Session> {
  const data = await must<{ signInAsDemo: Session }>(
    null,
    `mutation SignIn($username: String!) { signInAsDemo(username: $username) { token expiresAt } }`,
    { username },
  );
  return data.signInAsDemo;
}

/** Opens the app already signed in (the token where the app keeps it), without the sign-in page. */
export async function signInPage(page: Page, session: Session): Promise<void> {
  await page.addInitScript((value) => sessionStorage.setItem('reablement.session', value), JSON.stringify(session));
}

/** A new person on the practitioner's team, allocated to them, with no plan yet. */
export async function createPerson(token: string, preferredName: string, legalName: string): Promise<string> {
  const me = await must<{ me: { account: { id: string; teams: Array<{ id: string }> | null } } }>(token, `query { me { account { id teams { id } } } }`);
  const teamID = me.me.account.teams?.[0]?.id;
  if (!teamID) throw new Error('e2e: the practitioner has no team');
  const data = await must<{ createPerson: { id: string } }>(
    token,
    `mutation CreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    { input: { preferredName, legalName, dateOfBirth: '1941-05-17', teamID, allocatedPractitionerID: me.me.account.id } },
  );
  return data.createPerson.id;
}

export async function createDraftPlan(token: string, personID: string): Promise<{ id: string; revision: number }> {
  const data = await must<{ createPlan: { id: string; revision: number } }>(
    token,
    `mutation CreatePlan($input: CreatePlanInput!) { createPlan(input: $input) { id revision } }`,
    { input: { personID } },
  );
  return data.createPlan;
}

/** Fills a draft plan with one of everything, so its screens have something to show. */
export async function fillDraftPlan(token: string, planID: string): Promise<void> {
  const outcome = await must<{ createOutcome: { id: string } }>(
    token,
    `mutation($input: CreateOutcomeInput!) { createOutcome(input: $input) { id } }`,
    { input: { planID, statement: 'I want to walk to the corner shop on my own', kind: 'ACHIEVE', domain: 'COMMUNITY', targetDate: '2027-02-01', position: 1 } },
  );
  for (const [position, description, status] of [
    [1, 'Walk to the front gate with the frame', 'DONE'],
    [2, 'Walk to the end of the road with the worker', 'IN_PROGRESS'],
    [3, 'Walk to the shop with the worker nearby', 'NOT_STARTED'],
  ] as const) {
    await must(token, `mutation($input: CreateOutcomeStepInput!) { createOutcomeStep(input: $input) { id } }`, {
      input: { outcomeID: outcome.createOutcome.id, description, position, status },
    });
  }
  const risk = await must<{ createRisk: { id: string } }>(token, `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, {
    input: { planID, kind: 'TO_PLAN', description: 'May cancel visits when feeling low', category: 'MOTIVATION', likelihood: 'MEDIUM', strategy: 'Agree visit times together' },
  });
  await must(token, `mutation($input: CreateContingencyInput!) { createContingency(input: $input) { id } }`, {
    input: { riskID: risk.createRisk.id, trigger: 'Two visits cancelled in a week', measures: 'The practitioner phones to talk it through', whoActs: 'Allocated practitioner' },
  });
  await must(token, `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, {
    input: { planID, kind: 'TO_WORKER', description: 'Steep steps to the front door', category: 'HOME_ENVIRONMENT', environmentAssessmentRequired: true },
  });
}

/** A plan in a given status (the newest version), with its person. */
export async function findPlan(token: string, status: string): Promise<{ id: string; personId: string }> {
  const data = await must<{ plans: { edges: Array<{ node: { id: string; person: { id: string } } }> } }>(
    token,
    `query($status: PlanStatus!) { plans(first: 1, where: { status: $status }) { edges { node { id person { id } } } } }`,
    { status },
  );
  const node = data.plans.edges[0]?.node;
  if (!node) throw new Error(`e2e: the demo data has no ${status} plan`);
  return { id: node.id, personId: node.person.id };
}
