import { Link, Table, type TableColumn } from '../../../components';
import type { FindPeopleQuery } from '../../../gql/graphql';
import { formatDate } from '../../../lib/format';

export type PersonMatch = FindPeopleQuery['findPeople'][number];

/** Where a match's link goes: the record when the viewer has a basis, otherwise emergency access. */
export function emergencyAccessHref(match: PersonMatch): string {
  return `/people/${match.personID}/emergency-access`;
}

/** What the viewer can do about a match: open the record, or the ways to a basis for it. */
function Access({ match, onAskForAccess }: { match: PersonMatch; onAskForAccess: (match: PersonMatch) => void }) {
  if (match.hasBasis) {
    return <>{match.basis === 'EMERGENCY_ACCESS' ? 'You have emergency access' : 'On your caseload'}</>;
  }
  return (
    <>
      <span className="app-block">Not on your caseload. Held by {match.teamName ?? 'another team'}: ask them to allocate or transfer the person to you.</span>
      {match.canRequestEmergencyAccess && (
        <Link
          className="govuk-link"
          href={emergencyAccessHref(match)}
          onClick={(event) => {
            event.preventDefault();
            onAskForAccess(match);
          }}
        >
          Ask for emergency access<span className="govuk-visually-hidden"> to the record of {match.name}</span>
        </Link>
      )}
    </>
  );
}

function NameCell({ match }: { match: PersonMatch }) {
  if (match.person) {
    return (
      <Link className="govuk-link" href={`/people/${match.person.id}`}>
        {match.name}
      </Link>
    );
  }
  return <>{match.name}</>;
}

export interface PersonMatchesProps {
  caption: string;
  matches: readonly PersonMatch[];
  onAskForAccess: (match: PersonMatch) => void;
  cardHeadingLevel?: 2 | 3 | 4;
}

/**
 * People a search found, as a table (cards on a phone). Only what
 * identifies a person outside the caseload is shown: name, date of birth
 * and postcode district, with the team to ask and emergency access.
 */
export function PersonMatches({ caption, matches, onAskForAccess, cardHeadingLevel = 2 }: PersonMatchesProps) {
  const columns: ReadonlyArray<TableColumn<PersonMatch>> = [
    { key: 'name', header: 'Name', cell: (m) => <NameCell match={m} />, hideInCard: true },
    { key: 'dob', header: 'Date of birth', cell: (m) => formatDate(m.dateOfBirth) },
    { key: 'district', header: 'Postcode district', cell: (m) => m.postcodeDistrict ?? 'Not recorded' },
    { key: 'access', header: 'Your access', cell: (m) => <Access match={m} onAskForAccess={onAskForAccess} /> },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={matches}
      rowKey={(m) => m.personID}
      firstCellIsHeader
      cardTitle={(m) => m.name}
      cardTitleContent={(m) => <NameCell match={m} />}
      cardHeadingLevel={cardHeadingLevel}
    />
  );
}
