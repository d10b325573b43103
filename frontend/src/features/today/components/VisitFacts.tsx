import { SummaryList, type SummaryRow } from '../../../components';
import { formatMinutes, formatTime } from '../../../lib/format';
import type { TodayVisit } from '../types';

/** When, where, how to get in and how to communicate. */
export function visitRows(visit: Pick<TodayVisit, 'startsAt' | 'durationMinutes' | 'plan'>): SummaryRow[] {
  const person = visit.plan.person;
  const end = visit.durationMinutes ? new Date(Date.parse(visit.startsAt) + visit.durationMinutes * 60_000).toISOString() : null;
  const communication = [
    person.communicationNeeds,
    person.interpreterLanguage && `Interpreter: ${person.interpreterLanguage}.`,
    person.autism && 'Autistic.',
    person.deafblind && 'Deafblind.',
  ].filter(Boolean);
  return [
    { key: 'Time', value: end ? `${formatTime(visit.startsAt)} to ${formatTime(end)} (${formatMinutes(visit.durationMinutes)})` : formatTime(visit.startsAt) },
    { key: 'Address', value: person.visitAddress || 'Not recorded: ask the office' },
    { key: 'Getting in', value: person.accessNotes || 'No access notes' },
    { key: 'Communication', value: communication.length > 0 ? communication.join(' ') : 'No particular needs recorded' },
  ];
}

export function VisitFacts({ visit }: { visit: Pick<TodayVisit, 'startsAt' | 'durationMinutes' | 'plan'> }) {
  return <SummaryList rows={visitRows(visit)} className="app-visit-facts" />;
}
