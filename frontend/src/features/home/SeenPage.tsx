import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { BackLink, Button, Details, Tag } from '../../components';
import { formatTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { AccessDaysQuery } from './documents';
import { firstName, onDay, relationship, sectionsInWords, times } from './words';

/**
 * /home/seen/:personId: who has looked at the person's plan and record,
 * one line per person per day ("Wes, your reablement worker, looked at your
 * plan on 3 visits today"), grouped by the API (Person.accessHistory) from
 * the audit log (Caldicott principle 8).
 */
export function SeenPage() {
  const { personId = '' } = useParams();
  const [days, setDays] = useState(14);
  const [result] = useQuery({ query: AccessDaysQuery, variables: { personID: personId, days } });
  usePageTitle('Who has looked at your plan');
  const me = result.data?.me;
  const node = result.data?.node;
  const history = node?.__typename === 'Person' ? node.accessHistory : null;
  const byDay = new Map<string, NonNullable<typeof history>>();
  for (const entry of history ?? []) byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), entry]);
  return (
    <>
      <BackLink href="/home" />
      <h1 className="govuk-heading-l">Who has looked at your plan</h1>
      <p className="govuk-body">Every time someone looks at your plan or your record, it is written down. This shows who it was and why they could.</p>
      {!history || !me ? (
        <p className="govuk-body" role="status">
          {result.fetching ? 'Loading…' : 'Sorry, this could not be loaded. Try again later.'}
        </p>
      ) : history.length === 0 ? (
        <p className="govuk-body">No one has looked at your plan in the last {days} days.</p>
      ) : (
        [...byDay.entries()].map(([day, entries]) => {
          const when = onDay(day, me.today);
          return (
            <section key={day} aria-labelledby={`day-${day}`}>
              <h2 className="govuk-heading-m" id={`day-${day}`}>
                {when.replace(/^on /, '').replace(/^./, (c) => c.toUpperCase())}
              </h2>
              <ul className="govuk-list govuk-list--spaced" aria-label={`Who looked ${when}`}>
                {entries.map((e) => {
                  const you = e.viewerID === me.account.id;
                  const who = you ? 'You' : `${firstName(e.viewerName)}, ${relationship(e.bases)},`;
                  const looked = e.visits > 0 ? `on ${e.visits === 1 ? '1 visit' : `${e.visits} visits`}` : times(e.views);
                  return (
                    <li key={`${day}-${e.viewerID}`}>
                      <p className="govuk-body govuk-!-margin-bottom-1">
                        {who} {e.views > 0 ? `looked at your plan ${looked}` : ''}
                        {e.views > 0 && e.changes > 0 ? ' and ' : ''}
                        {e.changes > 0 ? `made ${e.changes === 1 ? 'a change' : `${e.changes} changes`}` : ''} {when}.
                        {e.flagged && (
                          <Tag colour="orange" className="govuk-!-margin-left-2">
                            The council will check this
                          </Tag>
                        )}
                      </p>
                      <Details summary={`What ${you ? 'you' : firstName(e.viewerName)} saw`}>
                        <p className="govuk-body">
                          {e.sections.length > 0 ? `${sectionsInWords(e.sections)[0]?.toUpperCase()}${sectionsInWords(e.sections).slice(1)}.` : 'Only that you have a plan.'}{' '}
                          Between {formatTime(e.first)} and {formatTime(e.last)}.
                        </p>
                      </Details>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })
      )}
      {days < 92 && history && (
        <Button type="button" variant="secondary" onClick={() => setDays(92)}>
          Show the last 3 months
        </Button>
      )}
    </>
  );
}
