import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button, DateInput, ErrorSummary, InsetText, Link, TextInput } from '../../components';
import { dateFields, parseDateFields, type DateFields } from '../../lib/dates';
import { plural } from '../../lib/format';
import { formErrorsFrom, hasCode, hasFailed } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { PersonMatches, emergencyAccessHref, type PersonMatch } from './components/PersonMatches';
import { FindPeopleQuery } from './documents';

/** How many matches a search shows: the API's most. */
const maxMatches = 25;

interface Problems {
  text?: string;
  dateOfBirth?: string;
}

/**
 * /people/find: anyone in the authority, by name (misspellings and previous
 * surnames too), NHS number or postcode, and date of birth. The search is in
 * the address (?q=, ?dob=), so going back shows the same results.
 */
export function FindPersonPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get('q') ?? '';
  const dob = params.get('dob') ?? '';
  const [text, setText] = useState(q);
  const [date, setDate] = useState<DateFields>(dateFields(dob));
  const [problems, setProblems] = useState<Problems>({});
  const searching = q.trim().length >= 2 || dob !== '';
  const [result] = useQuery({
    query: FindPeopleQuery,
    variables: { text: q, dateOfBirth: dob || null, first: maxMatches },
    pause: !searching,
    requestPolicy: 'network-only',
  });
  const hasProblems = Boolean(problems.text || problems.dateOfBirth);
  usePageTitle('Find a person', hasProblems);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseDateFields(date, 'Date of birth');
    const next: Problems = {};
    if ('error' in parsed) next.dateOfBirth = parsed.error;
    if (text.trim().length < 2 && !('value' in parsed && parsed.value)) next.text = 'Enter at least 2 letters of a name, an NHS number or a postcode';
    setProblems(next);
    if (next.text || next.dateOfBirth) return;
    const search = new URLSearchParams();
    if (text.trim()) search.set('q', text.trim());
    if ('value' in parsed && parsed.value) search.set('dob', parsed.value);
    setParams(search);
  };
  const askForAccess = (match: PersonMatch) => navigate(emergencyAccessHref(match), { state: { name: match.name } });

  const summary = [
    ...(problems.text ? [{ text: problems.text, fieldId: 'text' }] : []),
    ...(problems.dateOfBirth ? [{ text: problems.dateOfBirth, fieldId: 'dateOfBirth-day' }] : []),
  ];
  const matches = result.data?.findPeople ?? [];
  let results = null;
  if (searching && result.fetching && !result.data) {
    results = (
      <p className="govuk-body" role="status">
        Searching…
      </p>
    );
  } else if (searching && hasFailed(result.error)) {
    const refused = hasCode(result.error, 'FORBIDDEN');
    const message = formErrorsFrom(result.error, []).problem?.message;
    results = (
      <p className="govuk-body" role="status">
        {refused ? message : `Sorry, the search did not work. ${message ?? 'Try again.'}`}
      </p>
    );
  } else if (searching && result.data) {
    results = (
      <>
        <p className="govuk-body" role="status">
          {matches.length === 0
            ? 'No one matches your search. Check the spelling, try a previous surname, or search by NHS number or postcode.'
            : `${plural(matches.length, 'person matches', 'people match')} your search${matches.length === maxMatches ? ': add a date of birth to narrow it' : ''}.`}
        </p>
        {matches.length > 0 && <PersonMatches caption="People found" matches={matches} onAskForAccess={askForAccess} />}
        <InsetText>Your searches are recorded, with the people they found.</InsetText>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">Find a person</h1>
      <p className="govuk-body">Search everyone known to the council, not only your caseload. For people outside your caseload you see their name, date of birth and postcode district, and how to get access to their record.</p>
      <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
        <TextInput
          id="text"
          label="Name, NHS number or postcode"
          labelSize="s"
          hint="A misspelt or previous surname is found too"
          spellCheck={false}
          autoComplete="off"
          value={text}
          error={problems.text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <DateInput id="dateOfBirth" legend="Date of birth (optional)" legendSize="s" hint="For example, 27 3 1941" value={date} error={problems.dateOfBirth} onChange={setDate} />
        <Button>Search</Button>
      </form>
      {results}
      <p className="govuk-body">
        <Link className="govuk-link" href="/people/new">
          Add a person
        </Link>{' '}
        if they are not known yet.
      </p>
    </>
  );
}
