import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button, Checkboxes, Link } from '../../components';
import { getFragmentData } from '../../gql';
import type { ChronologyKind } from '../../gql/graphql';
import { plural } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { ChronologyEntryFields, PersonChronologyQuery, PlanChronologyQuery } from './documents';
import { chronologyKinds, Timeline } from './Timeline';

const allKinds = Object.keys(chronologyKinds) as ChronologyKind[];

/** The kinds chosen in the address (?kind=VISIT&kind=REVIEW); none means all. */
function useKinds(): [ChronologyKind[], (kinds: ChronologyKind[]) => void] {
  const [params, setParams] = useSearchParams();
  const kinds = params.getAll('kind').filter((k): k is ChronologyKind => allKinds.includes(k as ChronologyKind));
  return [kinds, (next) => setParams(next.length === allKinds.length ? {} : { kind: next }, { replace: true })];
}

/**
 * /people/:personId/chronology and /plans/:planId/chronology: the case
 * chronology, newest first, filtered by kind (issue 12 item 5). The API
 * decides which entries the viewer may see; this page only shows them.
 */
export function ChronologyPage() {
  const { personId, planId } = useParams();
  const [kinds, setKinds] = useKinds();
  const [chosen, setChosen] = useState<string[]>(kinds.length ? kinds : allKinds);
  const variables = { id: (planId ?? personId) || '', kinds: kinds.length ? kinds : null };
  const [personResult] = useQuery({ query: PersonChronologyQuery, variables, pause: !personId, requestPolicy: 'cache-and-network' });
  const [planResult] = useQuery({ query: PlanChronologyQuery, variables, pause: !planId, requestPolicy: 'cache-and-network' });
  const result = planId ? planResult : personResult;
  const personNode = personResult.data?.node?.__typename === 'Person' ? personResult.data.node : null;
  const planNode = planResult.data?.node?.__typename === 'Plan' ? planResult.data.node : null;
  const plan = planId ? planNode : null;
  const person = planId ? (planNode?.person ?? null) : personNode;
  const refs = planId ? planNode?.chronology : personNode?.chronology;
  const entries = refs ? getFragmentData(ChronologyEntryFields, refs) : null;
  const name = person?.preferredName ?? person?.legalName ?? null;
  usePageTitle(name ? `Chronology – ${name}` : 'Chronology');

  if (!entries) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading the chronology…' : 'There is no record at this address, or none you have a basis to see.'}
      </p>
    );
  }
  const filter = (event: FormEvent) => {
    event.preventDefault();
    setKinds(chosen as ChronologyKind[]);
  };
  return (
    <>
      <span className="govuk-caption-l">
        {name ?? 'This person'}
        {plan ? `, plan version ${plan.version}` : ''}
      </span>
      <h1 className="govuk-heading-l">Chronology</h1>
      <p className="govuk-body">What has happened, newest first. Only what you have a basis to see is listed.</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form onSubmit={filter} className="app-filter" aria-label="Filter the chronology">
            <Checkboxes
              name="kind"
              legend="Show"
              legendSize="s"
              small
              value={chosen}
              onChange={setChosen}
              items={allKinds.map((k) => ({ value: k, label: chronologyKinds[k].plural }))}
            />
            <Button type="submit" variant="secondary">
              Apply filter
            </Button>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" role="status">
            {plural(entries.length, 'entry', 'entries')}
          </p>
          {entries.length > 0 ? <Timeline entries={entries} /> : <p className="govuk-body">Nothing to show for this filter.</p>}
        </div>
      </div>
      <p className="govuk-body">
        {plan ? (
          <Link className="govuk-link" href={`/plans/${plan.id}`}>
            Back to the plan
          </Link>
        ) : person ? (
          <Link className="govuk-link" href={`/people/${person.id}`}>
            Back to {name ?? 'the record'}
          </Link>
        ) : null}
      </p>
    </>
  );
}
