import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useClient, useMutation } from 'urql';
import { Button, ButtonLink, ErrorSummary, Link, NotificationBanner, SummaryList, TaskList, WarningText, type Task } from '../../../components';
import { dateFields, parseDateFields } from '../../../lib/dates';
import { formatDate } from '../../../lib/format';
import { noErrors, type FormErrors } from '../../../lib/graphqlErrors';
import { usePageTitle } from '../../../lib/usePageTitle';
import type { UpdatePlanInput } from '../../../gql/graphql';
import { OutcomeCard } from '../components/OutcomeCard';
import { RiskCard, RisksByKind } from '../components/RisksByKind';
import { stepStatuses } from '../labels';
import { outcomesOf, sortSteps } from '../types';
import { ContingencyForm, contingencyFieldIds, type ContingencyFormValues } from './components/ContingencyForm';
import { OutcomeForm, outcomeFieldIds, type OutcomeFormValues } from './components/OutcomeForm';
import {
  PlanDetailsForm,
  detailFieldIds,
  detailSections,
  isDetailSection,
  type DetailSection,
  type PlanDetailsValues,
} from './components/PlanDetailsForm';
import { RiskForm, riskFieldIds, type RiskFormValues } from './components/RiskForm';
import { StepForm, stepFieldIds, type StepFormValues } from './components/StepForm';
import {
  CreateContingencyMutation,
  CreateOutcomeMutation,
  CreateOutcomeStepMutation,
  CreateRiskMutation,
  DeleteContingencyMutation,
  DeleteOutcomeMutation,
  DeleteOutcomeStepMutation,
  DeleteRiskMutation,
  PlanEditQuery,
  UpdateContingencyMutation,
  UpdateOutcomeMutation,
  UpdateOutcomeStepMutation,
  UpdatePlanMutation,
  UpdateRiskMutation,
} from './documents';
import { saveErrors, text, type SavedState } from '../../../lib/forms';
import { editBlocker, usePlanEdit, type EditablePlan } from './usePlanEdit';

const editHref = (planId: string, rest = '') => `/plans/${planId}/edit${rest}`;

/** The success banner a page shows after a change saved elsewhere sent the user here. */
function SavedBanner() {
  const state = useLocation().state as SavedState | null;
  if (!state?.saved) return null;
  return <NotificationBanner type="success">{state.saved}</NotificationBanner>;
}

/* ------------------------------------------------------------------ */
/* The task list                                                       */
/* ------------------------------------------------------------------ */

const completed = { text: 'Completed' } as const;
const incomplete = { tag: { text: 'Incomplete', colour: 'blue' as const } };
const notStarted = { tag: { text: 'Not yet started', colour: 'blue' as const } };

/**
 * The parts of a draft plan and how complete each is. Whether a part is
 * complete is what Plan.readiness says still stops agreement (R1, R7), by
 * the fields it names: the server's checks, not a copy of them here.
 */
export function planTasks(plan: EditablePlan): Task[] {
  const outcomes = outcomesOf(plan);
  const risks = plan.risks ?? [];
  const href = (rest: string) => editHref(plan.id, rest);
  const missing = new Set((plan.readiness?.agree ?? []).map((item) => item.field));
  const status = (fields: readonly string[], started: boolean) => (!fields.some((f) => missing.has(f)) ? completed : started ? incomplete : notStarted);
  return [
    {
      title: detailSections.needs.task,
      href: href('/needs'),
      hint: `${(plan.needs ?? []).length} chosen`,
      status: status(['needs'], false),
    },
    {
      title: 'Outcomes and steps',
      href: href('/outcomes'),
      hint: outcomes.length === 0 ? undefined : `${outcomes.length} ${outcomes.length === 1 ? 'outcome' : 'outcomes'}`,
      status: status(['outcomes'], outcomes.length > 0),
    },
    {
      title: detailSections.visits.task,
      href: href('/visits'),
      status: status(['visitFrequency', 'visitDurationMinutes'], Boolean(plan.visitFrequency || plan.visitDurationMinutes)),
    },
    { title: detailSections.worker.task, href: href('/worker'), status: status(['workerTasks'], Boolean(plan.fluctuatingNeeds)) },
    { title: detailSections['other-support'].task, href: href('/other-support'), status: status(['otherSupport'], false) },
    {
      title: detailSections.review.task,
      href: href('/review'),
      status: status(['reviewFrequency', 'reviewResponsibleID'], Boolean(plan.reviewFrequency || plan.reviewResponsible || plan.firstReviewDue)),
    },
    {
      title: 'Risks and contingencies',
      href: href('/risks'),
      hint: risks.length === 0 ? undefined : `${risks.length} ${risks.length === 1 ? 'risk' : 'risks'}`,
      status: risks.length === 0 ? notStarted : status(['risks'], true),
    },
  ];
}

/** /plans/:planId/edit: the parts of the draft, as a GOV.UK task list. */
export function PlanEditPage() {
  const edit = usePlanEdit();
  usePageTitle('Edit the draft plan');
  const blocker = editBlocker(edit);
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;
  const tasks = planTasks(plan);
  const done = tasks.filter((task) => 'text' in task.status && task.status.text === 'Completed').length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <SavedBanner />
        <span className="govuk-caption-l">Draft plan for {edit.personName}</span>
        <h1 className="govuk-heading-l">Edit the draft plan</h1>
        <p className="govuk-body">
          Version {plan.version}. You have completed {done} of {tasks.length} parts.{' '}
          {(plan.readiness?.agree ?? []).length === 0 ? (
            <Link className="govuk-link" href={`/plans/${plan.id}/agree`}>
              Nothing stops the plan being agreed: agree it
            </Link>
          ) : (
            <Link className="govuk-link" href={`/plans/${plan.id}/agree`}>
              See everything that still stops the plan being agreed
            </Link>
          )}
        </p>
        <TaskList tasks={tasks} idPrefix="plan-tasks" />
        <p className="govuk-body">
          <Link className="govuk-link" href={`/plans/${plan.id}`}>
            View the plan
          </Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" href={`/people/${plan.person.id}`}>
            Return to {edit.personName}'s record
          </Link>
        </p>
      </div>
    </div>
  );
}

/* ------------------------------------------------------------------ */
/* R1 details                                                          */
/* ------------------------------------------------------------------ */

function detailValues(plan: EditablePlan): PlanDetailsValues {
  return {
    needIds: (plan.needs ?? []).map((need) => need.id),
    visitFrequency: plan.visitFrequency ?? '',
    visitDurationMinutes: plan.visitDurationMinutes === null || plan.visitDurationMinutes === undefined ? '' : String(plan.visitDurationMinutes),
    plannedStart: dateFields(plan.plannedStart),
    plannedEnd: dateFields(plan.plannedEnd),
    workerTasks: plan.workerTasks ?? '',
    fluctuatingNeeds: plan.fluctuatingNeeds ?? '',
    otherSupportGiven: plan.otherSupport ? 'yes' : plan.noOtherSupport ? 'no' : '',
    otherSupport: plan.otherSupport ?? '',
    reviewFrequency: plan.reviewFrequency ?? '',
    reviewResponsibleID: plan.reviewResponsible?.id ?? '',
    firstReviewDue: dateFields(plan.firstReviewDue),
  };
}

const dateValue = (fields: PlanDetailsValues['plannedStart']) => {
  const parsed = parseDateFields(fields, '');
  return 'value' in parsed ? parsed.value : null;
};

/** The changes one section's answers make, with clears for what was emptied. */
export function detailInput(section: DetailSection, values: PlanDetailsValues, plan: Pick<EditablePlan, 'needs'>): UpdatePlanInput {
  switch (section) {
    case 'needs': {
      const before = new Set((plan.needs ?? []).map((need) => need.id));
      const after = new Set(values.needIds);
      const addNeedIDs = [...after].filter((id) => !before.has(id));
      const removeNeedIDs = [...before].filter((id) => !after.has(id));
      return { ...(addNeedIDs.length > 0 && { addNeedIDs }), ...(removeNeedIDs.length > 0 && { removeNeedIDs }) };
    }
    case 'visits': {
      const frequency = text(values.visitFrequency);
      const minutes = values.visitDurationMinutes.trim();
      const start = dateValue(values.plannedStart);
      const end = dateValue(values.plannedEnd);
      return {
        ...(frequency ? { visitFrequency: frequency } : { clearVisitFrequency: true }),
        ...(minutes ? { visitDurationMinutes: Number.parseInt(minutes, 10) } : { clearVisitDurationMinutes: true }),
        ...(start ? { plannedStart: start } : { clearPlannedStart: true }),
        ...(end ? { plannedEnd: end } : { clearPlannedEnd: true }),
      };
    }
    case 'worker': {
      const tasks = text(values.workerTasks);
      const fluctuating = text(values.fluctuatingNeeds);
      return {
        ...(tasks ? { workerTasks: tasks } : { clearWorkerTasks: true }),
        ...(fluctuating ? { fluctuatingNeeds: fluctuating } : { clearFluctuatingNeeds: true }),
      };
    }
    case 'other-support': {
      if (values.otherSupportGiven === 'no') return { noOtherSupport: true, clearOtherSupport: true };
      if (values.otherSupportGiven === 'yes') return { noOtherSupport: false, otherSupport: text(values.otherSupport) ?? '' };
      return {};
    }
    case 'review': {
      const frequency = text(values.reviewFrequency);
      const due = dateValue(values.firstReviewDue);
      return {
        ...(frequency ? { reviewFrequency: frequency } : { clearReviewFrequency: true }),
        ...(values.reviewResponsibleID ? { reviewResponsibleID: values.reviewResponsibleID } : { clearReviewResponsible: true }),
        ...(due ? { firstReviewDue: due } : { clearFirstReviewDue: true }),
      };
    }
  }
}

const conflictMessage =
  'Someone else saved this plan after you opened this page, so your answers were not saved. Your answers are still below, and their changes are now loaded: save again to replace them with yours, or cancel to keep theirs.';

/** /plans/:planId/edit/:section: one R1 part of the draft. */
export function PlanDetailsPage() {
  const { section } = useParams();
  const edit = usePlanEdit();
  const navigate = useNavigate();
  const client = useClient();
  const [, updatePlan] = useMutation(UpdatePlanMutation);
  // The revision this page was opened at: a save from it must not overwrite a newer one unseen.
  const [baseRevision, setBaseRevision] = useState<number | null>(null);
  const blocker = editBlocker(edit);
  if (!isDetailSection(section)) {
    return <NotFound />;
  }
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;
  const revision = baseRevision ?? plan.revision;

  const people = [...(plan.person.team?.members ?? [])];
  if (edit.me && !people.some((p) => p.id === edit.me?.account.id)) people.unshift(edit.me.account);
  if (plan.reviewResponsible && !people.some((p) => p.id === plan.reviewResponsible?.id)) people.push(plan.reviewResponsible);

  const onSave = async (values: PlanDetailsValues): Promise<FormErrors | null> => {
    const input = detailInput(section, values, plan);
    if (Object.keys(input).length === 0) {
      navigate(editHref(plan.id));
      return null;
    }
    const result = await updatePlan({ id: plan.id, expectedRevision: revision, input });
    const errors = saveErrors(result, detailFieldIds[section]);
    if (!errors) {
      navigate(editHref(plan.id), { state: { saved: `${detailSections[section].heading}: saved` } satisfies SavedState });
      return null;
    }
    if (errors.problem?.kind === 'conflict') {
      const fresh = await client.query(PlanEditQuery, { id: plan.id }, { requestPolicy: 'network-only' }).toPromise();
      const node = fresh.data?.node;
      if (node?.__typename === 'Plan') setBaseRevision(node.revision);
      return { ...errors, problem: { kind: 'conflict', message: conflictMessage } };
    }
    return errors;
  };

  return (
    <PlanDetailsForm
      key={section}
      section={section}
      initial={detailValues(plan)}
      personName={edit.personName}
      needs={plan.person.needs ?? []}
      people={people}
      cancelHref={editHref(plan.id)}
      onSave={onSave}
    />
  );
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
    </>
  );
}

/* ------------------------------------------------------------------ */
/* Outcomes and steps                                                  */
/* ------------------------------------------------------------------ */

function CardActions({ items }: { items: ReadonlyArray<{ href: string; text: string; hidden: string }> }) {
  return (
    <ul className="govuk-summary-card__actions">
      {items.map((item) => (
        <li key={item.href} className="govuk-summary-card__action">
          <Link className="govuk-link" href={item.href}>
            {item.text}
            <span className="govuk-visually-hidden"> {item.hidden}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** /plans/:planId/edit/outcomes: the outcomes, their steps and progress, with links to change them. */
export function OutcomesEditPage() {
  const edit = usePlanEdit();
  usePageTitle('Outcomes and steps');
  const blocker = editBlocker(edit);
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;
  const outcomes = outcomesOf(plan);
  return (
    <>
      <SavedBanner />
      <span className="govuk-caption-l">Draft plan for {edit.personName}</span>
      <h1 className="govuk-heading-l">Outcomes and steps</h1>
      <p className="govuk-body">
        What {edit.personName} wants to achieve, change or keep the same, in their own words (R5). Give each outcome a target date or steps.
      </p>
      {outcomes.length === 0 && <p className="govuk-body">No outcomes yet.</p>}
      {outcomes.map((outcome, index) => {
        const number = index + 1;
        const steps = sortSteps(outcome.steps ?? []);
        return (
          <OutcomeCard
            key={outcome.id}
            outcome={outcome}
            number={number}
            headingLevel={2}
            titleActions={
              <CardActions
                items={[
                  { href: editHref(plan.id, `/outcomes/${outcome.id}`), text: 'Change', hidden: `outcome ${number}` },
                  { href: editHref(plan.id, `/delete/outcome/${outcome.id}`), text: 'Delete', hidden: `outcome ${number}` },
                ]}
              />
            }
          >
            {steps.length > 0 && (
              <>
                <h3 className="govuk-heading-s govuk-!-margin-top-6">Steps</h3>
                <SummaryList
                  rows={steps.map((step, stepIndex) => ({
                    id: step.id,
                    key: `Step ${stepIndex + 1}`,
                    value: (
                      <>
                        {step.description}
                        <span className="govuk-hint govuk-!-margin-bottom-0 app-block">
                          {stepStatuses[(step.status ?? 'NOT_STARTED') as keyof typeof stepStatuses]}
                          {step.targetDate && `, by ${formatDate(step.targetDate)}`}
                        </span>
                      </>
                    ),
                    actions: [
                      { href: editHref(plan.id, `/steps/${step.id}`), text: 'Change', visuallyHiddenText: `step ${stepIndex + 1} of outcome ${number}` },
                      { href: editHref(plan.id, `/delete/step/${step.id}`), text: 'Delete', visuallyHiddenText: `step ${stepIndex + 1} of outcome ${number}` },
                    ],
                  }))}
                />
              </>
            )}
            <ButtonLink variant="secondary" href={editHref(plan.id, `/outcomes/${outcome.id}/steps/new`)} className="govuk-!-margin-bottom-0">
              Add a step<span className="govuk-visually-hidden"> to outcome {number}</span>
            </ButtonLink>
          </OutcomeCard>
        );
      })}
      <div className="govuk-button-group">
        <ButtonLink href={editHref(plan.id, '/outcomes/new')}>Add an outcome</ButtonLink>
        <Link className="govuk-link" href={editHref(plan.id)}>
          Return to the draft plan
        </Link>
      </div>
    </>
  );
}

function outcomeValues(outcome?: ReturnType<typeof outcomesOf>[number]): OutcomeFormValues {
  return {
    statement: outcome?.statement ?? '',
    kind: outcome?.kind ?? '',
    domain: outcome?.domain ?? '',
    targetDate: dateFields(outcome?.targetDate),
    measure: outcome?.measure ?? '',
    supportRequired: outcome?.supportRequired ?? '',
    achievement: outcome?.achievement ?? 'NOT_STARTED',
  };
}

/** /plans/:planId/edit/outcomes/new and /outcomes/:outcomeId. */
export function OutcomeFormPage() {
  const { outcomeId } = useParams();
  const edit = usePlanEdit();
  const navigate = useNavigate();
  const [, createOutcome] = useMutation(CreateOutcomeMutation);
  const [, updateOutcome] = useMutation(UpdateOutcomeMutation);
  const blocker = editBlocker(edit);
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;
  const outcomes = outcomesOf(plan);
  const outcome = outcomeId ? outcomes.find((o) => o.id === outcomeId) : undefined;
  if (outcomeId && !outcome) return <NotFound />;
  const back = editHref(plan.id, '/outcomes');

  const onSave = async (values: OutcomeFormValues) => {
    const parsed = parseDateFields(values.targetDate, 'Target date');
    const targetDate = 'value' in parsed ? parsed.value : null;
    const statement = values.statement.trim();
    const result = outcome
      ? await updateOutcome({
          id: outcome.id,
          input: {
            statement,
            ...(values.kind && { kind: values.kind as never }),
            ...(values.domain && { domain: values.domain as never }),
            ...(text(values.measure) ? { measure: text(values.measure) } : { clearMeasure: true }),
            ...(text(values.supportRequired) ? { supportRequired: text(values.supportRequired) } : { clearSupportRequired: true }),
            ...(targetDate ? { targetDate } : { clearTargetDate: true }),
            ...(values.achievement && { achievement: values.achievement as never }),
          },
        })
      : await createOutcome({
          input: {
            planID: plan.id,
            statement,
            domain: values.domain as never,
            position: Math.max(0, ...outcomes.map((o) => o.position)) + 1,
            ...(values.kind && { kind: values.kind as never }),
            ...(text(values.measure) && { measure: text(values.measure) }),
            ...(text(values.supportRequired) && { supportRequired: text(values.supportRequired) }),
            ...(targetDate && { targetDate }),
          },
        });
    const errors = saveErrors(result, outcomeFieldIds);
    if (errors) return errors;
    navigate(back, { state: { saved: outcome ? 'Outcome saved' : 'Outcome added' } satisfies SavedState });
    return null;
  };

  return (
    <OutcomeForm
      key={outcome?.id ?? 'new'}
      initial={outcomeValues(outcome)}
      personName={edit.personName}
      editing={Boolean(outcome)}
      cancelHref={back}
      onSave={onSave}
    />
  );
}

/** /plans/:planId/edit/outcomes/:outcomeId/steps/new and /steps/:stepId. */
export function StepFormPage() {
  const { outcomeId, stepId } = useParams();
  const edit = usePlanEdit();
  const navigate = useNavigate();
  const [, createStep] = useMutation(CreateOutcomeStepMutation);
  const [, updateStep] = useMutation(UpdateOutcomeStepMutation);
  const blocker = editBlocker(edit);
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;
  const outcomes = outcomesOf(plan);
  const step = stepId ? outcomes.flatMap((o) => o.steps ?? []).find((s) => s.id === stepId) : undefined;
  const outcome = outcomes.find((o) => (step ? (o.steps ?? []).some((s) => s.id === step.id) : o.id === outcomeId));
  if (!outcome || (stepId && !step)) return <NotFound />;
  const back = editHref(plan.id, '/outcomes');

  const onSave = async (values: StepFormValues) => {
    const parsed = parseDateFields(values.targetDate, 'Target date');
    const targetDate = 'value' in parsed ? parsed.value : null;
    const description = values.description.trim();
    const result = step
      ? await updateStep({
          id: step.id,
          input: { description, status: values.status as never, ...(targetDate ? { targetDate } : { clearTargetDate: true }) },
        })
      : await createStep({
          input: {
            outcomeID: outcome.id,
            description,
            status: values.status as never,
            position: Math.max(0, ...(outcome.steps ?? []).map((s) => s.position)) + 1,
            ...(targetDate && { targetDate }),
          },
        });
    const errors = saveErrors(result, stepFieldIds);
    if (errors) return errors;
    navigate(back, { state: { saved: step ? 'Step saved' : 'Step added' } satisfies SavedState });
    return null;
  };

  return (
    <StepForm
      key={step?.id ?? `new-${outcome.id}`}
      initial={{ description: step?.description ?? '', targetDate: dateFields(step?.targetDate), status: step?.status ?? 'NOT_STARTED' }}
      outcomeStatement={outcome.statement ?? 'the outcome'}
      editing={Boolean(step)}
      cancelHref={back}
      onSave={onSave}
    />
  );
}

/* ------------------------------------------------------------------ */
/* Risks and contingencies                                             */
/* ------------------------------------------------------------------ */

/** /plans/:planId/edit/risks: the risks by kind, with their contingencies and links to change them. */
export function RisksEditPage() {
  const edit = usePlanEdit();
  usePageTitle('Risks and contingencies');
  const blocker = editBlocker(edit);
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;
  const risks = plan.risks ?? [];
  return (
    <>
      <SavedBanner />
      <span className="govuk-caption-l">Draft plan for {edit.personName}</span>
      <h1 className="govuk-heading-l">Risks and contingencies</h1>
      <p className="govuk-body">The risks discussed in planning (R6), and what will be done if they happen (R7).</p>
      <RisksByKind
        risks={risks}
        headingLevel={2}
        renderRisk={(risk) => (
          <RiskCard
            risk={risk}
            headingLevel={3}
            titleActions={
              <CardActions
                items={[
                  { href: editHref(plan.id, `/risks/${risk.id}`), text: 'Change', hidden: `risk: ${risk.description ?? ''}` },
                  { href: editHref(plan.id, `/delete/risk/${risk.id}`), text: 'Delete', hidden: `risk: ${risk.description ?? ''}` },
                ]}
              />
            }
            contingencyActions={(contingency, index) => (
              <ul className="govuk-summary-list__actions-list app-contingency__actions">
                <li className="govuk-summary-list__actions-list-item">
                  <Link className="govuk-link" href={editHref(plan.id, `/contingencies/${contingency.id}`)}>
                    Change<span className="govuk-visually-hidden"> contingency {index + 1}</span>
                  </Link>
                </li>
                <li className="govuk-summary-list__actions-list-item">
                  <Link className="govuk-link" href={editHref(plan.id, `/delete/contingency/${contingency.id}`)}>
                    Delete<span className="govuk-visually-hidden"> contingency {index + 1}</span>
                  </Link>
                </li>
              </ul>
            )}
            actions={
              <ButtonLink variant="secondary" href={editHref(plan.id, `/risks/${risk.id}/contingencies/new`)} className="govuk-!-margin-bottom-0">
                Add a contingency<span className="govuk-visually-hidden"> for the risk: {risk.description}</span>
              </ButtonLink>
            }
          />
        )}
      />
      <div className="govuk-button-group">
        <ButtonLink href={editHref(plan.id, '/risks/new')}>Add a risk</ButtonLink>
        <Link className="govuk-link" href={editHref(plan.id)}>
          Return to the draft plan
        </Link>
      </div>
    </>
  );
}

/** /plans/:planId/edit/risks/new and /risks/:riskId. */
export function RiskFormPage() {
  const { riskId } = useParams();
  const edit = usePlanEdit();
  const navigate = useNavigate();
  const [, createRisk] = useMutation(CreateRiskMutation);
  const [, updateRisk] = useMutation(UpdateRiskMutation);
  const blocker = editBlocker(edit);
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;
  const risk = riskId ? (plan.risks ?? []).find((r) => r.id === riskId) : undefined;
  if (riskId && !risk) return <NotFound />;
  const back = editHref(plan.id, '/risks');

  const onSave = async (values: RiskFormValues) => {
    const optional = {
      likelihoodEvidence: text(values.likelihoodEvidence),
      wellbeingImpact: text(values.wellbeingImpact),
      benefits: text(values.benefits),
      strategy: text(values.strategy),
    };
    const result = risk
      ? await updateRisk({
          id: risk.id,
          input: {
            kind: values.kind as never,
            description: values.description.trim(),
            ...(values.category ? { category: values.category as never } : { clearCategory: true }),
            ...(values.likelihood && { likelihood: values.likelihood as never }),
            ...(optional.likelihoodEvidence ? { likelihoodEvidence: optional.likelihoodEvidence } : { clearLikelihoodEvidence: true }),
            ...(optional.wellbeingImpact ? { wellbeingImpact: optional.wellbeingImpact } : { clearWellbeingImpact: true }),
            ...(optional.benefits ? { benefits: optional.benefits } : { clearBenefits: true }),
            ...(optional.strategy ? { strategy: optional.strategy } : { clearStrategy: true }),
            environmentAssessmentRequired: values.environmentAssessmentRequired,
          },
        })
      : await createRisk({
          input: {
            planID: plan.id,
            kind: values.kind as never,
            description: values.description.trim(),
            environmentAssessmentRequired: values.environmentAssessmentRequired,
            ...(values.category && { category: values.category as never }),
            ...(values.likelihood && { likelihood: values.likelihood as never }),
            ...(optional.likelihoodEvidence && { likelihoodEvidence: optional.likelihoodEvidence }),
            ...(optional.wellbeingImpact && { wellbeingImpact: optional.wellbeingImpact }),
            ...(optional.benefits && { benefits: optional.benefits }),
            ...(optional.strategy && { strategy: optional.strategy }),
          },
        });
    const errors = saveErrors(result, riskFieldIds);
    if (errors) return errors;
    navigate(back, { state: { saved: risk ? 'Risk saved' : 'Risk added' } satisfies SavedState });
    return null;
  };

  return (
    <RiskForm
      key={risk?.id ?? 'new'}
      initial={{
        kind: risk?.kind ?? '',
        description: risk?.description ?? '',
        category: risk?.category ?? '',
        likelihood: risk?.likelihood ?? '',
        likelihoodEvidence: risk?.likelihoodEvidence ?? '',
        wellbeingImpact: risk?.wellbeingImpact ?? '',
        benefits: risk?.benefits ?? '',
        strategy: risk?.strategy ?? '',
        environmentAssessmentRequired: risk?.environmentAssessmentRequired ?? false,
      }}
      personName={edit.personName}
      editing={Boolean(risk)}
      cancelHref={back}
      onSave={onSave}
    />
  );
}

/** /plans/:planId/edit/risks/:riskId/contingencies/new and /contingencies/:contingencyId. */
export function ContingencyFormPage() {
  const { riskId, contingencyId } = useParams();
  const edit = usePlanEdit();
  const navigate = useNavigate();
  const [, createContingency] = useMutation(CreateContingencyMutation);
  const [, updateContingency] = useMutation(UpdateContingencyMutation);
  const blocker = editBlocker(edit);
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;
  const risks = plan.risks ?? [];
  const contingency = contingencyId ? risks.flatMap((r) => r.contingencies ?? []).find((c) => c.id === contingencyId) : undefined;
  const risk = risks.find((r) => (contingency ? (r.contingencies ?? []).some((c) => c.id === contingency.id) : r.id === riskId));
  if (!risk || (contingencyId && !contingency)) return <NotFound />;
  const back = editHref(plan.id, '/risks');

  const onSave = async (values: ContingencyFormValues) => {
    const input = { trigger: values.trigger.trim(), measures: values.measures.trim(), whoActs: values.whoActs.trim() };
    const result = contingency ? await updateContingency({ id: contingency.id, input }) : await createContingency({ input: { ...input, riskID: risk.id } });
    const errors = saveErrors(result, contingencyFieldIds);
    if (errors) return errors;
    navigate(back, { state: { saved: contingency ? 'Contingency saved' : 'Contingency added' } satisfies SavedState });
    return null;
  };

  return (
    <ContingencyForm
      key={contingency?.id ?? `new-${risk.id}`}
      initial={{ trigger: contingency?.trigger ?? '', measures: contingency?.measures ?? '', whoActs: contingency?.whoActs ?? '' }}
      riskDescription={risk.description ?? 'Risk'}
      editing={Boolean(contingency)}
      cancelHref={back}
      onSave={onSave}
    />
  );
}

/* ------------------------------------------------------------------ */
/* Deleting                                                            */
/* ------------------------------------------------------------------ */

const deletable = {
  outcome: { noun: 'outcome', back: '/outcomes', note: 'Its steps are deleted with it.' },
  step: { noun: 'step', back: '/outcomes', note: null },
  risk: { noun: 'risk', back: '/risks', note: 'Its contingencies are deleted with it.' },
  contingency: { noun: 'contingency', back: '/risks', note: null },
} as const;

/** /plans/:planId/edit/delete/:kind/:id: "Are you sure?", then deletes from the draft. */
export function DeletePage() {
  const { kind = '', id = '' } = useParams();
  const edit = usePlanEdit();
  const navigate = useNavigate();
  const [state, setState] = useState<{ deleting: boolean; errors: FormErrors }>({ deleting: false, errors: noErrors });
  const [, deleteOutcome] = useMutation(DeleteOutcomeMutation);
  const [, deleteStep] = useMutation(DeleteOutcomeStepMutation);
  const [, deleteRisk] = useMutation(DeleteRiskMutation);
  const [, deleteContingency] = useMutation(DeleteContingencyMutation);
  const what = kind in deletable ? deletable[kind as keyof typeof deletable] : null;
  usePageTitle(what ? `Delete this ${what.noun}` : 'Page not found', Boolean(state.errors.problem));
  const blocker = editBlocker(edit);
  if (!what) return <NotFound />;
  if (blocker) return blocker;
  const plan = edit.plan as EditablePlan;

  const outcomes = outcomesOf(plan);
  const risks = plan.risks ?? [];
  const description =
    kind === 'outcome'
      ? outcomes.find((o) => o.id === id)?.statement
      : kind === 'step'
        ? outcomes.flatMap((o) => o.steps ?? []).find((s) => s.id === id)?.description
        : kind === 'risk'
          ? risks.find((r) => r.id === id)?.description
          : risks.flatMap((r) => r.contingencies ?? []).find((c) => c.id === id)?.measures;
  if (description === undefined) return <NotFound />;
  const back = editHref(plan.id, what.back);

  const confirm = async () => {
    setState({ deleting: true, errors: noErrors });
    const run = { outcome: deleteOutcome, step: deleteStep, risk: deleteRisk, contingency: deleteContingency }[kind as keyof typeof deletable];
    const result = await run({ id });
    const errors = saveErrors(result, []);
    if (errors) {
      setState({ deleting: false, errors });
      return;
    }
    navigate(back, { replace: true, state: { saved: `${what.noun.charAt(0).toUpperCase()}${what.noun.slice(1)} deleted` } satisfies SavedState });
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <ErrorSummary errors={[]} description={state.errors.problem && `The ${what.noun} was not deleted. ${state.errors.problem.message}`} rule={state.errors.problem?.rule} />
        <span className="govuk-caption-l">Draft plan for {edit.personName}</span>
        <h1 className="govuk-heading-l">Are you sure you want to delete this {what.noun}?</h1>
        <div className="govuk-inset-text">{description || `This ${what.noun} has no description.`}</div>
        {what.note && <WarningText>{what.note}</WarningText>}
        <div className="govuk-button-group">
          <Button type="button" variant="warning" onClick={confirm} disabled={state.deleting} aria-disabled={state.deleting || undefined}>
            {state.deleting ? 'Deleting…' : `Delete the ${what.noun}`}
          </Button>
          <Link className="govuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </div>
    </div>
  );
}
