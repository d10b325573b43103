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
  await page.addInitScript((value) => localStorage.setItem('reablement.session', value), JSON.stringify(session));
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

/**
 * A draft plan with everything agreement needs except who was involved
 * (R3), so the agree page has one thing to show as missing; addInvolvement
 * supplies it. No risks to the worker and no visits: commencing needs only
 * a planned end within the maximum period (R9).
 */
export async function nearlyReadyDraft(token: string, preferredName: string): Promise<{ planId: string; personId: string }> {
  const me = await must<{ me: { account: { id: string } } }>(token, `query { me { account { id } } }`);
  const personId = await createPerson(token, preferredName, `${preferredName} Holloway ${Date.now().toString(36).slice(-5)}`);
  const need = await must<{ createNeed: { id: string } }>(token, `mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }`, {
    input: { personID: personId, area: 'Getting out and about', description: 'Has lost confidence walking outside since the fall' },
  });
  const plan = await createDraftPlan(token, personId);
  await fillDraftPlan(token, plan.id);
  const risks = await must<{ risks: { edges: Array<{ node: { id: string; kind: string } }> } }>(token, `query($p: ID!) { risks(where: { planID: $p }) { edges { node { id kind } } } }`, {
    p: plan.id,
  });
  for (const edge of risks.risks.edges) {
    if (edge.node.kind === 'TO_WORKER') await must(token, `mutation($id: ID!) { deleteRisk(id: $id) }`, { id: edge.node.id });
  }
  const end = new Date(Date.now() + 35 * 86400_000).toISOString().slice(0, 10);
  await must(token, `mutation($id: ID!, $rev: Int!, $input: UpdatePlanInput!) { updatePlan(id: $id, expectedRevision: $rev, input: $input) { revision } }`, {
    id: plan.id,
    rev: plan.revision,
    input: {
      addNeedIDs: [need.createNeed.id],
      visitFrequency: 'Daily, mornings',
      visitDurationMinutes: 45,
      workerTasks: 'Walk alongside; do not take her arm unless she asks',
      noOtherSupport: true,
      reviewFrequency: 'Every three weeks',
      reviewResponsibleID: me.me.account.id,
      plannedEnd: end,
    },
  });
  return { planId: plan.id, personId };
}

/** Records who was involved in planning (R3). */
export async function addInvolvement(token: string, planID: string, name: string): Promise<void> {
  await must(token, `mutation($input: CreateInvolvementInput!) { createInvolvement(input: $input) { id } }`, {
    input: { planID, name, relationship: 'the person', basis: 'PERSON' },
  });
}

/**
 * A valid NHS number (Modulus 11) no demo person has: the demo's start with
 * 999; these with 998, which NHS England also never issues to patients.
 */
export function newNhsNumber(): string {
  for (;;) {
    const digits = [9, 9, 8, ...Array.from({ length: 6 }, () => Math.floor(Math.random() * 10))];
    const sum = digits.reduce((total, digit, i) => total + digit * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return [...digits, check].join('');
  }
}

/** A new person on the practitioner's team with an NHS number and postcode; not allocated to anyone. */
export async function createIdentifiedPerson(
  token: string,
  person: { preferredName: string; legalName: string; nhsNumber: string; postcode: string; dateOfBirth: string },
): Promise<string> {
  const me = await must<{ me: { account: { teams: Array<{ id: string }> | null } } }>(token, `query { me { account { teams { id } } } }`);
  const teamID = me.me.account.teams?.[0]?.id;
  if (!teamID) throw new Error('e2e: the practitioner has no team');
  const data = await must<{ createPerson: { id: string } }>(token, `mutation CreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, {
    input: { ...person, teamID },
  });
  return data.createPerson.id;
}

/**
 * An agreed plan made ready to start through the API: the first trained
 * worker of the plan's service (or of the first reablement service
 * workerMatches lists), and the visit schedule made from the agreed
 * frequency (R20, R32, R10).
 */
export async function readyToStart(token: string, planID: string): Promise<void> {
  const data = await must<{
    node: { revision: number; serviceTeam: { id: string } | null; workerMatches: Array<{ worker: { id: string }; service: { id: string }; trained: boolean }> };
  }>(token, `query($id: ID!) { node(id: $id) { ... on Plan { revision serviceTeam { id } workerMatches { worker { id } service { id } trained } } } }`, { id: planID });
  const service = data.node.serviceTeam?.id;
  const match = data.node.workerMatches.find((m) => m.trained && (!service || m.service.id === service));
  if (!match) throw new Error('e2e: no trained worker for the plan');
  const assigned = await must<{ assignReablement: { revision: number } }>(
    token,
    `mutation($id: ID!, $rev: Int!, $input: AssignReablementInput!) { assignReablement(id: $id, expectedRevision: $rev, input: $input) { revision } }`,
    { id: planID, rev: data.node.revision, input: { serviceTeamID: match.service.id, workerIDs: [match.worker.id] } },
  );
  await must(token, `mutation($id: ID!, $rev: Int!) { generateVisits(id: $id, expectedRevision: $rev) { id } }`, { id: planID, rev: assigned.assignReablement.revision });
}
