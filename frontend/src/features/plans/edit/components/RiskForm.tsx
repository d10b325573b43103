import { Checkboxes, Radios, Select, Textarea } from '../../../../components';
import type { FieldIds } from '../../../../lib/graphqlErrors';
import { likelihoods, riskCategories, riskKinds } from '../../labels';
import { clientErrors, FormShell, type SaveResult, useForm } from '../../../../lib/forms';

export interface RiskFormValues {
  kind: string;
  description: string;
  category: string;
  likelihood: string;
  likelihoodEvidence: string;
  wellbeingImpact: string;
  benefits: string;
  strategy: string;
  environmentAssessmentRequired: boolean;
}

export const riskFieldIds: FieldIds = [
  ['kind', 'kind'],
  ['description', 'description'],
  ['category', 'category'],
  ['likelihood', 'likelihood'],
  ['likelihoodEvidence', 'likelihoodEvidence'],
  ['wellbeingImpact', 'wellbeingImpact'],
  ['benefits', 'benefits'],
  ['strategy', 'strategy'],
  ['environmentAssessmentRequired', 'environmentAssessmentRequired'],
];

export function validateRisk(values: RiskFormValues) {
  return clientErrors(riskFieldIds, {
    kind: values.kind ? null : 'Select who or what is at risk',
    description: values.description.trim() ? null : 'Describe the risk',
  });
}

export interface RiskFormProps {
  initial: RiskFormValues;
  personName: string;
  editing: boolean;
  cancelHref: string;
  onSave: (values: RiskFormValues) => Promise<SaveResult>;
}

/** Add or change a risk discussed in planning (R6). */
export function RiskForm({ initial, personName, editing, cancelHref, onSave }: RiskFormProps) {
  const { values, set, errors, submitting, submit } = useForm(initial, validateRisk, onSave);
  const error = (field: string) => errors.fields[field];
  return (
    <FormShell
      heading={editing ? 'Change the risk' : 'Add a risk'}
      caption={`Draft plan for ${personName}`}
      errors={errors}
      submitting={submitting}
      submitLabel={editing ? 'Save the risk' : 'Add the risk'}
      cancelHref={cancelHref}
      onSubmit={submit}
    >
      <Radios
        name="kind"
        legend="Who or what is at risk?"
        legendSize="m"
        value={values.kind || null}
        error={error('kind')}
        onChange={(kind) => set('kind', kind)}
        items={Object.entries(riskKinds).map(([value, kind]) => ({ value, label: kind.short, hint: kind.hint }))}
      />
      <Textarea
        id="description"
        label="What is the risk?"
        labelSize="s"
        rows={3}
        value={values.description}
        error={error('description')}
        onChange={(event) => set('description', event.currentTarget.value)}
      />
      <Select
        id="category"
        label="What kind of risk is it? (optional)"
        labelSize="s"
        value={values.category}
        error={error('category')}
        onChange={(event) => set('category', event.currentTarget.value)}
        options={[{ value: '', text: 'Not given' }, ...Object.entries(riskCategories).map(([value, text]) => ({ value, text }))]}
      />
      <Radios
        name="likelihood"
        legend="How likely is it? (optional)"
        legendSize="s"
        inline
        value={values.likelihood || null}
        error={error('likelihood')}
        onChange={(likelihood) => set('likelihood', likelihood)}
        items={Object.entries(likelihoods).map(([value, text]) => ({ value, label: text }))}
      />
      <Textarea
        id="likelihoodEvidence"
        label="What is the evidence for that? (optional)"
        labelSize="s"
        rows={2}
        value={values.likelihoodEvidence}
        error={error('likelihoodEvidence')}
        onChange={(event) => set('likelihoodEvidence', event.currentTarget.value)}
      />
      <Textarea
        id="wellbeingImpact"
        label={`What would it mean for ${personName}'s wellbeing? (optional)`}
        labelSize="s"
        rows={2}
        value={values.wellbeingImpact}
        error={error('wellbeingImpact')}
        onChange={(event) => set('wellbeingImpact', event.currentTarget.value)}
      />
      <Textarea
        id="benefits"
        label="What benefits are weighed against it? (optional)"
        labelSize="s"
        hint="For positive risk-taking: what the person gains by taking the risk."
        rows={2}
        value={values.benefits}
        error={error('benefits')}
        onChange={(event) => set('benefits', event.currentTarget.value)}
      />
      <Textarea
        id="strategy"
        label="How is the risk managed? (optional)"
        labelSize="s"
        rows={3}
        value={values.strategy}
        error={error('strategy')}
        onChange={(event) => set('strategy', event.currentTarget.value)}
      />
      <Checkboxes
        name="environmentAssessmentRequired"
        legend="Environment risk assessment"
        legendSize="s"
        hint="For risks to the worker (R31)."
        small
        value={values.environmentAssessmentRequired ? ['yes'] : []}
        error={error('environmentAssessmentRequired')}
        onChange={(checked) => set('environmentAssessmentRequired', checked.includes('yes'))}
        items={[{ value: 'yes', label: 'The evidence calls for an environment risk assessment before visits start' }]}
      />
    </FormShell>
  );
}
