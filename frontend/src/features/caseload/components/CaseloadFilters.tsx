import { useState, type FormEvent } from 'react';
import { Button, Checkboxes, Link, Radios, Select, TextInput } from '../../../components';
import { flagKeys, flagLabels, type FlagKey } from '../../../lib/personFlags';

export type Whose = 'team' | 'mine';

export interface CaseloadFilterValues {
  /** A plan status, "NONE" for people without a plan, or "" for any. */
  status: string;
  whose: Whose;
  flags: FlagKey[];
  name: string;
}

export const noFilters: CaseloadFilterValues = { status: '', whose: 'team', flags: [], name: '' };

export const statusOptions = [
  { value: '', text: 'Any status' },
  { value: 'DRAFT', text: 'Draft' },
  { value: 'AGREED', text: 'Agreed' },
  { value: 'ACTIVE', text: 'Active' },
  { value: 'UNDER_REVIEW', text: 'Under review' },
  { value: 'ENDED', text: 'Ended' },
  { value: 'REFUSED', text: 'Refused' },
  { value: 'WITHDRAWN', text: 'Withdrawn' },
  { value: 'NONE', text: 'No plan yet' },
] as const;

export interface CaseloadFiltersProps {
  values: CaseloadFilterValues;
  onApply: (values: CaseloadFilterValues) => void;
  clearHref: string;
  /** Offer "Search everyone" (practitioners and managers may search the whole authority). */
  canSearchEveryone?: boolean;
}

/**
 * Filters for the caseload. Whose people and plan status are asked of the
 * server; the name search and flags apply to the people loaded so far,
 * because names and flags are gated fields the API does not filter on.
 */
export function CaseloadFilters({ values, onApply, clearHref, canSearchEveryone = false }: CaseloadFiltersProps) {
  const [draft, setDraft] = useState(values);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="filter-heading" className="app-filters">
      <h2 className="govuk-heading-m" id="filter-heading">
        Filter
      </h2>
      <TextInput
        id="name"
        label="Search by name"
        labelSize="s"
        hint="Searches the people loaded on this page"
        spellCheck={false}
        autoComplete="off"
        value={draft.name}
        onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
      />
      {canSearchEveryone && (
        <p className="govuk-body-s">
          <Link className="govuk-link" href={draft.name.trim() ? `/people/find?q=${encodeURIComponent(draft.name.trim())}` : '/people/find'}>
            Search everyone
          </Link>{' '}
          by name, NHS number or postcode, not only your caseload
        </p>
      )}
      <Radios
        name="whose"
        legend="Whose people"
        legendSize="s"
        small
        value={draft.whose}
        onChange={(whose) => setDraft({ ...draft, whose: whose as Whose })}
        items={[
          { value: 'team', label: "My team's caseload" },
          { value: 'mine', label: 'Allocated to me' },
        ]}
      />
      <Select
        id="status"
        label="Plan status"
        labelSize="s"
        options={statusOptions}
        value={draft.status}
        onChange={(event) => setDraft({ ...draft, status: event.currentTarget.value })}
      />
      <Checkboxes
        name="flag"
        legend="Flags"
        legendSize="s"
        hint="Only people with every flag you select"
        small
        value={draft.flags}
        onChange={(flags) => setDraft({ ...draft, flags: flags as FlagKey[] })}
        items={flagKeys.map((flag) => ({ value: flag, label: flagLabels[flag] }))}
      />
      <div className="govuk-button-group">
        <Button variant="secondary">Apply filters</Button>
        <Link className="govuk-link" href={clearHref}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
