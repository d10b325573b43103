import { Link, Tag } from '../../../components';
import { formatTime } from '../../../lib/format';
import { riskCategories } from '../labels';
import type { QueuedRecord } from '../queue';
import { RecordTag } from './RecordTag';

/** What a line of the list needs of a visit (today's full answer or another day's brief one). */
export interface ListedVisit {
  id: string;
  startsAt: string;
  status: string;
  plan: {
    person: {
      preferredName?: string | null | undefined;
      visitAddress?: string | null | undefined;
      interpreterLanguage?: string | null | undefined;
      autism?: boolean | null | undefined;
      deafblind?: boolean | null | undefined;
    };
    risks?: ReadonlyArray<{ id: string; kind?: string | null | undefined; category?: string | null | undefined }> | null | undefined;
  };
}

const postcode = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;

/** The area of an address for the list: its town or district, not the door number. */
export function areaOf(address: string | null | undefined): string {
  const parts = (address ?? '')
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part && !postcode.test(part));
  return parts.length > 1 ? (parts.at(-1) ?? '') : '';
}

/** The first word of the name the person likes to be called. */
export function firstName(name: string | null | undefined): string {
  return name?.trim().split(/\s+/)[0] || 'The person';
}

/** Flags worth knowing before the door opens. */
export function flagsOf(person: ListedVisit['plan']['person']): string[] {
  return [person.autism && 'Autistic', person.deafblind && 'Deafblind', person.interpreterLanguage && `Interpreter: ${person.interpreterLanguage}`].filter(
    (flag): flag is string => Boolean(flag),
  );
}

/**
 * The day's visits as a compact list (issue 13): one line a visit, the
 * whole line one tap target opening that visit: time, first name, area,
 * flags, risk to the worker, and where its record is.
 */
export function VisitList({ visits, hrefOf, recordOf }: { visits: readonly ListedVisit[]; hrefOf?: (id: string) => string; recordOf?: (id: string) => QueuedRecord | undefined }) {
  return (
    <ul className="app-visit-list">
      {visits.map((visit) => {
        const person = visit.plan.person;
        const area = areaOf(person.visitAddress);
        const flags = flagsOf(person);
        const toWorker = (visit.plan.risks ?? []).filter((risk) => risk.kind === 'TO_WORKER');
        const body = (
          <>
            <span className="app-visit-list__time">{formatTime(visit.startsAt)}</span>
            <span className="app-visit-list__main">
              <span className="app-visit-list__name">{firstName(person.preferredName)}</span>
              {area && <span className="app-visit-list__area">, {area}</span>}
              {flags.length > 0 && <span className="app-visit-list__flags">{flags.join(' · ')}</span>}
              <span className="app-visit-list__tags">
                {toWorker.length > 0 && (
                  <Tag colour="red">
                    Risk to you
                    {toWorker[0]?.category ? `: ${(riskCategories[toWorker[0].category] ?? toWorker[0].category).toLowerCase()}` : ''}
                  </Tag>
                )}{' '}
                <RecordTag record={recordOf?.(visit.id)} visitStatus={visit.status} />
              </span>
            </span>
          </>
        );
        return (
          <li key={visit.id} className="app-visit-list__item">
            {hrefOf ? (
              <Link className="app-visit-list__link" href={hrefOf(visit.id)}>
                {body}
              </Link>
            ) : (
              <div className="app-visit-list__link">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
