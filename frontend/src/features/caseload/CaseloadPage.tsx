import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button, ButtonLink, Details, InsetText, useMediaQuery } from '../../components';
import { hasFailed } from '../../lib/graphqlErrors';
import { plural } from '../../lib/format';
import { isFlagKey } from '../../lib/personFlags';
import { isOutsideViewer } from '../../lib/roles';
import { usePageTitle } from '../../lib/usePageTitle';
import type { PersonWhereInput, PlanStatus } from '../../gql/graphql';
import { CaseloadFilters, statusOptions, type CaseloadFilterValues } from './components/CaseloadFilters';
import { CaseloadTable } from './components/CaseloadTable';
import { CaseloadQuery, CaseloadViewerQuery } from './documents';
import { caseloadRow, matchesClientFilters } from './model';

const pageSize = 25;

function filtersFrom(params: URLSearchParams): CaseloadFilterValues {
  const status = params.get('status') ?? '';
  return {
    status: statusOptions.some((option) => option.value === status) ? status : '',
    whose: params.get('whose') === 'mine' ? 'mine' : 'team',
    flags: params.getAll('flag').filter(isFlagKey),
    name: params.get('q') ?? '',
  };
}

function paramsFrom(filters: CaseloadFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.name.trim()) params.set('q', filters.name.trim());
  if (filters.whose === 'mine') params.set('whose', 'mine');
  if (filters.status) params.set('status', filters.status);
  for (const flag of filters.flags) params.append('flag', flag);
  return params;
}

/** The server-side part of the filters: whose people, and the status of their current plan. */
function whereFrom(filters: CaseloadFilterValues, accountId: string | undefined): PersonWhereInput | null {
  const where: PersonWhereInput = {};
  if (filters.whose === 'mine' && accountId) where.allocatedPractitionerID = accountId;
  if (filters.status === 'NONE') where.hasPlans = false;
  // The current plan is the version nothing has superseded.
  else if (filters.status) where.hasPlansWith = [{ status: filters.status as PlanStatus, hasSupersededBy: false }];
  return Object.keys(where).length > 0 ? where : null;
}

/** /caseload: the people the viewer's team holds, with filters and "Load more". Fetches; CaseloadTable renders. */
export function CaseloadPage() {
  const [params, setParams] = useSearchParams();
  const desktop = useMediaQuery('(min-width: 48.0625em)');
  const filters = useMemo(() => filtersFrom(params), [params]);
  const [viewerResult] = useQuery({ query: CaseloadViewerQuery });
  const viewer = viewerResult.data?.me;
  // A carer, an advocate or the person sees only what was shared with them.
  const heading = viewer && isOutsideViewer(viewer.roles) ? 'Records shared with you' : 'Caseload';
  usePageTitle(heading);
  const where = whereFrom(filters, viewer?.account.id);
  const [after, setAfter] = useState<string | null>(null);
  const whereKey = JSON.stringify(where);
  const variables = useMemo(() => ({ first: pageSize, after, where: JSON.parse(whereKey) as PersonWhereInput | null }), [after, whereKey]);
  const [result] = useQuery({ query: CaseloadQuery, variables, pause: !viewer });

  const people = result.data?.people;
  const rows = useMemo(
    () => (people?.edges ?? []).flatMap((edge) => (edge?.node ? [caseloadRow(edge.node, viewer?.today)] : [])),
    [people, viewer?.today],
  );
  const shown = rows.filter((row) => matchesClientFilters(row, filters));
  const clientFiltering = Boolean(filters.name.trim()) || filters.flags.length > 0;

  // Practitioners and managers add people and search the whole authority.
  const canSearchEveryone = viewer?.roles.some((role) => role === 'PRACTITIONER' || role === 'MANAGER') ?? false;

  const apply = (next: CaseloadFilterValues) => {
    setAfter(null);
    setParams(paramsFrom(next));
  };

  let body;
  if (!people && (result.fetching || viewerResult.fetching || !viewer)) {
    body = (
      <p className="govuk-body" role="status">
        Loading the caseload…
      </p>
    );
  } else if (!people || (hasFailed(result.error) && rows.length === 0)) {
    body = (
      <>
        <h2 className="govuk-heading-m">Sorry, the caseload could not be loaded</h2>
        <p className="govuk-body">Try again in a few minutes.</p>
        {result.error && <p className="govuk-hint">{result.error.message}</p>}
      </>
    );
  } else {
    body = (
      <>
        <p className="govuk-body" role="status">
          {clientFiltering
            ? `${plural(shown.length, 'person', 'people')} of the ${rows.length} loaded ${shown.length === 1 ? 'matches' : 'match'} your search.`
            : `Showing ${rows.length} of ${plural(people.totalCount, 'person', 'people')}.`}
        </p>
        {shown.length > 0 ? (
          <CaseloadTable rows={shown} caption="People in the caseload" />
        ) : (
          <InsetText>
            No one {rows.length > 0 ? 'loaded so far ' : ''}matches these filters.
            {people.pageInfo.hasNextPage && ' Load more people to search further.'}
          </InsetText>
        )}
        {people.pageInfo.hasNextPage && (
          <Button
            type="button"
            variant="secondary"
            disabled={result.fetching}
            aria-disabled={result.fetching || undefined}
            onClick={() => setAfter(people.pageInfo.endCursor ?? null)}
          >
            {result.fetching ? 'Loading…' : `Load ${Math.min(pageSize, people.totalCount - rows.length)} more`}
            <span className="govuk-visually-hidden"> people</span>
          </Button>
        )}
      </>
    );
  }

  return (
    <>
      <h1 className="govuk-heading-l">{heading}</h1>
      {canSearchEveryone && <ButtonLink href="/people/new">Add a person</ButtonLink>}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop">
          {desktop ? (
            <CaseloadFilters key={params.toString()} values={filters} onApply={apply} clearHref="/caseload" canSearchEveryone={canSearchEveryone} />
          ) : (
            // On a phone the filters fold away, so the people come first.
            <Details summary="Filter and search" open={params.size > 0}>
              <CaseloadFilters key={params.toString()} values={filters} onApply={apply} clearHref="/caseload" canSearchEveryone={canSearchEveryone} />
            </Details>
          )}
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop">
          <h2 className="govuk-heading-m">People</h2>
          {body}
        </div>
      </div>
    </>
  );
}

