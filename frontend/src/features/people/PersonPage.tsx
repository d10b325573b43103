import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { Button, ErrorSummary, Link, NotificationBanner } from '../../components';
import type { Role } from '../../gql/graphql';
import type { SavedState } from '../../lib/forms';
import { formErrorsFrom, hasCode, hasFailed, type FormErrors } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { PersonRecord, personName } from './components/PersonRecord';
import { CreateDraftPlanMutation } from './documents';
import { RecordNeed } from './RecordNeed';
import { usePersonRecord } from './usePersonRecord';
import { WithholdFromPerson } from './WithholdFromPerson';

/** Roles that start plans and keep the record. */
const planningRoles: readonly Role[] = ['PRACTITIONER', 'MANAGER'];

function CreateDraftPlan({ personId }: { personId: string }) {
  const navigate = useNavigate();
  const [state, createPlan] = useMutation(CreateDraftPlanMutation);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const create = async () => {
    setErrors(null);
    const result = await createPlan({ input: { personID: personId } });
    const plan = result.data?.createPlan;
    if (plan) {
      navigate(`/plans/${plan.id}/edit`);
      return;
    }
    setErrors(formErrorsFrom(result.error, []));
  };
  return (
    <>
      {errors?.problem && <ErrorSummary errors={[]} description={`The draft plan was not created. ${errors.problem.message}`} rule={errors.problem.rule} />}
      <p className="govuk-body">Start a draft plan to record the person's outcomes, the visits and the risks. Nothing is shared until the plan is agreed.</p>
      <Button type="button" onClick={create} disabled={state.fetching} aria-disabled={state.fetching || undefined}>
        {state.fetching ? 'Creating the draft plan…' : 'Create a draft plan'}
      </Button>
    </>
  );
}

/** /people/:personId: a person's record as the viewer may see it. Fetches; PersonRecord renders. */
export function PersonPage() {
  const { personId = '' } = useParams();
  const { result, person } = usePersonRecord(personId);
  const saved = (useLocation().state as SavedState | null)?.saved;
  const name = person ? personName(person) : null;
  usePageTitle(name ?? 'Person');

  if (!person && result.fetching) {
    return (
      <p className="govuk-body" role="status">
        Loading the record…
      </p>
    );
  }
  if (!person && (hasCode(result.error, 'NOT_FOUND') || (result.data && !hasFailed(result.error)))) {
    return (
      <>
        <h1 className="govuk-heading-l">Person not found</h1>
        <p className="govuk-body">There is no record at this address, or none you have a basis to see.</p>
        <p className="govuk-body">
          If they are not on your caseload,{' '}
          <Link className="govuk-link" href="/people/find">
            find the person
          </Link>{' '}
          to see which team holds their record and to ask for access.
        </p>
      </>
    );
  }
  if (!person) {
    return (
      <>
        <h1 className="govuk-heading-l">Sorry, the record could not be loaded</h1>
        <p className="govuk-body">Try again in a few minutes.</p>
        {result.error && <p className="govuk-hint">{result.error.message}</p>}
      </>
    );
  }

  const canPlan = result.data?.me.roles.some((role) => planningRoles.includes(role)) ?? false;
  // One plan in progress at a time (R2): a new one once the last has ended,
  // as the server says of each version.
  const inProgress = person.plans.edges?.some((edge) => edge?.node?.inProgress);
  const createAction = canPlan && !inProgress ? <CreateDraftPlan personId={person.id} /> : undefined;
  return (
    <>
      {saved && <NotificationBanner type="success">{saved}</NotificationBanner>}
      <PersonRecord
        person={person}
        createAction={createAction}
        needsAction={canPlan ? <RecordNeed personID={person.id} /> : undefined}
        edit={canPlan ? { base: `/people/${person.id}` } : undefined}
      />
      {canPlan && <WithholdFromPerson personID={person.id} access={person.viewerAccess} />}
      <p className="govuk-body">
        <Link className="govuk-link" href={`/people/${person.id}/chronology`}>
          Chronology
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href={`/people/${person.id}/access`}>
          Who has seen this record
        </Link>
      </p>
    </>
  );
}
