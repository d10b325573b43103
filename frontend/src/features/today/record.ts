import type { ConcernKind, ProgressStepStatus, RecordVisitInput, VisitOutcome } from '../../gql/graphql';
import { inputFieldName, summaryOf, type FieldIds, type FormErrors } from '../../lib/graphqlErrors';
import type { RecordProblem } from './queue';
import { instantOf, parseClockTime } from './time';
import { currentSteps, outcomesOf, type TodayVisit } from './types';

/** What the worker fills in; times as typed ("14:05", the authority's clock). */
export interface RecordFormValues {
  /** What happened: VISITED, NO_REPLY, DECLINED or CANCELLED (the API's VisitOutcome). */
  outcome: string;
  /** Why it did not go ahead (declined, cancelled; optional for no reply). */
  outcomeReason: string;
  arrivedAt: string;
  departedAt: string;
  notes: string;
  /** For whoever makes the next visit to the person. */
  handover: string;
  /** Step id → its status after the visit; "" for no change. */
  progress: Record<string, string>;
  /** "" for no concern. */
  concernKind: string;
  concernDetails: string;
}

/** The steps the form asks about, with their outcome, in plan order. */
export function stepsToRecord(visit: Pick<TodayVisit, 'plan'>) {
  return outcomesOf(visit.plan).flatMap((outcome) => currentSteps(outcome).map((step) => ({ outcome, step })));
}

/** The values a record's input was made from (to change a record the server refused). */
export function valuesFromInput(input: RecordVisitInput, clock: (instant: string) => string): RecordFormValues {
  const progress = Array.isArray(input.progress) ? input.progress : input.progress ? [input.progress] : [];
  const concerns = Array.isArray(input.concerns) ? input.concerns : input.concerns ? [input.concerns] : [];
  return {
    outcome: input.outcome ?? 'VISITED',
    outcomeReason: input.outcomeReason ?? '',
    arrivedAt: input.arrivedAt ? clock(input.arrivedAt) : '',
    departedAt: input.departedAt ? clock(input.departedAt) : '',
    notes: input.notes ?? '',
    handover: input.handover ?? '',
    progress: Object.fromEntries(progress.flatMap((p) => (p.stepID && p.stepStatus ? [[p.stepID, p.stepStatus]] : []))),
    concernKind: concerns[0]?.kind ?? '',
    concernDetails: concerns[0]?.details ?? '',
  };
}

/** The form's fields in order, input field → control id; progress and concerns by their place in the input. */
export function recordFieldIds(values: RecordFormValues, visit: Pick<TodayVisit, 'plan'>): FieldIds {
  const progressIds = stepsToRecord(visit)
    .filter(({ step }) => values.progress[step.id])
    .map(({ step }, index) => [`progress[${index}]`, `progress-${step.id}`] as const);
  return [
    ['outcome', 'outcome'],
    ['outcomeReason', 'outcomeReason'],
    ['arrivedAt', 'arrivedAt'],
    ['departedAt', 'departedAt'],
    ['notes', 'notes'],
    ['handover', 'handover'],
    ...progressIds,
    ['progress', progressIds[0]?.[1] ?? 'notes'],
    ['concernKind', 'concernKind'],
    ['concerns[0]', 'concernDetails'],
    ['concernDetails', 'concernDetails'],
  ];
}

/** The form's own checks, before anything is stored or sent. */
export function validateRecord(values: RecordFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const outcome = values.outcome || 'VISITED';
  if ((outcome === 'DECLINED' || outcome === 'CANCELLED') && !values.outcomeReason.trim()) errors.outcomeReason = 'Say why the visit did not go ahead';
  if (values.concernKind && !values.concernDetails.trim()) errors.concernDetails = 'Describe what you saw or heard';
  if (outcome === 'CANCELLED') return errors;
  const arrived = parseClockTime(values.arrivedAt);
  if (outcome !== 'VISITED') {
    if (!values.arrivedAt.trim()) errors.arrivedAt = 'Enter the time you were at the door';
    else if (!arrived) errors.arrivedAt = 'Enter the time as hours and minutes, like 9:30 or 14:05';
    return errors;
  }
  const departed = parseClockTime(values.departedAt);
  if (!values.arrivedAt.trim()) errors.arrivedAt = 'Enter the time you arrived';
  else if (!arrived) errors.arrivedAt = 'Enter the time you arrived as hours and minutes, like 9:30 or 14:05';
  if (!values.departedAt.trim()) errors.departedAt = 'Enter the time you left';
  else if (!departed) errors.departedAt = 'Enter the time you left as hours and minutes, like 10:15 or 15:20';
  else if (arrived && departed.hour * 60 + departed.minute <= arrived.hour * 60 + arrived.minute) errors.departedAt = 'The time you left must be after the time you arrived';
  return errors;
}

/** The record to send. */
export function recordInput(values: RecordFormValues, visit: Pick<TodayVisit, 'id' | 'revision' | 'plan'>, date: string, recordID: string): RecordVisitInput {
  const outcome = (values.outcome || 'VISITED') as VisitOutcome;
  const visited = outcome === 'VISITED';
  const arrivedAt = outcome === 'CANCELLED' ? null : instantOf(date, values.arrivedAt);
  const departedAt = visited ? instantOf(date, values.departedAt) : null;
  if ((outcome !== 'CANCELLED' && !arrivedAt) || (visited && !departedAt)) throw new Error('recordInput: validate the times first');
  // Progress only for a visit that went ahead (the API refuses it otherwise).
  const progress = !visited ? [] : stepsToRecord(visit).flatMap(({ outcome, step }) => {
    const status = values.progress[step.id];
    return status ? [{ outcomeID: outcome.id, stepID: step.id, stepStatus: status as ProgressStepStatus }] : [];
  });
  const notes = values.notes.trim();
  const handover = values.handover.trim();
  const reason = values.outcomeReason.trim();
  return {
    recordID,
    visitID: visit.id,
    expectedRevision: visit.revision,
    ...(arrivedAt && { arrivedAt }),
    ...(departedAt && { departedAt }),
    outcome,
    ...(reason && !visited && { outcomeReason: reason }),
    ...(notes && { notes }),
    ...(handover && { handover }),
    ...(progress.length > 0 && { progress }),
    ...(values.concernKind && { concerns: [{ kind: values.concernKind as ConcernKind, details: values.concernDetails.trim() }] }),
  };
}

/**
 * The form's own errors (by input field) and a refused record's problems as
 * the form shows them: each beside its control (keyed by control id), in the
 * summary in form order, and what no field can show as the form's problem.
 */
export function formErrorsOf(fields: Record<string, string>, problems: readonly RecordProblem[], fieldIds: FieldIds, kind: 'conflict' | 'rule' = 'rule'): FormErrors {
  const known = new Map(fieldIds);
  const placed: Record<string, string> = { ...fields };
  const unplaced: string[] = [];
  for (const problem of problems) {
    const name = problem.field ? inputFieldName(problem.field) : undefined;
    if (name && known.has(name)) placed[name] ??= problem.message;
    else unplaced.push(problem.message);
  }
  // Beside the fields, messages are looked up by control id (progress items have no fixed name).
  const byControl: Record<string, string> = {};
  for (const [name, controlId] of fieldIds) {
    const message = placed[name];
    if (message) byControl[controlId] ??= message;
  }
  return { fields: byControl, summary: summaryOf(fieldIds, placed), problem: unplaced.length > 0 ? { kind, message: unplaced.join(' ') } : null };
}
