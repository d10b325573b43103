import { useQuery } from 'urql';
import { SummaryList, type SummaryRow } from '../../../components';
import { formatMinutes, formatTime } from '../../../lib/format';
import { PersonAccessNotesQuery } from '../documents';
import type { TodayVisit } from '../types';

type FactsVisit = Pick<TodayVisit, 'startsAt' | 'durationMinutes' | 'plan'>;

/** A maps search for an address: on a phone it opens the maps app. */
export function mapHref(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/** A tel: link for a phone number as typed ("07700 900123" → tel:07700900123). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** When, where, how to communicate. */
export function visitRows(visit: FactsVisit): SummaryRow[] {
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
    {
      key: 'Address',
      value: person.visitAddress ? (
        <>
          <span className="app-pre-line">{person.visitAddress}</span>
          <a className="govuk-link app-tap-link" href={mapHref(person.visitAddress)} target="_blank" rel="noreferrer">
            Open in maps<span className="govuk-visually-hidden"> (opens in a new tab)</span>
          </a>
        </>
      ) : (
        'Not recorded: ask the office'
      ),
    },
    { key: 'Communication', value: communication.length > 0 ? communication.join(' ') : 'No particular needs recorded' },
  ];
}

/**
 * How to get in. The API shows access notes (a key-safe code) only from an
 * hour before the visit until an hour after it; at any other time it
 * withholds them, and this says when they will show.
 */
function GettingIn({ personId }: { personId: string }) {
  const [result] = useQuery({ query: PersonAccessNotesQuery, variables: { id: personId }, requestPolicy: 'cache-and-network' });
  const node = result.data?.node;
  const notes = node && 'accessNotes' in node ? node.accessNotes : null;
  const withheld = result.error?.graphQLErrors.some((e) => e.extensions?.code === 'SECTION_WITHHELD');
  if (notes) return <span className="app-pre-line">{notes}</span>;
  if (withheld) return <>Shown here from an hour before the visit until an hour after it.</>;
  if (!result.data && result.fetching) return <>Loading…</>;
  if (!result.data) return <>Not loaded: open this visit again when you have signal.</>;
  return <>No access notes</>;
}

/** Who to call: the person's carers with a phone number, one tap each. */
function Calls({ visit }: { visit: FactsVisit }) {
  const carers = (visit.plan.person.carers ?? []).filter((carer) => carer.phone);
  if (carers.length === 0) return null;
  return (
    <ul className="govuk-list app-calls">
      {carers.map((carer) => (
        <li key={carer.id}>
          <a className="govuk-link app-tap-link" href={telHref(carer.phone ?? '')}>
            Call {carer.name}
            {carer.relationship ? ` (${carer.relationship})` : ''}: {carer.phone}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The visit's facts on its page: time, address with a map link, how to get in, who to call, communication. */
export function VisitFacts({ visit }: { visit: FactsVisit }) {
  const rows = visitRows(visit);
  rows.splice(2, 0, { key: 'Getting in', value: <GettingIn personId={visit.plan.person.id} /> });
  const carers = (visit.plan.person.carers ?? []).filter((carer) => carer.phone);
  if (carers.length > 0) rows.splice(3, 0, { key: 'Carers', value: <Calls visit={visit} /> });
  return <SummaryList rows={rows} className="app-visit-facts" />;
}
