import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { Checkboxes, DateInput, InsetText, Link, Radios, SummaryCard, Table, Tag, Textarea, TextInput, WarningText, type DateParts } from '../../components';
import type { AmendmentRequestedBy, InvolvementBasis, PlanEndReason, ReviewRequestedBy } from '../../gql/graphql';
import { dateFields, parseDateFields } from '../../lib/dates';
import { formatDate, formatInstantDate, humanise } from '../../lib/format';
import { hasErrors, type FieldIds } from '../../lib/graphqlErrors';
import { sectionLabel } from '../../lib/sections';
import { usePageTitle } from '../../lib/usePageTitle';
import { ActionForm, actionErrors, clientErrors, useAction, type SavedState } from '../../lib/forms';
import {
  AgreePlanMutation,
  ConsultPersonMutation,
  CreateInvolvementMutation,
  DecideAmendmentMutation,
  DecideReviewRequestMutation,
  EndPlanMutation,
  PlanDiffQuery,
  RecordReviewResultMutation,
  RefusePlanMutation,
  RequestAmendmentMutation,
  RequestReviewMutation,
  WithdrawPlanMutation,
} from './documents';
import { readinessHref } from './readinessLinks';
import { dateAsInstant, MissingList, PlanGate, planCaption, useLifecycleTitle, usePlanLifecycle, type LifecyclePlan } from './shared';

function Back({ plan }: { plan: { id: string } }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" href={`/plans/${plan.id}`}>
        Back to the plan
      </Link>
    </p>
  );
}

function NotNow({ plan, what }: { plan: LifecyclePlan; what: string }) {
  return (
    <>
      <p className="govuk-body">
        This plan is {humanise(plan.status)}: it cannot be {what} now.
      </p>
      <Back plan={plan} />
    </>
  );
}

interface ReadinessStepProps {
  title: string;
  /** The status the plan must be in for this step. */
  from: string;
  /** "agreed", "commenced": for "it cannot be … now". */
  done: string;
  missingHeading: string;
  missing: (plan: LifecyclePlan) => ReadonlyArray<{ rule?: string | null; field: string; message: string }>;
  ready: string;
  submitLabel: string;
  saved: string;
  take: (plan: LifecyclePlan) => Promise<{ data?: unknown; error?: CombinedError | undefined }>;
  /** What can be recorded here towards the step (who was involved, for agreeing). */
  extra?: (plan: LifecyclePlan, reload: () => void) => ReactNode;
}

/**
 * A step in the plan's life that the rules gate (agree, commence): what is
 * still missing, from Plan.readiness, in place of the button until nothing
 * is; then the button. The server checks again when it is pressed.
 */
function ReadinessStep(props: ReadinessStepProps) {
  const state = usePlanLifecycle();
  const navigate = useNavigate();
  const action = useAction();
  useLifecycleTitle(props.title, action.errors);
  return (
    <PlanGate state={state}>
      {(plan) => {
        const missing = props.missing(plan);
        return (
          <>
            <span className="govuk-caption-l">{planCaption(plan)}</span>
            <h1 className="govuk-heading-l">{props.title}</h1>
            {plan.status !== props.from ? (
              <NotNow plan={plan} what={props.done} />
            ) : missing.length > 0 ? (
              <>
                <h2 className="govuk-heading-m">{props.missingHeading}</h2>
                <MissingList items={missing} hrefFor={(item) => readinessHref(plan, item)} />
              </>
            ) : (
              <>
                <InsetText>{props.ready}</InsetText>
                <ActionForm
                  errors={action.errors}
                  busy={action.busy}
                  submitLabel={props.submitLabel}
                  onSubmit={() =>
                    void action.run(async () => {
                      const errors = actionErrors(await props.take(plan), []);
                      if (!errors) navigate(`/plans/${plan.id}`, { state: { saved: props.saved } satisfies SavedState });
                      else state.reload();
                      return errors;
                    })
                  }
                />
              </>
            )}
            {plan.status === props.from && props.extra?.(plan, state.reload)}
            <Back plan={plan} />
          </>
        );
      }}
    </PlanGate>
  );
}

const involvementBases: ReadonlyArray<{ value: InvolvementBasis; label: string }> = [
  { value: 'PERSON', label: 'The person themself' },
  { value: 'PERSON_ASKED', label: 'The person asked for them to be involved' },
  { value: 'CARER', label: 'A carer' },
  { value: 'BEST_INTERESTS', label: "In the person's best interests (they lack capacity)" },
];

const involvementFieldIds: FieldIds = [
  ['name', 'involvedName'],
  ['relationship', 'involvedRelationship'],
  ['basis', 'involvedBasis'],
];

/** Who was involved in planning and why (R3), with a form to add someone. */
function Involvement({ plan, onAdded }: { plan: LifecyclePlan; onAdded: () => void }) {
  const [, create] = useMutation(CreateInvolvementMutation);
  const action = useAction();
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [basis, setBasis] = useState<InvolvementBasis | ''>('');
  const involved = plan.involvements ?? [];
  return (
    <section aria-labelledby="involvement-heading">
      <h2 className="govuk-heading-m" id="involvement-heading">
        Who was involved in planning (R3)
      </h2>
      {involved.length === 0 ? (
        <p className="govuk-body">Nobody is recorded yet.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {involved.map((i) => (
            <li key={i.id}>
              {i.name} ({i.relationship}): {involvementBases.find((b) => b.value === i.basis)?.label.toLowerCase() ?? humanise(i.basis ?? '')}
            </li>
          ))}
        </ul>
      )}
      <ActionForm
        heading="Add someone who was involved"
        headingLevel={3}
        errors={action.errors}
        busy={action.busy}
        submitLabel="Add them"
        onSubmit={() =>
          void action.run(async () => {
            const local = clientErrors(involvementFieldIds, {
              name: name.trim() ? null : 'Enter their name',
              relationship: relationship.trim() ? null : 'Enter who they are to the person',
              basis: basis ? null : 'Select the basis for involving them',
            });
            if (hasErrors(local)) return local;
            const errors = actionErrors(
              await create({ input: { planID: plan.id, name: name.trim(), relationship: relationship.trim(), basis: basis as InvolvementBasis } }),
              involvementFieldIds,
            );
            if (!errors) {
              setName('');
              setRelationship('');
              setBasis('');
              onAdded();
            }
            return errors;
          })
        }
      >
        <TextInput id="involvedName" label="Name" labelSize="s" value={name} error={action.errors.fields.name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput
          id="involvedRelationship"
          label="Who they are to the person"
          labelSize="s"
          hint="For example, “the person”, “daughter”, “advocate”."
          value={relationship}
          error={action.errors.fields.relationship}
          onChange={(e) => setRelationship(e.currentTarget.value)}
        />
        <Radios
          name="involvedBasis"
          legend="On what basis?"
          legendSize="s"
          error={action.errors.fields.basis}
          value={basis || null}
          onChange={(v) => setBasis(v as InvolvementBasis)}
          items={involvementBases}
        />
      </ActionForm>
    </section>
  );
}

/** /plans/:planId/agree: what R1, R3, R7 and R30 still need, then Agree (R2). */
export function AgreePage() {
  const [, agree] = useMutation(AgreePlanMutation);
  return (
    <ReadinessStep
      title="Agree the plan"
      from="DRAFT"
      done="agreed"
      missingHeading="Before the plan can be agreed"
      missing={(plan) => plan.readiness?.agree ?? []}
      ready="Everything the Care Act asks for before agreement is recorded: the six parts of the plan (R1), who was involved (R3), a contingency for every risk (R7) and advocacy (R30)."
      submitLabel="Agree the plan"
      saved="The plan is agreed"
      take={(plan) => agree({ id: plan.id, expectedRevision: plan.revision })}
      extra={(plan, reload) => <Involvement plan={plan} onAdded={reload} />}
    />
  );
}

const endReasons: ReadonlyArray<{ value: PlanEndReason; label: string }> = [
  { value: 'OUTCOMES_MET', label: 'The outcomes are met' },
  { value: 'MAXIMUM_PERIOD', label: 'The maximum period is reached' },
  { value: 'DECIDED_AT_REVIEW', label: 'Decided at a review' },
  { value: 'PERSON_NO_LONGER_WISHES', label: 'The person no longer wishes to continue (confirm in writing, R14)' },
  { value: 'HEALTH_CHANGED', label: 'Their health changed' },
];

const endFieldIds: FieldIds = [
  ['how', 'how'],
  ['reason', 'reason'],
  ['notes', 'notes'],
  ['writtenConfirmationAt', 'writtenConfirmationAt-day'],
  ['referrerNotifiedAt', 'referrerNotifiedAt-day'],
];

/** /plans/:planId/end: end, withdraw (R15) or, before agreement, record a refusal (R14). */
export function EndPage() {
  const state = usePlanLifecycle();
  const navigate = useNavigate();
  const [, end] = useMutation(EndPlanMutation);
  const [, refuse] = useMutation(RefusePlanMutation);
  const [, withdraw] = useMutation(WithdrawPlanMutation);
  const action = useAction();
  const [how, setHow] = useState<'END' | 'WITHDRAW' | ''>('');
  const [reason, setReason] = useState<PlanEndReason | ''>('');
  const [notes, setNotes] = useState('');
  const [written, setWritten] = useState<DateParts | null>(null);
  const [referrer, setReferrer] = useState<DateParts | null>(null);
  const draft = state.plan?.status === 'DRAFT';
  useLifecycleTitle(draft ? 'The person does not wish to proceed' : 'End the plan', action.errors);
  const todayParts = dateFields(state.today);

  return (
    <PlanGate state={state}>
      {(plan) => {
        if (!plan.inProgress) return <NotNow plan={plan} what="ended" />;
        const submit = () =>
          void action.run(async () => {
            const w = parseDateFields(written ?? todayParts, 'The date of the written confirmation');
            const ref = parseDateFields(referrer ?? todayParts, 'The date the referrer was told');
            const local = clientErrors(endFieldIds, {
              how: !draft && !how ? 'Select how the plan is ending' : null,
              reason: !draft && how === 'END' && !reason ? 'Select why the plan is ending' : null,
              notes: !draft && how === 'WITHDRAW' && !notes.trim() ? "Record the manager's decision and the person's and carer's views" : null,
              writtenConfirmationAt: 'error' in w ? w.error : null,
              referrerNotifiedAt: draft && 'error' in ref ? ref.error : null,
            });
            if (hasErrors(local)) return local;
            const input = {
              ...(notes.trim() && { notes: notes.trim() }),
              writtenConfirmationAt: 'value' in w ? dateAsInstant(w.value) : null,
              ...(draft && { referrerNotifiedAt: 'value' in ref ? dateAsInstant(ref.value) : null }),
              ...(!draft && how === 'END' && reason && { reason }),
            };
            const vars = { id: plan.id, expectedRevision: plan.revision, input };
            const r = draft ? await refuse(vars) : how === 'WITHDRAW' ? await withdraw(vars) : await end(vars);
            const errors = actionErrors(r, endFieldIds);
            if (!errors) navigate(`/plans/${plan.id}`, { state: { saved: draft ? 'The refusal is recorded' : 'The plan has ended' } satisfies SavedState });
            return errors;
          });
        return (
          <>
            <span className="govuk-caption-l">{planCaption(plan)}</span>
            <h1 className="govuk-heading-l">{draft ? 'The person does not wish to proceed' : 'End the plan'}</h1>
            {draft && <p className="govuk-body">Record that the person, having capacity, does not want reablement (R14). Confirm it to them in writing and tell whoever referred them.</p>}
            <ActionForm errors={action.errors} busy={action.busy} submitLabel={draft ? 'Record the refusal' : 'End the plan'} onSubmit={submit}>
              {!draft && (
                <Radios
                  name="how"
                  legend="How is it ending?"
                  legendSize="m"
                  error={action.errors.fields.how}
                  value={how || null}
                  onChange={(v) => setHow(v as 'END' | 'WITHDRAW')}
                  items={[
                    {
                      value: 'END',
                      label: 'Reablement ends',
                      conditional: (
                        <Radios
                          name="reason"
                          legend="Why?"
                          legendSize="s"
                          error={action.errors.fields.reason}
                          value={reason || null}
                          onChange={(v) => setReason(v as PlanEndReason)}
                          items={endReasons}
                        />
                      ),
                    },
                    { value: 'WITHDRAW', label: 'The service is withdrawn after obstruction (R15)', hint: "On the manager's decision, with the person's and carer's views." },
                  ]}
                />
              )}
              <Textarea
                id="notes"
                label={how === 'WITHDRAW' ? "The manager's decision, the person's and carer's views and the impact on wellbeing" : 'Notes'}
                labelSize="s"
                rows={4}
                value={notes}
                error={action.errors.fields.notes}
                onChange={(event) => setNotes(event.currentTarget.value)}
              />
              <p className="govuk-body">
                <Link className="govuk-link" href={`/plans/${plan.id}/letter?kind=${draft ? 'refusal' : how === 'WITHDRAW' ? 'withdrawal' : 'ended'}`}>
                  Print the confirmation letter
                </Link>
              </p>
              <DateInput
                id="writtenConfirmationAt"
                legend="When was it confirmed to the person in writing?"
                legendSize="s"
                hint="Leave today's date if it is being sent today."
                value={written ?? todayParts}
                error={action.errors.fields.writtenConfirmationAt}
                onChange={setWritten}
              />
              {draft && (
                <DateInput
                  id="referrerNotifiedAt"
                  legend="When was whoever referred them told?"
                  legendSize="s"
                  value={referrer ?? todayParts}
                  error={action.errors.fields.referrerNotifiedAt}
                  onChange={setReferrer}
                />
              )}
            </ActionForm>
            <Back plan={plan} />
          </>
        );
      }}
    </PlanGate>
  );
}

type Review = LifecyclePlan['reviews'] extends ReadonlyArray<infer R> | null | undefined ? R : never;

const requesters: ReadonlyArray<{ value: ReviewRequestedBy; label: string }> = [
  { value: 'PERSON', label: 'The person' },
  { value: 'CARER', label: 'A carer' },
  { value: 'PROVIDER', label: 'The provider' },
  { value: 'PRACTITIONER', label: 'A practitioner, on new information' },
];

/** One review or request, with the decision or result still to record (R11, R12). */
function ReviewCard({ review, onChange }: { review: Review; onChange: () => void }) {
  const [, decide] = useMutation(DecideReviewRequestMutation);
  const [, record] = useMutation(RecordReviewResultMutation);
  const action = useAction();
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const pending = review.decision === 'PENDING';
  const toHold = review.decision === 'HOLD' && !review.result;
  const title = review.kind === 'UNPLANNED' ? `Request from ${humanise(review.requestedBy ?? 'someone')}` : `Scheduled review${review.due ? `, due ${formatDate(review.due)}` : ''}`;
  const fieldIds: FieldIds = [
    ['decision', `decision-${review.id}`],
    ['result', `decision-${review.id}`],
    ['reason', `text-${review.id}`],
    ['notes', `text-${review.id}`],
  ];
  const submit = () =>
    void action.run(async () => {
      const local = clientErrors(fieldIds, {
        decision: !choice ? (pending ? 'Select whether the review will be held' : 'Select the result') : null,
        reason: !text.trim() ? (pending ? 'Give the reasons for the decision' : 'Record what was found and agreed') : null,
      });
      if (hasErrors(local)) return local;
      const r = pending
        ? await decide({ id: review.id, decision: choice as 'HOLD' | 'DECLINED', reason: text.trim() })
        : await record({ id: review.id, result: choice as 'CONTINUE' | 'REVISE' | 'END', notes: text.trim() });
      const errors = actionErrors(r, fieldIds);
      if (!errors) {
        setChoice('');
        setText('');
        onChange();
      }
      return errors;
    });
  return (
    <SummaryCard
      title={title}
      headingLevel={3}
      rows={[
        ...(review.reason ? [{ key: 'Why they asked', value: review.reason }] : []),
        { key: 'Decision', value: review.decision === 'PENDING' ? <Tag colour="yellow">Waiting for a decision</Tag> : humanise(review.decision ?? '') },
        ...(review.decisionReason ? [{ key: 'Reasons', value: review.decisionReason }] : []),
        ...(review.result ? [{ key: 'Result', value: `${humanise(review.result)}, ${formatInstantDate(review.heldAt)}` }] : []),
        ...(review.resultNotes ? [{ key: 'Found and agreed', value: review.resultNotes }] : []),
        ...(pending || toHold
          ? [
              {
                key: pending ? 'Decide the request' : 'Record the result',
                value: (
                  <ActionForm errors={action.errors} busy={action.busy} submitLabel={pending ? 'Record the decision' : 'Record the result'} onSubmit={submit}>
                    <Radios
                      name={`decision-${review.id}`}
                      legend={pending ? 'Will the review be held?' : 'What was decided?'}
                      legendSize="s"
                      small
                      error={action.errors.fields.decision ?? action.errors.fields.result}
                      value={choice || null}
                      onChange={setChoice}
                      items={
                        pending
                          ? [
                              { value: 'HOLD', label: 'Hold the review' },
                              { value: 'DECLINED', label: 'Decline the request' },
                            ]
                          : [
                              { value: 'CONTINUE', label: 'Continue the plan as it is' },
                              { value: 'REVISE', label: 'Revise the plan (through an amendment)' },
                              { value: 'END', label: 'End the plan' },
                            ]
                      }
                    />
                    <Textarea
                      id={`text-${review.id}`}
                      label={pending ? 'Reasons' : 'What was found and agreed'}
                      labelSize="s"
                      rows={3}
                      value={text}
                      error={action.errors.fields.reason ?? action.errors.fields.notes}
                      onChange={(event) => setText(event.currentTarget.value)}
                    />
                  </ActionForm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * The amendment draft open on this version, if any (R25): the change is
 * made there, and this version stays in force until it is agreed.
 */
function OpenDraft({ plan }: { plan: LifecyclePlan }) {
  if (!plan.supersededBy || plan.status === 'SUPERSEDED') return null;
  return (
    <InsetText>
      <p className="govuk-body">Version {plan.supersededBy.version} is open as an amendment draft. Make the agreed change there, then agree it; until then this version stays in force.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={`/plans/${plan.supersededBy.id}`}>
          Go to version {plan.supersededBy.version}
        </Link>
      </p>
    </InsetText>
  );
}

/** /plans/:planId/review: scheduled reviews and requests, each decided with reasons and held (R11, R12). */
export function ReviewsPage() {
  const state = usePlanLifecycle();
  const [, request] = useMutation(RequestReviewMutation);
  const action = useAction();
  const [who, setWho] = useState<ReviewRequestedBy | ''>('');
  const [why, setWhy] = useState('');
  usePageTitle('Reviews', hasErrors(action.errors));
  const fieldIds: FieldIds = [
    ['requestedBy', 'requestedBy'],
    ['reason', 'reason'],
  ];
  return (
    <PlanGate state={state}>
      {(plan) => (
        <>
          <span className="govuk-caption-l">{planCaption(plan)}</span>
          <h1 className="govuk-heading-l">Reviews</h1>
          <OpenDraft plan={plan} />
          {plan.firstReviewDue && <p className="govuk-body">First review due {formatDate(plan.firstReviewDue)} (R11).</p>}
          {(plan.reviews ?? []).length === 0 ? <p className="govuk-body">No reviews or requests yet.</p> : (plan.reviews ?? []).map((r) => <ReviewCard key={r.id} review={r} onChange={state.reload} />)}
          <ActionForm
            heading="Someone asks for a review"
            errors={action.errors}
            busy={action.busy}
            submitLabel="Record the request"
            onSubmit={() =>
              void action.run(async () => {
                const local = clientErrors(fieldIds, { requestedBy: who ? null : 'Select who asked', reason: why.trim() ? null : 'Say why they asked' });
                if (hasErrors(local)) return local;
                const r = await request({ input: { planID: plan.id, kind: 'UNPLANNED', requestedBy: who as ReviewRequestedBy, reason: why.trim() } });
                const errors = actionErrors(r, fieldIds);
                if (!errors) {
                  setWho('');
                  setWhy('');
                  state.reload();
                }
                return errors;
              })
            }
          >
            <p className="govuk-body">Anyone may ask (R12): every request is considered and the decision recorded with reasons.</p>
            <Radios name="requestedBy" legend="Who asked?" legendSize="s" error={action.errors.fields.requestedBy} value={who || null} onChange={(v) => setWho(v as ReviewRequestedBy)} items={requesters} />
            <Textarea id="reason" label="Why did they ask?" labelSize="s" rows={3} value={why} error={action.errors.fields.reason} onChange={(event) => setWhy(event.currentTarget.value)} />
          </ActionForm>
          <Back plan={plan} />
        </>
      )}
    </PlanGate>
  );
}

type Amendment = LifecyclePlan['amendments'] extends ReadonlyArray<infer A> | null | undefined ? A : never;

const amendmentRequesters: ReadonlyArray<{ value: AmendmentRequestedBy; label: string }> = [
  { value: 'PERSON', label: 'The person' },
  { value: 'CARER', label: 'A carer' },
  { value: 'ADVOCATE', label: 'Their advocate' },
  { value: 'PROVIDER', label: 'The provider' },
  { value: 'PRACTITIONER', label: 'A practitioner' },
  { value: 'OTHER', label: 'Someone else' },
];

/** One amendment request: consultation when someone else asked, then the decision (R25, R26). */
function AmendmentCard({ amendment, onChange }: { amendment: Amendment; onChange: () => void }) {
  const navigate = useNavigate();
  const [, consult] = useMutation(ConsultPersonMutation);
  const [, decide] = useMutation(DecideAmendmentMutation);
  const consultAction = useAction();
  const decideAction = useAction();
  const [view, setView] = useState('');
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [told, setTold] = useState(false);
  const id = amendment.id;
  const pending = amendment.decision === 'PENDING';
  const needsConsulting = pending && amendment.requestedBy !== 'PERSON' && !amendment.personConsultedAt;
  const decideIds: FieldIds = [
    ['decision', `amend-decision-${id}`],
    ['reason', `amend-reason-${id}`],
    ['evidenceReviewed', `amend-evidence-${id}`],
    ['toldOfRightToComplain', `amend-told-${id}`],
  ];
  return (
    <SummaryCard
      title={`${humanise(amendment.reason ?? 'Request')} — asked by ${amendment.requesterName || humanise(amendment.requestedBy ?? '')}`}
      headingLevel={3}
      rows={[
        { key: 'Asked', value: formatInstantDate(amendment.createdAt) },
        ...(amendment.details ? [{ key: 'What they asked', value: amendment.details }] : []),
        ...(amendment.personView ? [{ key: "The person's view", value: amendment.personView }] : []),
        {
          key: 'Decision',
          value: pending ? (
            <Tag colour="yellow">Waiting for a decision</Tag>
          ) : (
            <>
              {humanise(amendment.decision ?? '')}
              {amendment.decisionReason && <span className="app-block">{amendment.decisionReason}</span>}
              {amendment.resultingPlan && (
                <span className="app-block">
                  <Link className="govuk-link" href={`/plans/${amendment.resultingPlan.id}`}>
                    Go to version {amendment.resultingPlan.version}
                  </Link>
                </span>
              )}
            </>
          ),
        },
        ...(needsConsulting
          ? [
              {
                key: 'Consult the person',
                value: (
                  <ActionForm
                    errors={consultAction.errors}
                    busy={consultAction.busy}
                    submitLabel="Record their view"
                    onSubmit={() =>
                      void consultAction.run(async () => {
                        const ids: FieldIds = [['personView', `amend-view-${id}`]];
                        if (!view.trim()) return clientErrors(ids, { personView: "Record the person's view, in their words" });
                        const errors = actionErrors(await consult({ id, personView: view.trim() }), ids);
                        if (!errors) onChange();
                        return errors;
                      })
                    }
                  >
                    <Textarea
                      id={`amend-view-${id}`}
                      label="The person's view, in their words"
                      labelSize="s"
                      rows={3}
                      value={view}
                      error={consultAction.errors.fields.personView}
                      onChange={(event) => setView(event.currentTarget.value)}
                    />
                  </ActionForm>
                ),
              },
            ]
          : []),
        ...(pending && !needsConsulting
          ? [
              {
                key: 'Decide',
                value: (
                  <ActionForm
                    errors={decideAction.errors}
                    busy={decideAction.busy}
                    submitLabel="Record the decision"
                    onSubmit={() =>
                      void decideAction.run(async () => {
                        const local = clientErrors(decideIds, {
                          decision: decision ? null : 'Select the decision',
                          reason: reason.trim() ? null : 'Give the reasons for the decision',
                        });
                        if (hasErrors(local)) return local;
                        const r = await decide({
                          id,
                          decision: decision as 'AGREED' | 'DECLINED',
                          reason: reason.trim(),
                          evidenceReviewed: evidence.trim() || null,
                          toldOfRightToComplain: decision === 'DECLINED' && told,
                        });
                        const errors = actionErrors(r, decideIds);
                        const next = r.data?.decideAmendment.resultingPlan;
                        if (!errors && next)
                          navigate(`/plans/${next.id}`, { state: { saved: `Amendment agreed: version ${next.version} is open as a draft. Make the change, then agree it.` } satisfies SavedState });
                        else if (!errors) onChange();
                        return errors;
                      })
                    }
                  >
                    <Textarea
                      id={`amend-evidence-${id}`}
                      label="The evidence reviewed"
                      labelSize="s"
                      rows={2}
                      value={evidence}
                      error={decideAction.errors.fields.evidenceReviewed}
                      onChange={(event) => setEvidence(event.currentTarget.value)}
                    />
                    <Radios
                      name={`amend-decision-${id}`}
                      legend="The decision"
                      legendSize="s"
                      small
                      error={decideAction.errors.fields.decision}
                      value={decision || null}
                      onChange={setDecision}
                      items={[
                        {
                          value: 'AGREED',
                          label: 'Agree: make a new version',
                          hint: 'The next version opens as a draft in which you make the change. When it is agreed, this version is kept as it is and can never change again, and everyone who has a copy gets the new one (R26).',
                        },
                        {
                          value: 'DECLINED',
                          label: 'Decline',
                          conditional: (
                            <Checkboxes
                              name={`amend-told-${id}`}
                              legend="The right to complain"
                              legendSize="s"
                              small
                              error={decideAction.errors.fields.toldOfRightToComplain}
                              value={told ? ['yes'] : []}
                              onChange={(v) => setTold(v.includes('yes'))}
                              items={[{ value: 'yes', label: 'They have been told of their right to complain' }]}
                            />
                          ),
                        },
                      ]}
                    />
                    <Textarea
                      id={`amend-reason-${id}`}
                      label="Reasons"
                      labelSize="s"
                      rows={3}
                      value={reason}
                      error={decideAction.errors.fields.reason}
                      onChange={(event) => setReason(event.currentTarget.value)}
                    />
                  </ActionForm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** /plans/:planId/amendments: requests to change the plan, and asking for one (R25). */
export function AmendmentsPage() {
  const state = usePlanLifecycle();
  const [, request] = useMutation(RequestAmendmentMutation);
  const action = useAction();
  const [who, setWho] = useState<AmendmentRequestedBy | ''>('');
  const [name, setName] = useState('');
  const [reason, setReason] = useState<'MISSING_INFORMATION' | 'MISINTERPRETATION' | ''>('');
  const [details, setDetails] = useState('');
  usePageTitle('Amendments', hasErrors(action.errors));
  const fieldIds: FieldIds = [
    ['requestedBy', 'requestedBy'],
    ['requesterName', 'requesterName'],
    ['reason', 'amendReason'],
    ['details', 'details'],
  ];
  return (
    <PlanGate state={state}>
      {(plan) => (
        <>
          <span className="govuk-caption-l">{planCaption(plan)}</span>
          <h1 className="govuk-heading-l">Amendments</h1>
          <OpenDraft plan={plan} />
          {(plan.amendments ?? []).length === 0 ? (
            <p className="govuk-body">No one has asked to change this version.</p>
          ) : (
            (plan.amendments ?? []).map((a) => <AmendmentCard key={a.id} amendment={a} onChange={state.reload} />)
          )}
          {plan.status === 'SUPERSEDED' ? (
            <WarningText>This version has been superseded: ask for changes on the current version.</WarningText>
          ) : (
            <ActionForm
              heading="Someone asks to change the plan"
              errors={action.errors}
              busy={action.busy}
              submitLabel="Record the request"
              onSubmit={() =>
                void action.run(async () => {
                  const local = clientErrors(fieldIds, {
                    requestedBy: who ? null : 'Select who asked',
                    reason: reason ? null : 'Select what is wrong with the plan',
                    details: details.trim() ? null : 'Say what they asked to change',
                  });
                  if (hasErrors(local)) return local;
                  const r = await request({
                    input: { planID: plan.id, requestedBy: who as AmendmentRequestedBy, reason: reason as 'MISSING_INFORMATION', details: details.trim(), ...(name.trim() && { requesterName: name.trim() }) },
                  });
                  const errors = actionErrors(r, fieldIds);
                  if (!errors) {
                    setWho('');
                    setName('');
                    setReason('');
                    setDetails('');
                    state.reload();
                  }
                  return errors;
                })
              }
            >
              <Radios name="requestedBy" legend="Who asked?" legendSize="s" error={action.errors.fields.requestedBy} value={who || null} onChange={(v) => setWho(v as AmendmentRequestedBy)} items={amendmentRequesters} />
              <TextInput id="requesterName" label="Their name (optional)" labelSize="s" value={name} error={action.errors.fields.requesterName} onChange={(event) => setName(event.currentTarget.value)} />
              <Radios
                name="amendReason"
                legend="What is wrong with the plan?"
                legendSize="s"
                error={action.errors.fields.reason}
                value={reason || null}
                onChange={(v) => setReason(v as 'MISSING_INFORMATION' | 'MISINTERPRETATION')}
                items={[
                  { value: 'MISSING_INFORMATION', label: 'Information is missing' },
                  { value: 'MISINTERPRETATION', label: 'Something was misunderstood' },
                ]}
              />
              <Textarea id="details" label="What do they ask to change?" labelSize="s" rows={4} value={details} error={action.errors.fields.details} onChange={(event) => setDetails(event.currentTarget.value)} />
            </ActionForm>
          )}
          <Back plan={plan} />
        </>
      )}
    </PlanGate>
  );
}

/** /plans/:planId/compare/:otherId: two versions side by side, only what changed, by section. */
export function ComparePage() {
  const { planId = '', otherId = '' } = useParams();
  const [result] = useQuery({ query: PlanDiffQuery, variables: { from: otherId, to: planId } });
  const from = result.data?.from?.__typename === 'Plan' ? result.data.from : null;
  const to = result.data?.to?.__typename === 'Plan' ? result.data.to : null;
  const changes = result.data?.planDiff ?? [];
  usePageTitle(from && to ? `Version ${from.version} and version ${to.version}` : 'Compare versions');
  if (!from || !to) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading…' : 'These versions could not be compared.'}
      </p>
    );
  }
  type Change = (typeof changes)[number];
  return (
    <>
      <span className="govuk-caption-l">{from.person.preferredName ? `${from.person.preferredName}'s plan` : 'Plan'}</span>
      <h1 className="govuk-heading-l">
        What changed from version {from.version} to version {to.version}
      </h1>
      {changes.length === 0 ? (
        <p className="govuk-body">Nothing you may see changed.</p>
      ) : (
        <Table<Change>
          caption={`${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`}
          captionSize="m"
          rows={changes}
          rowKey={(c) => `${c.section}.${c.field}`}
          cardTitle={(c) => `${sectionLabel(c.section)}: ${humanise(c.field)}`}
          columns={[
            { key: 'what', header: 'What', cell: (c) => `${sectionLabel(c.section)}: ${humanise(c.field)}`, hideInCard: true },
            { key: 'before', header: `Version ${from.version}`, cell: (c) => (c.before ?? <span className="govuk-hint">Not there</span>) },
            { key: 'after', header: `Version ${to.version}`, cell: (c) => (c.after ?? <span className="govuk-hint">Removed</span>) },
          ]}
        />
      )}
      <p className="govuk-body">
        <Link className="govuk-link" href={`/plans/${to.id}`}>
          Back to version {to.version}
        </Link>
      </p>
    </>
  );
}
