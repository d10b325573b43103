import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  Checkboxes,
  DateInput,
  InsetText,
  Link,
  NotificationBanner,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningText,
  type DateParts,
} from '../../components';
import { dateFields, parseDateFields } from '../../lib/dates';
import { formatDate, formatInstantDate, formatMinutes, formatVisitTime, humanise, plural } from '../../lib/format';
import { hasErrors, type FieldIds } from '../../lib/graphqlErrors';
import { ActionForm, actionErrors, clientErrors, useAction, type SavedState } from '../../lib/forms';
import { usePageTitle } from '../../lib/usePageTitle';
import { CommencePlanMutation } from '../lifecycle/documents';
import { readinessHref } from '../lifecycle/readinessLinks';
import { MissingList } from '../lifecycle/shared';
import {
  AddVisitMutation,
  AssignReablementMutation,
  ChangeVisitMutation,
  GenerateVisitsMutation,
  MovePlannedEndMutation,
  RecordEnvironmentAssessmentMutation,
  StartPlanQuery,
} from './documents';
import { londonDate, londonInstant, londonTime } from './time';

/** The agreed plan a start page is about. */
function useStartPlan() {
  const { planId = '' } = useParams();
  const [result, reload] = useQuery({ query: StartPlanQuery, variables: { id: planId } });
  const node = result.data?.node;
  const plan = node?.__typename === 'Plan' ? node : null;
  return { plan, today: result.data?.me.today ?? null, fetching: result.fetching, reload: () => reload({ requestPolicy: 'network-only' }) };
}

type StartPlan = NonNullable<ReturnType<typeof useStartPlan>['plan']>;
type Visit = NonNullable<NonNullable<StartPlan['visits']>['edges']>[number] extends infer E ? (E extends { node?: infer N } ? NonNullable<N> : never) : never;

function caption(plan: StartPlan): string {
  const who = plan.person.preferredName ? `${plan.person.preferredName}'s plan` : 'Plan';
  return `${who}, version ${plan.version}`;
}

function visitsOf(plan: StartPlan): Visit[] {
  return (plan.visits?.edges ?? []).flatMap((e) => (e?.node ? [e.node as Visit] : []));
}

/** Loading, not found and not-agreed states, so each page handles only a plan it can start. */
function StartGate({ state, title, children }: { state: ReturnType<typeof useStartPlan>; title: string; children: (plan: StartPlan) => React.ReactNode }) {
  const plan = state.plan;
  if (!plan) {
    return (
      <p className="govuk-body" role="status">
        {state.fetching ? 'Loading the plan…' : 'There is no plan at this address, or none you have a basis to see.'}
      </p>
    );
  }
  if (plan.status !== 'AGREED') {
    return (
      <>
        <span className="govuk-caption-l">{caption(plan)}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">This plan is {humanise(plan.status)}: reablement is started from an agreed plan.</p>
        <BackToStart plan={plan} />
      </>
    );
  }
  return <>{children(plan)}</>;
}

function BackToStart({ plan }: { plan: { id: string } }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" href={`/plans/${plan.id}/commence`}>
        Back to starting reablement
      </Link>
    </p>
  );
}

function SavedBanner() {
  const state = useLocation().state as SavedState | null;
  return state?.saved ? <NotificationBanner type="success">{state.saved}</NotificationBanner> : null;
}

const workerRisksOf = (plan: StartPlan) => (plan.risks ?? []).filter((r) => r.kind === 'TO_WORKER');

/**
 * /plans/:planId/commence: starting reablement from an agreed plan, as a
 * summary of each part (service and workers, visits, risks to the worker,
 * the period) with a link to change it, everything Plan.readiness says is
 * still missing, each linking to the page that puts it right, and then
 * Commence. The server checks again when it is pressed.
 */
export function StartPage() {
  const state = useStartPlan();
  const navigate = useNavigate();
  const [, commence] = useMutation(CommencePlanMutation);
  const action = useAction();
  usePageTitle('Start reablement', hasErrors(action.errors));
  return (
    <StartGate state={state} title="Start reablement">
      {(plan) => {
        const missing = plan.readiness?.commence ?? [];
        const visits = visitsOf(plan).filter((v) => v.status !== 'CANCELLED');
        const risks = workerRisksOf(plan);
        const base = `/plans/${plan.id}/start`;
        return (
          <>
            <SavedBanner />
            <span className="govuk-caption-l">{caption(plan)}</span>
            <h1 className="govuk-heading-l">Start reablement</h1>
            <SummaryList
              rows={[
                {
                  key: 'Service and workers',
                  value: plan.serviceTeam ? `${plan.serviceTeam.name}: ${(plan.workers ?? []).map((w) => w.displayName).join(', ') || 'no workers chosen'}` : 'Not chosen',
                  actions: [{ href: `${base}/service`, text: 'Change', visuallyHiddenText: 'the service and workers' }],
                },
                {
                  key: 'Visits',
                  value: visits.length > 0 ? `${plural(plan.visits?.totalCount ?? visits.length, 'visit', 'visits')}, from ${formatVisitTime(visits[0]?.startsAt)}` : 'None scheduled',
                  actions: [{ href: `${base}/visits`, text: visits.length > 0 ? 'Change' : 'Make', visuallyHiddenText: 'the visit schedule' }],
                },
                {
                  key: 'Risks to the worker',
                  value:
                    risks.length === 0
                      ? 'None recorded'
                      : `${plural(risks.filter((r) => r.mitigationConfirmedAt).length, 'confirmed', 'confirmed')} of ${risks.length} by the registered manager`,
                  actions: [{ href: `${base}/risks`, text: 'View', visuallyHiddenText: 'the risks to the worker' }],
                },
                {
                  key: 'Planned period',
                  value: `${formatDate(plan.plannedStart) || 'Start not set'} to ${formatDate(plan.plannedEnd) || 'end not set'}`,
                  actions: [{ href: `${base}/end`, text: 'Change', visuallyHiddenText: 'the planned end' }],
                },
              ]}
            />
            {missing.length > 0 ? (
              <>
                <h2 className="govuk-heading-m">Before reablement can start</h2>
                <MissingList items={missing} hrefFor={(item) => readinessHref(plan, item)} />
              </>
            ) : (
              <>
                <InsetText>
                  Risks to the worker are confirmed by the registered manager, the workers are trained for the person, the visits are scheduled and the planned end is within
                  the maximum period. The first review will be set from today.
                </InsetText>
                <ActionForm
                  errors={action.errors}
                  busy={action.busy}
                  submitLabel="Commence reablement"
                  onSubmit={() =>
                    void action.run(async () => {
                      const errors = actionErrors(await commence({ id: plan.id, expectedRevision: plan.revision }), []);
                      if (!errors) navigate(`/plans/${plan.id}`, { state: { saved: 'Reablement has commenced' } satisfies SavedState });
                      else state.reload();
                      return errors;
                    })
                  }
                />
              </>
            )}
            <p className="govuk-body">
              <Link className="govuk-link" href={`/plans/${plan.id}`}>
                Back to the plan
              </Link>
            </p>
          </>
        );
      }}
    </StartGate>
  );
}

/** /plans/:planId/start/service: the reablement service and its workers, matched on training (R20, R32). */
export function ServicePage() {
  const state = useStartPlan();
  const navigate = useNavigate();
  const [, assign] = useMutation(AssignReablementMutation);
  const action = useAction();
  const [service, setService] = useState<string | null>(null);
  const [workers, setWorkers] = useState<string[] | null>(null);
  const [start, setStart] = useState<DateParts | null>(null);
  usePageTitle('Choose the service and workers', hasErrors(action.errors));
  const fieldIds: FieldIds = [
    ['serviceTeamID', 'service'],
    ['workers', 'service'],
    ['workerIDs', 'service'],
    ['plannedStart', 'plannedStart-day'],
  ];
  return (
    <StartGate state={state} title="Choose the service and workers">
      {(plan) => {
        const matches = plan.workerMatches ?? [];
        const services = [...new Map(matches.map((m) => [m.service.id, m.service])).values()];
        const chosenService = service ?? plan.serviceTeam?.id ?? null;
        const chosenWorkers = workers ?? (plan.workers ?? []).map((w) => w.id);
        const startParts = start ?? dateFields(plan.plannedStart ?? state.today);
        return (
          <>
            <span className="govuk-caption-l">{caption(plan)}</span>
            <ActionForm
              heading="Choose the service and workers"
              headingLevel={1}
              errors={action.errors}
              busy={action.busy}
              submitLabel="Save and continue"
              onSubmit={() =>
                void action.run(async () => {
                  const s = parseDateFields(startParts, 'The planned start');
                  const local = clientErrors(fieldIds, {
                    serviceTeamID: chosenService ? null : 'Select the reablement service',
                    workerIDs: chosenService && chosenWorkers.length === 0 ? 'Select at least one worker' : null,
                    plannedStart: 'error' in s ? s.error : null,
                  });
                  if (hasErrors(local)) return local;
                  const inService = chosenWorkers.filter((id) => matches.some((m) => m.worker.id === id && m.service.id === chosenService));
                  const r = await assign({
                    id: plan.id,
                    expectedRevision: plan.revision,
                    input: { serviceTeamID: chosenService as string, workerIDs: inService, plannedStart: 'value' in s ? s.value : null },
                  });
                  const errors = actionErrors(r, fieldIds);
                  if (!errors) navigate(`/plans/${plan.id}/start/visits`, { state: { saved: 'The service and workers are chosen' } satisfies SavedState });
                  return errors;
                })
              }
            >
              <p className="govuk-body">
                Workers for a person with autism need autism training; for a deafblind person, deafblind training. Each worker shows why they match or do not.
              </p>
              <Radios
                name="service"
                legend="Which reablement service will deliver the plan?"
                legendSize="m"
                error={action.errors.fields.serviceTeamID}
                value={chosenService}
                onChange={(v) => {
                  setService(v);
                  setWorkers([]);
                }}
                items={services.map((svc) => ({
                  value: svc.id,
                  label: svc.name,
                  conditional: (
                    <>
                      <Checkboxes
                        name={`workers-${svc.id}`}
                        legend={`Workers of ${svc.name} who will visit`}
                        legendSize="s"
                        hint={matches.some((m) => m.service.id === svc.id && m.trained) ? undefined : 'No worker of this service has the training the person needs.'}
                        error={action.errors.fields.workerIDs ?? action.errors.fields.workers}
                        value={chosenWorkers}
                        onChange={setWorkers}
                        items={matches
                          .filter((m) => m.service.id === svc.id && m.trained)
                          .map((m) => ({
                            value: m.worker.id,
                            label: (
                              <>
                                {m.worker.displayName}{' '}
                                <Tag colour="green" className="govuk-!-margin-left-1">
                                  Trained
                                </Tag>
                              </>
                            ),
                            hint: m.reasons.join(' '),
                          }))}
                      />
                      {matches.some((m) => m.service.id === svc.id && !m.trained) && (
                        <>
                          <p className="govuk-body govuk-!-font-weight-bold">Not trained for {plan.person.preferredName ?? 'the person'}</p>
                          <ul className="govuk-list govuk-list--bullet" aria-label={`Workers of ${svc.name} without the training`}>
                            {matches
                              .filter((m) => m.service.id === svc.id && !m.trained)
                              .map((m) => (
                                <li key={m.worker.id}>
                                  {m.worker.displayName}: {m.reasons.join(' ')}
                                </li>
                              ))}
                          </ul>
                        </>
                      )}
                    </>
                  ),
                }))}
              />
              <DateInput
                id="plannedStart"
                legend="When does reablement start?"
                legendSize="m"
                hint="The maximum period counts from this day. For example, 27 3 2026."
                value={startParts}
                error={action.errors.fields.plannedStart}
                onChange={setStart}
              />
            </ActionForm>
            <BackToStart plan={plan} />
          </>
        );
      }}
    </StartGate>
  );
}

/** /plans/:planId/start/visits: the visit schedule, made once from the agreed frequency and duration (R10), then changed visit by visit. */
export function SchedulePage() {
  const state = useStartPlan();
  const [, generate] = useMutation(GenerateVisitsMutation);
  const [, add] = useMutation(AddVisitMutation);
  const makeAction = useAction();
  const addAction = useAction();
  const [times, setTimes] = useState('');
  const [addDate, setAddDate] = useState<DateParts | null>(null);
  const [addTime, setAddTime] = useState('');
  const [addWorker, setAddWorker] = useState('');
  usePageTitle('Visits', hasErrors(makeAction.errors) || hasErrors(addAction.errors));
  return (
    <StartGate state={state} title="Visits">
      {(plan) => {
        const visits = visitsOf(plan);
        const workers = plan.workers ?? [];
        const addParts = addDate ?? dateFields(state.today);
        return (
          <>
            <SavedBanner />
            <span className="govuk-caption-l">{caption(plan)}</span>
            <h1 className="govuk-heading-l">Visits</h1>
            <SummaryList
              rows={[
                { key: 'Agreed frequency', value: plan.visitFrequency || 'Not recorded' },
                { key: 'Each visit', value: formatMinutes(plan.visitDurationMinutes) || 'Not recorded' },
                { key: 'Workers', value: workers.map((w) => w.displayName).join(', ') || 'None chosen' },
                { key: 'Planned period', value: `${formatDate(plan.plannedStart) || 'from today'} to ${formatDate(plan.plannedEnd) || 'the end of the maximum period'}` },
              ]}
            />
            {!plan.visitsGeneratedAt && (
              <ActionForm
                heading="Make the visit schedule"
                errors={makeAction.errors}
                busy={makeAction.busy}
                submitLabel="Make the visit schedule"
                onSubmit={() =>
                  void makeAction.run(async () => {
                    const list = times
                      .split(/[,\s]+/)
                      .map((t) => t.trim())
                      .filter(Boolean);
                    const r = await generate({ id: plan.id, expectedRevision: plan.revision, times: list.length > 0 ? list : null });
                    const errors = actionErrors(r, [['times', 'times']]);
                    if (!errors) state.reload();
                    return errors;
                  })
                }
              >
                <p className="govuk-body">
                  Visits are made on each visiting day from the planned start (or today) to the planned end, shared among the workers a day at a time. Then move, add
                  or cancel single visits below.
                </p>
                <TextInput
                  id="times"
                  label="Times of day (optional)"
                  labelSize="s"
                  hint="Leave blank for times that suit the agreed frequency, or give a time for each visit of the day, like 09:00, 17:00."
                  value={times}
                  error={makeAction.errors.fields.times}
                  onChange={(e) => setTimes(e.currentTarget.value)}
                />
              </ActionForm>
            )}
            {visits.length > 0 && (
              <Table<Visit>
                caption={(plan.visits?.totalCount ?? 0) > visits.length ? `The first ${visits.length} of ${plan.visits?.totalCount ?? 0} visits` : plural(visits.length, 'visit', 'visits')}
                captionSize="m"
                rows={visits}
                rowKey={(v) => v.id}
                cardTitle={(v) => formatVisitTime(v.startsAt)}
                columns={[
                  { key: 'when', header: 'When', cell: (v) => formatVisitTime(v.startsAt), hideInCard: true },
                  { key: 'who', header: 'Worker', cell: (v) => v.worker?.displayName ?? '' },
                  { key: 'status', header: 'Status', cell: (v) => humanise(v.status) },
                  {
                    key: 'change',
                    header: 'Change',
                    cell: (v) =>
                      v.status === 'SCHEDULED' ? (
                        <Link className="govuk-link" href={`/plans/${plan.id}/start/visits/${v.id}`}>
                          Move or cancel<span className="govuk-visually-hidden"> the visit on {formatVisitTime(v.startsAt)}</span>
                        </Link>
                      ) : (
                        ''
                      ),
                  },
                ]}
              />
            )}
            {workers.length > 0 && (
              <ActionForm
                heading="Add a visit"
                errors={addAction.errors}
                busy={addAction.busy}
                submitLabel="Add the visit"
                onSubmit={() =>
                  void addAction.run(async () => {
                    const d = parseDateFields(addParts, 'The date of the visit');
                    const ids: FieldIds = [
                      ['startsAt', 'addDate-day'],
                      ['date', 'addDate-day'],
                      ['time', 'addTime'],
                      ['workerID', 'addWorker'],
                    ];
                    const local = clientErrors(ids, {
                      date: 'error' in d ? d.error : d.value ? null : 'Enter the date of the visit',
                      time: /^\d{1,2}:\d{2}$/.test(addTime.trim()) ? null : 'Enter the time of the visit, like 14:30',
                      workerID: addWorker || workers.length === 1 ? null : 'Select the worker',
                    });
                    if (hasErrors(local) || !('value' in d) || !d.value) return local;
                    const r = await add({
                      input: {
                        planID: plan.id,
                        workerID: addWorker || (workers[0]?.id as string),
                        startsAt: londonInstant(d.value, addTime.trim()),
                        durationMinutes: plan.visitDurationMinutes ?? 30,
                      },
                    });
                    const errors = actionErrors(r, ids);
                    if (!errors) {
                      setAddTime('');
                      state.reload();
                    }
                    return errors;
                  })
                }
              >
                <DateInput id="addDate" legend="Date" legendSize="s" value={addParts} error={addAction.errors.fields.date ?? addAction.errors.fields.startsAt} onChange={setAddDate} />
                <TextInput id="addTime" label="Time" labelSize="s" hint="For example, 14:30" width={5} value={addTime} error={addAction.errors.fields.time} onChange={(e) => setAddTime(e.currentTarget.value)} />
                {workers.length > 1 && (
                  <Select
                    id="addWorker"
                    label="Worker"
                    labelSize="s"
                    value={addWorker}
                    error={addAction.errors.fields.workerID}
                    onChange={(e) => setAddWorker(e.currentTarget.value)}
                    options={[{ value: '', text: 'Select a worker' }, ...workers.map((w) => ({ value: w.id, text: w.displayName }))]}
                  />
                )}
              </ActionForm>
            )}
            <BackToStart plan={plan} />
          </>
        );
      }}
    </StartGate>
  );
}

/** /plans/:planId/start/visits/:visitId: move one visit, or cancel it. */
export function VisitChangePage() {
  const state = useStartPlan();
  const { visitId = '' } = useParams();
  const navigate = useNavigate();
  const [, change] = useMutation(ChangeVisitMutation);
  const moveAction = useAction();
  const cancelAction = useAction();
  const [date, setDate] = useState<DateParts | null>(null);
  const [time, setTime] = useState<string | null>(null);
  usePageTitle('Move or cancel a visit', hasErrors(moveAction.errors) || hasErrors(cancelAction.errors));
  return (
    <StartGate state={state} title="Move or cancel a visit">
      {(plan) => {
        const visit = visitsOf(plan).find((v) => v.id === visitId);
        if (!visit) return <p className="govuk-body">This visit is not part of the plan.</p>;
        const back = `/plans/${plan.id}/start/visits`;
        const parts = date ?? dateFields(londonDate(visit.startsAt));
        const clock = time ?? londonTime(visit.startsAt);
        const ids: FieldIds = [
          ['date', 'date-day'],
          ['startsAt', 'date-day'],
          ['time', 'time'],
        ];
        return (
          <>
            <span className="govuk-caption-l">{caption(plan)}</span>
            <h1 className="govuk-heading-l">Move or cancel the visit on {formatVisitTime(visit.startsAt)}</h1>
            <ActionForm
              heading="Move the visit"
              errors={moveAction.errors}
              busy={moveAction.busy}
              submitLabel="Move the visit"
              onSubmit={() =>
                void moveAction.run(async () => {
                  const d = parseDateFields(parts, 'The date of the visit');
                  const local = clientErrors(ids, {
                    date: 'error' in d ? d.error : d.value ? null : 'Enter the date of the visit',
                    time: /^\d{1,2}:\d{2}$/.test(clock.trim()) ? null : 'Enter the time of the visit, like 14:30',
                  });
                  if (hasErrors(local) || !('value' in d) || !d.value) return local;
                  const errors = actionErrors(await change({ id: visit.id, input: { startsAt: londonInstant(d.value, clock.trim()) } }), ids);
                  if (!errors) navigate(back, { state: { saved: 'The visit is moved' } satisfies SavedState });
                  return errors;
                })
              }
            >
              <DateInput id="date" legend="Date" legendSize="s" value={parts} error={moveAction.errors.fields.date ?? moveAction.errors.fields.startsAt} onChange={setDate} />
              <TextInput id="time" label="Time" labelSize="s" hint="For example, 14:30" width={5} value={clock} error={moveAction.errors.fields.time} onChange={(e) => setTime(e.currentTarget.value)} />
            </ActionForm>
            <ActionForm
              heading="Cancel the visit"
              errors={cancelAction.errors}
              busy={cancelAction.busy}
              submitLabel="Cancel the visit"
              onSubmit={() =>
                void cancelAction.run(async () => {
                  const errors = actionErrors(await change({ id: visit.id, input: { status: 'CANCELLED' } }), []);
                  if (!errors) navigate(back, { state: { saved: 'The visit is cancelled' } satisfies SavedState });
                  return errors;
                })
              }
            >
              <WarningText>The worker will no longer see this visit.</WarningText>
            </ActionForm>
            <p className="govuk-body">
              <Link className="govuk-link" href={back}>
                Back to the visits
              </Link>
            </p>
          </>
        );
      }}
    </StartGate>
  );
}

/** /plans/:planId/start/risks: each risk to the worker, its environment assessment and the registered manager's confirmation (R31). */
export function WorkerRisksPage() {
  const state = useStartPlan();
  const [, record] = useMutation(RecordEnvironmentAssessmentMutation);
  const action = useAction();
  const [findings, setFindings] = useState<Record<string, string>>({});
  usePageTitle('Risks to the worker', hasErrors(action.errors));
  return (
    <StartGate state={state} title="Risks to the worker">
      {(plan) => {
        const risks = workerRisksOf(plan);
        return (
          <>
            <span className="govuk-caption-l">{caption(plan)}</span>
            <h1 className="govuk-heading-l">Risks to the worker</h1>
            <p className="govuk-body">
              Before reablement starts, each risk to the worker is mitigated and confirmed by the registered manager of the service; where the evidence calls for it,
              the environment risk assessment comes first.
            </p>
            {risks.length === 0 && <p className="govuk-body">No risks to the worker are recorded.</p>}
            {risks.map((r) => {
              const needsAssessment = r.environmentAssessmentRequired && !r.environmentAssessmentDoneAt;
              const id = `findings-${r.id}`;
              return (
                <section key={r.id} className="govuk-summary-card" aria-labelledby={`risk-${r.id}`}>
                  <div className="govuk-summary-card__title-wrapper">
                    <h2 className="govuk-summary-card__title" id={`risk-${r.id}`}>
                      {r.description}
                    </h2>
                  </div>
                  <div className="govuk-summary-card__content">
                    <SummaryList
                      rows={[
                        ...(r.strategy ? [{ key: 'How it is managed', value: r.strategy }] : []),
                        {
                          key: 'Environment risk assessment',
                          value: r.environmentAssessmentDoneAt
                            ? `Done ${formatInstantDate(r.environmentAssessmentDoneAt)}${r.environmentAssessmentFindings ? `: ${r.environmentAssessmentFindings}` : ''}`
                            : r.environmentAssessmentRequired
                              ? 'Needed: not done yet'
                              : 'Not needed',
                        },
                        {
                          key: "Registered manager's confirmation",
                          value: r.mitigationConfirmedAt ? (
                            `Confirmed ${formatInstantDate(r.mitigationConfirmedAt)}${r.mitigationConfirmedBy ? ` by ${r.mitigationConfirmedBy.displayName}` : ''}${r.mitigationChecked ? `. Checked: ${r.mitigationChecked}` : ''}`
                          ) : (
                            <Tag colour="yellow">{needsAssessment ? 'After the assessment' : 'Waiting for the registered manager'}</Tag>
                          ),
                        },
                      ]}
                    />
                    {needsAssessment && (
                      <ActionForm
                        heading="Record the environment risk assessment"
                        headingLevel={3}
                        errors={action.errors}
                        busy={action.busy}
                        submitLabel="Record the assessment"
                        onSubmit={() =>
                          void action.run(async () => {
                            const text = (findings[r.id] ?? '').trim();
                            const ids: FieldIds = [
                              ['findings', id],
                              ['environmentAssessmentFindings', id],
                            ];
                            if (!text) return clientErrors(ids, { findings: 'Say what the assessment found and what was put in place' });
                            const errors = actionErrors(await record({ id: r.id, findings: text }), ids);
                            if (!errors) state.reload();
                            return errors;
                          })
                        }
                      >
                        <Textarea
                          id={id}
                          label="What the assessment found and what was put in place"
                          labelSize="s"
                          rows={3}
                          value={findings[r.id] ?? ''}
                          error={action.errors.fields.findings ?? action.errors.fields.environmentAssessmentFindings}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setFindings((f) => ({ ...f, [r.id]: value }));
                          }}
                        />
                      </ActionForm>
                    )}
                  </div>
                </section>
              );
            })}
            <BackToStart plan={plan} />
          </>
        );
      }}
    </StartGate>
  );
}

/** /plans/:planId/start/end: move the planned end before commencement, with the reason (R9). */
export function PlannedEndPage() {
  const state = useStartPlan();
  const navigate = useNavigate();
  const [, move] = useMutation(MovePlannedEndMutation);
  const action = useAction();
  const [end, setEnd] = useState<DateParts | null>(null);
  const [reason, setReason] = useState('');
  usePageTitle('Move the planned end', hasErrors(action.errors));
  const ids: FieldIds = [
    ['plannedEnd', 'plannedEnd-day'],
    ['reason', 'reason'],
    ['plannedEndReason', 'reason'],
  ];
  return (
    <StartGate state={state} title="Move the planned end">
      {(plan) => {
        const parts = end ?? dateFields(plan.plannedEnd);
        return (
          <>
            <span className="govuk-caption-l">{caption(plan)}</span>
            <ActionForm
              heading="Move the planned end"
              headingLevel={1}
              errors={action.errors}
              busy={action.busy}
              submitLabel="Move the planned end"
              onSubmit={() =>
                void action.run(async () => {
                  const d = parseDateFields(parts, 'The planned end');
                  const local = clientErrors(ids, {
                    plannedEnd: 'error' in d ? d.error : d.value ? null : 'Enter the planned end',
                    reason: reason.trim() ? null : 'Say why the planned end moves',
                  });
                  if (hasErrors(local) || !('value' in d) || !d.value) return local;
                  const errors = actionErrors(await move({ id: plan.id, expectedRevision: plan.revision, plannedEnd: d.value, reason: reason.trim() }), ids);
                  if (!errors) navigate(`/plans/${plan.id}/commence`, { state: { saved: 'The planned end is moved' } satisfies SavedState });
                  return errors;
                })
              }
            >
              <p className="govuk-body">
                Reablement is time-limited: it ends no later than the authority's maximum period, counted from the planned start
                {plan.plannedStart ? ` (${formatDate(plan.plannedStart)})` : ''}.
              </p>
              {plan.plannedEndReason && <InsetText>Last moved because: {plan.plannedEndReason}</InsetText>}
              <DateInput id="plannedEnd" legend="New planned end" legendSize="s" hint="For example, 27 3 2026." value={parts} error={action.errors.fields.plannedEnd} onChange={setEnd} />
              <Textarea id="reason" label="Why does it move?" labelSize="s" rows={3} value={reason} error={action.errors.fields.reason ?? action.errors.fields.plannedEndReason} onChange={(e) => setReason(e.currentTarget.value)} />
            </ActionForm>
            <BackToStart plan={plan} />
          </>
        );
      }}
    </StartGate>
  );
}
