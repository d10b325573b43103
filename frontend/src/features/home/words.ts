/**
 * The words of the homes for the person and their carers: plain English
 * (GOV.UK content style, reading age about 9), no staff terms. The server
 * decides what is shown; these only say it.
 */
import type { Basis, OutcomeAchievement, OutcomeStepStatus, ReviewDecision, AmendmentDecision, Role, Section } from '../../gql/graphql';
import { primaryRole } from '../../lib/roles';

/** How someone who saw the record relates to the person, from the bases they saw it on. */
const relationships: Partial<Record<Basis, string>> = {
  ALLOCATED: 'your practitioner',
  PROVIDER_DUTY: 'your reablement worker',
  TEAM_MEMBER: 'from your team at the council',
  TEAM_MANAGER: "your team's manager",
  SERVICE_PROVIDER: 'the manager of your reablement service',
  CARER_SHARE: 'your carer',
  ADVOCACY: 'your advocate',
  CONSENT_SHARE: 'someone you agreed could have a copy',
  PERSON_REQUEST: 'someone you asked to have a copy',
  BEST_INTERESTS: 'someone given a copy to help you',
  EMERGENCY_ACCESS: 'from another team, in an emergency',
  INFORMATION_GOVERNANCE: "from the council's records team",
};

/** "your reablement worker"; the first basis that says most. */
export function relationship(bases: readonly Basis[]): string {
  for (const b of bases) {
    const words = relationships[b];
    if (words) return words;
  }
  return 'from the council';
}

/** "Wes" from "Wes Adeyemi"; a role in words ("a reablement worker") stays whole. */
export function firstName(name: string): string {
  if (/^(a|an|the|someone) /i.test(name) || name === 'someone') return name;
  return name.split(' ')[0] ?? name;
}

/** Sections in words a person uses: "your goals", "your visits". */
const sectionWords: Record<Section, string> = {
  IDENTITY: 'your personal details',
  CONTACT: 'how to contact you',
  COMMUNICATION: 'how you like to communicate',
  CAPACITY: 'decisions about your care',
  SAFEGUARDING: 'keeping you safe',
  FINANCE: 'money and charges',
  NEEDS: 'what you need help with',
  OUTCOMES: 'your goals',
  VISITS: 'your visits',
  WORKER_SUPPORT: 'what your worker does',
  OTHER_SUPPORT: 'other help',
  RISKS: 'things that could get in the way',
  REVIEW: 'reviews of your plan',
  INVOLVEMENT: 'who is involved',
};

/** "your goals and your visits". */
export function sectionsInWords(sections: readonly Section[], whose: 'your' | 'their' = 'your'): string {
  const words = sections.map((s) => (whose === 'your' ? sectionWords[s] : sectionWords[s].replace(/^your /, 'their ').replace(/ you /, ' them ').replace(/ you$/, ' them')));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export const stepWords: Record<OutcomeStepStatus, { text: string; colour: 'grey' | 'blue' | 'green' }> = {
  NOT_STARTED: { text: 'Not started yet', colour: 'grey' },
  IN_PROGRESS: { text: 'Working on it', colour: 'blue' },
  DONE: { text: 'Done', colour: 'green' },
};

export const goalWords: Record<OutcomeAchievement, string> = {
  NOT_STARTED: 'Not started yet',
  IN_PROGRESS: 'Working on it',
  ACHIEVED: 'Done',
  PARTLY_ACHIEVED: 'Partly done',
  NOT_ACHIEVED: 'Not done',
};

export const reviewAnswers: Record<ReviewDecision, { text: string; colour: 'yellow' | 'green' | 'red' }> = {
  PENDING: { text: 'Waiting for an answer', colour: 'yellow' },
  HOLD: { text: 'Review agreed', colour: 'green' },
  DECLINED: { text: 'Review not agreed', colour: 'red' },
};

export const changeAnswers: Record<AmendmentDecision, { text: string; colour: 'yellow' | 'green' | 'red' }> = {
  PENDING: { text: 'Waiting for an answer', colour: 'yellow' },
  AGREED: { text: 'Change agreed', colour: 'green' },
  DECLINED: { text: 'Change not agreed', colour: 'red' },
};

/** Who is asking, as the requests record it: the person, a carer or an advocate. */
export function askingAs(roles: readonly Role[]): 'PERSON' | 'CARER' | 'ADVOCATE' {
  const role = primaryRole(roles);
  if (role === 'CARER') return 'CARER';
  if (role === 'ADVOCATE') return 'ADVOCATE';
  return 'PERSON';
}

/** "today", "yesterday" or "on Monday 28 November". */
export function onDay(day: string, today: string): string {
  if (day === today) return 'today';
  const d = new Date(`${day}T00:00:00Z`);
  const t = new Date(`${today}T00:00:00Z`);
  if (t.getTime() - d.getTime() === 86_400_000) return 'yesterday';
  return `on ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d)}`;
}

/** "3 times", "once", "twice". */
export function times(n: number): string {
  if (n === 1) return 'once';
  if (n === 2) return 'twice';
  return `${n} times`;
}
