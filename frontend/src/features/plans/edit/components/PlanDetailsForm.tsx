import { Checkboxes, DateInput, InsetText, Radios, Select, Textarea, TextInput } from '../../../../components';
import { parseDateFields, type DateFields } from '../../../../lib/dates';
import type { FieldIds } from '../../../../lib/graphqlErrors';
import { clientErrors, FormShell, type SaveResult, useForm } from '../../../../lib/forms';

/** The R1 parts of a plan edited on their own page each. */
export const detailSections = {
  needs: { heading: 'Needs the plan addresses', task: 'Needs addressed' },
  visits: { heading: 'Visits: how often and how long', task: 'Visits' },
  worker: { heading: 'What the worker does', task: 'What the worker does' },
  'other-support': { heading: 'Other support', task: 'Other support' },
  review: { heading: 'Review arrangements', task: 'Review arrangements' },
} as const;

export type DetailSection = keyof typeof detailSections;

export function isDetailSection(value: string | undefined): value is DetailSection {
  return value !== undefined && value in detailSections;
}

export interface PlanDetailsValues {
  needIds: string[];
  visitFrequency: string;
  visitDurationMinutes: string;
  plannedStart: DateFields;
  plannedEnd: DateFields;
  workerTasks: string;
  fluctuatingNeeds: string;
  /** "yes": there is other support (described); "no": explicitly none; "": not answered. */
  otherSupportGiven: '' | 'yes' | 'no';
  otherSupport: string;
  reviewFrequency: string;
  reviewResponsibleID: string;
  firstReviewDue: DateFields;
}

/** Input field → control id, per section, in form order. Server errors on these fields go beside them. */
export const detailFieldIds: Record<DetailSection, FieldIds> = {
  needs: [
    ['needs', 'needs'],
    ['addNeedIDs', 'needs'],
    ['removeNeedIDs', 'needs'],
  ],
  visits: [
    ['visitFrequency', 'visitFrequency'],
    ['visitDurationMinutes', 'visitDurationMinutes'],
    ['plannedStart', 'plannedStart-day'],
    ['plannedEnd', 'plannedEnd-day'],
  ],
  worker: [
    ['workerTasks', 'workerTasks'],
    ['fluctuatingNeeds', 'fluctuatingNeeds'],
  ],
  'other-support': [
    ['noOtherSupport', 'otherSupportGiven'],
    ['otherSupport', 'otherSupport'],
  ],
  review: [
    ['reviewFrequency', 'reviewFrequency'],
    ['reviewResponsibleID', 'reviewResponsibleID'],
    ['firstReviewDue', 'firstReviewDue-day'],
  ],
};

export function validateDetails(section: DetailSection, values: PlanDetailsValues) {
  const ids = detailFieldIds[section];
  const dateError = (fields: DateFields, name: string) => {
    const parsed = parseDateFields(fields, name);
    return 'error' in parsed ? parsed.error : null;
  };
  switch (section) {
    case 'visits': {
      const minutes = values.visitDurationMinutes.trim();
      return clientErrors(ids, {
        visitDurationMinutes: minutes && !/^-?\d+$/.test(minutes) ? 'Visit length must be a whole number of minutes, like 45' : null,
        plannedStart: dateError(values.plannedStart, 'Planned start'),
        plannedEnd: dateError(values.plannedEnd, 'Planned end'),
      });
    }
    case 'other-support':
      return clientErrors(ids, {
        otherSupport: values.otherSupportGiven === 'yes' && !values.otherSupport.trim() ? 'Describe the other support, or select “No other support”' : null,
      });
    case 'review':
      return clientErrors(ids, { firstReviewDue: dateError(values.firstReviewDue, 'First review date') });
    default:
      return clientErrors(ids, {});
  }
}

export interface PlanDetailsFormProps {
  section: DetailSection;
  initial: PlanDetailsValues;
  personName: string;
  /** The person's recorded needs, to choose from (R1(a)). */
  needs: ReadonlyArray<{ id: string; area?: string | null; description?: string | null }>;
  /** Who may be responsible for reviews (R1(f)). */
  people: ReadonlyArray<{ id: string; displayName: string; jobTitle?: string | null }>;
  cancelHref: string;
  onSave: (values: PlanDetailsValues) => Promise<SaveResult>;
}

/** One R1 part of a draft plan. */
export function PlanDetailsForm({ section, initial, personName, needs, people, cancelHref, onSave }: PlanDetailsFormProps) {
  const { values, set, errors, submitting, submit } = useForm(initial, (v) => validateDetails(section, v), onSave);
  const error = (field: string) => errors.fields[field];
  const { heading } = detailSections[section];

  return (
    <FormShell
      heading={heading}
      caption={`Draft plan for ${personName}`}
      errors={errors}
      submitting={submitting}
      submitLabel="Save and return"
      cancelHref={cancelHref}
      onSubmit={submit}
    >
      {section === 'needs' &&
        (needs.length === 0 ? (
          <InsetText>No needs are recorded for {personName} yet. Record their needs first, then choose the ones this plan addresses.</InsetText>
        ) : (
          <Checkboxes
            name="needs"
            legend="Which needs does the plan prevent, reduce or delay?"
            legendSize="s"
            hint="Select all that apply."
            value={values.needIds}
            error={error('needs') ?? error('addNeedIDs') ?? error('removeNeedIDs')}
            onChange={(needIds) => set('needIds', needIds)}
            items={needs.map((need) => ({ value: need.id, label: need.area || 'Need', hint: need.description || undefined }))}
          />
        ))}

      {section === 'visits' && (
        <>
          <TextInput
            id="visitFrequency"
            label="How often do visits happen?"
            labelSize="s"
            hint="For example, “Twice daily, reducing to daily”."
            value={values.visitFrequency}
            error={error('visitFrequency')}
            onChange={(event) => set('visitFrequency', event.currentTarget.value)}
          />
          <TextInput
            id="visitDurationMinutes"
            label="How long does each visit last?"
            labelSize="s"
            hint="In minutes, for example 45."
            inputMode="numeric"
            width={3}
            suffix="minutes"
            spellCheck={false}
            value={values.visitDurationMinutes}
            error={error('visitDurationMinutes')}
            onChange={(event) => set('visitDurationMinutes', event.currentTarget.value)}
          />
          <DateInput
            id="plannedStart"
            legend="When is reablement planned to start? (optional)"
            legendSize="s"
            hint="For example, 1 12 2026"
            value={values.plannedStart}
            error={error('plannedStart')}
            onChange={(plannedStart) => set('plannedStart', plannedStart)}
          />
          <DateInput
            id="plannedEnd"
            legend="When is it planned to end? (optional)"
            legendSize="s"
            hint="No later than the authority's maximum period (R9)."
            value={values.plannedEnd}
            error={error('plannedEnd')}
            onChange={(plannedEnd) => set('plannedEnd', plannedEnd)}
          />
        </>
      )}

      {section === 'worker' && (
        <>
          <Textarea
            id="workerTasks"
            label="What will the reablement worker do during visits?"
            labelSize="s"
            hint="Describe the enabling approach: what the worker encourages the person to do for themself."
            value={values.workerTasks}
            error={error('workerTasks')}
            onChange={(event) => set('workerTasks', event.currentTarget.value)}
          />
          <Textarea
            id="fluctuatingNeeds"
            label="What happens on a bad day? (optional)"
            labelSize="s"
            hint="The hands-on support agreed when needs fluctuate, and that the enabling approach resumes after (R8)."
            rows={3}
            value={values.fluctuatingNeeds}
            error={error('fluctuatingNeeds')}
            onChange={(event) => set('fluctuatingNeeds', event.currentTarget.value)}
          />
        </>
      )}

      {section === 'other-support' && (
        <Radios
          name="otherSupportGiven"
          legend={`Will ${personName} get any other support?`}
          legendSize="s"
          hint="For example occupational therapy, assistive technology, health services or joint work."
          value={values.otherSupportGiven || null}
          error={error('noOtherSupport')}
          onChange={(answer) => set('otherSupportGiven', answer as 'yes' | 'no')}
          items={[
            {
              value: 'yes',
              label: 'Yes',
              conditional: (
                <Textarea
                  id="otherSupport"
                  label="Describe the other support"
                  labelSize="s"
                  rows={3}
                  value={values.otherSupport}
                  error={error('otherSupport')}
                  onChange={(event) => set('otherSupport', event.currentTarget.value)}
                />
              ),
            },
            { value: 'no', label: 'No other support' },
          ]}
        />
      )}

      {section === 'review' && (
        <>
          <TextInput
            id="reviewFrequency"
            label="How often will the plan be reviewed?"
            labelSize="s"
            hint="For example, “At 3 weeks, then every 2 weeks”."
            value={values.reviewFrequency}
            error={error('reviewFrequency')}
            onChange={(event) => set('reviewFrequency', event.currentTarget.value)}
          />
          <Select
            id="reviewResponsibleID"
            label="Who is responsible for making reviews happen?"
            labelSize="s"
            value={values.reviewResponsibleID}
            error={error('reviewResponsibleID')}
            onChange={(event) => set('reviewResponsibleID', event.currentTarget.value)}
            options={[
              { value: '', text: 'Not decided yet' },
              ...people.map((p) => ({ value: p.id, text: p.jobTitle ? `${p.displayName}, ${p.jobTitle}` : p.displayName })),
            ]}
          />
          <DateInput
            id="firstReviewDue"
            legend="When is the first review due? (optional)"
            legendSize="s"
            hint="If you leave it blank, it is set 21 days after reablement starts (R11)."
            value={values.firstReviewDue}
            error={error('firstReviewDue')}
            onChange={(firstReviewDue) => set('firstReviewDue', firstReviewDue)}
          />
        </>
      )}
    </FormShell>
  );
}
