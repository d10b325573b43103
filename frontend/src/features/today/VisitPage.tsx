import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { BackLink, Button, NotificationBanner, SummaryList, Tag } from '../../components';
import { formatDate, formatTime } from '../../lib/format';
import { hasFailed, noErrors, type FormErrors } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { OfflineNotice } from './components/OfflineNotice';
import { OtherRisks } from './components/OtherRisks';
import { PlanForVisit } from './components/PlanForVisit';
import { RecordTag } from './components/RecordTag';
import { RecordVisitForm } from './components/RecordVisitForm';
import { VisitFacts } from './components/VisitFacts';
import { WorkerRisks } from './components/WorkerRisks';
import { visitOutcomes } from './labels';
import { MyVisitsQuery } from './documents';
import { visitQueue, type QueuedRecord } from './queue';
import { formErrorsOf, recordFieldIds, recordInput, validateRecord, valuesFromInput, type RecordFormValues } from './record';
import { splitRisks } from './risks';
import { clockDate, clockTime } from './time';
import { personName, type TodayVisit } from './types';
import { useOnline } from './useOnline';
import { useFlush, useQueuedRecords } from './useVisitQueue';

interface RecordShown {
  outcome?: string | null | undefined;
  arrivedAt?: string | null | undefined;
  departedAt?: string | null | undefined;
  notes?: string | null | undefined;
  handover?: string | null | undefined;
}

/** What a record said, as a summary list (times on the authority's clock). */
function RecordSummary({ outcome, arrivedAt, departedAt, notes, handover }: RecordShown) {
  return (
    <SummaryList
      rows={[
        ...(outcome && outcome !== 'VISITED' ? [{ key: 'What happened', value: visitOutcomes[outcome as keyof typeof visitOutcomes] ?? outcome }] : []),
        { key: 'Arrived', value: arrivedAt ? formatTime(arrivedAt) : 'Not recorded' },
        { key: 'Left', value: departedAt ? formatTime(departedAt) : 'Not recorded' },
        { key: 'What was done', value: notes || 'Nothing written' },
        ...(handover ? [{ key: 'Note for the next visit', value: handover }] : []),
      ]}
    />
  );
}

/**
 * Where the visit's record is, for a record that is not being changed in
 * the form. A sent record keeps nothing of what it said on the phone
 * (queue.ts), so its summary is the visit as the server answered.
 */
function RecordState({ record, visit, onRetry, online }: { record: QueuedRecord; visit: TodayVisit; onRetry: () => void; online: boolean }) {
  const summary = <RecordSummary {...(record.status === 'sent' ? visit : record.input)} />;
  switch (record.status) {
    case 'sent':
      return (
        <>
          <NotificationBanner type="success" title="Sent">
            <p className="govuk-notification-banner__heading">Your record of this visit has been sent.</p>
          </NotificationBanner>
          {summary}
        </>
      );
    case 'conflict':
      return (
        <>
          <div className="govuk-error-summary" role="alert">
            <h2 className="govuk-error-summary__title">Someone else changed this visit</h2>
            <div className="govuk-error-summary__body">
              <p>{record.problems?.[0]?.message}</p>
            </div>
          </div>
          <p className="govuk-body">
            <Tag colour="red">Not sent: visit changed</Tag>
          </p>
          <h3 className="govuk-heading-s">Your record, kept on this phone</h3>
          {summary}
        </>
      );
    default:
      return (
        <>
          <p className="govuk-body">
            <Tag colour="yellow">Waiting to send</Tag>
          </p>
          <p className="govuk-body" role="status">
            Your record is saved on this phone. {online ? 'It is being sent now.' : 'It will be sent automatically when you have signal; you can close the app.'}
          </p>
          {summary}
          <Button variant="secondary" type="button" onClick={onRetry}>
            Try sending now
          </Button>
        </>
      );
  }
}

function VisitView({ visit, date, accountID }: { visit: TodayVisit; date: string; accountID: string }) {
  const name = personName(visit.plan.person);
  const records = useQueuedRecords();
  const online = useOnline();
  const flush = useFlush(accountID);
  const record = records.findLast((r) => r.visitID === visit.id);
  const risks = splitRisks(visit.plan.risks);
  // Made once, when the form is first submitted: every resend of this record carries it.
  const recordID = useRef<string | null>(record && record.status === 'rejected' ? record.recordID : null);
  const [errors, setErrors] = useState<FormErrors>(() =>
    record?.status === 'rejected' && record.problems ? formErrorsOf({}, record.problems, recordFieldIds(valuesFromInput(record.input, clockTime), visit)) : noErrors,
  );
  const [submitting, setSubmitting] = useState(false);
  usePageTitle(`Visit to ${name}`, errors !== noErrors && (errors.summary.length > 0 || errors.problem !== null));

  // Nothing prefilled: "Arrived now" and "Left now" fill the times with one tap.
  const initial: RecordFormValues = record?.status === 'rejected'
    ? valuesFromInput(record.input, clockTime)
    : { outcome: 'VISITED', outcomeReason: '', arrivedAt: visit.arrivedAt ? clockTime(visit.arrivedAt) : '', departedAt: '', notes: '', handover: '', progress: {}, concernKind: '', concernDetails: '' };

  const save = async (values: RecordFormValues) => {
    if (submitting) return;
    const fieldIds = recordFieldIds(values, visit);
    const local = validateRecord(values);
    if (Object.keys(local).length > 0) {
      setErrors(formErrorsOf(local, [], fieldIds));
      return;
    }
    recordID.current ??= crypto.randomUUID();
    visitQueue.enqueue(accountID, recordInput(values, visit, date, recordID.current));
    setSubmitting(true);
    try {
      // Always try: the browser can say it is online while requests fail, and
      // a record that gets no answer simply stays waiting.
      await flush();
    } finally {
      setSubmitting(false);
    }
    const saved = visitQueue.list().find((r) => r.recordID === recordID.current);
    setErrors(saved?.status === 'rejected' ? formErrorsOf({}, saved.problems ?? [], fieldIds) : noErrors);
  };

  const showForm = !record || record.status === 'rejected';
  const recorded = visit.status !== 'SCHEDULED' && visit.status !== 'IN_PROGRESS';
  // The record form first, then the plan (issue 13): what the worker needs
  // before going in (risks to them, the handover, how to get in) stays
  // short above it.
  return (
    <>
      <BackLink href="/today">Today's visits</BackLink>
      <span className="govuk-caption-l">Visit at {formatTime(visit.startsAt)}</span>
      <h1 className="govuk-heading-l">{name}</h1>
      <p className="govuk-body">
        <RecordTag record={record} visitStatus={visit.status} />
      </p>
      <OfflineNotice online={online} waiting={records.filter((r) => r.status === 'waiting').length} />
      <WorkerRisks risks={risks.toWorker} />
      <Handover visit={visit} />
      <VisitFacts visit={visit} />
      <h2 className="govuk-heading-m" id="record-visit" tabIndex={-1}>
        Record the visit
      </h2>
      {showForm && recorded && !record ? (
        <>
          <p className="govuk-body">This visit has been recorded.</p>
          <RecordSummary {...visit} />
        </>
      ) : showForm ? (
        <RecordVisitForm key={record?.recordID ?? 'new'} visit={visit} initial={initial} errors={errors} submitting={submitting} onSubmit={(values) => void save(values)} />
      ) : (
        <RecordState record={record} visit={visit} online={online} onRetry={() => void flush()} />
      )}
      <h2 className="govuk-heading-m">The plan</h2>
      <PlanForVisit plan={visit.plan} headingLevel={3} showFluctuating />
      <OtherRisks risks={risks.other} headingLevel={3} />
    </>
  );
}

/** The note the last visit to the person left for this one (issue 13). */
function Handover({ visit }: { visit: TodayVisit }) {
  const from = visit.handoverFrom;
  if (!from?.handover) return null;
  const when = from.departedAt ?? from.startsAt;
  return (
    <div className="govuk-inset-text app-handover">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Note from the last visit</h2>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        {clockDate(when) === clockDate(visit.startsAt) ? 'Today' : formatDate(clockDate(when))} at {formatTime(from.startsAt)}
      </p>
      <p className="govuk-body app-pre-line govuk-!-margin-bottom-0">{from.handover}</p>
    </div>
  );
}

function VisitMissing({ loading, failed }: { loading: boolean; failed: boolean }) {
  usePageTitle(loading ? 'Visit' : 'Visit not found');
  if (loading) {
    return failed ? (
      <>
        <h1 className="govuk-heading-l">Visit</h1>
        <p className="govuk-body">Sorry, this visit could not be loaded. Try again when you have signal.</p>
      </>
    ) : (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  }
  return (
    <>
      <BackLink href="/today">Today's visits</BackLink>
      <h1 className="govuk-heading-l">Visit not found</h1>
      <p className="govuk-body">This visit is not one of yours today.</p>
    </>
  );
}

/** /today/visits/:visitId: one visit, everything it needs, and the form to record it. Works offline from the stored list. */
export function VisitPage() {
  const { visitId = '' } = useParams();
  const [result] = useQuery({ query: MyVisitsQuery });
  const visit = result.data?.myVisits.find((v) => v.id === visitId);
  if (!result.data || !visit) return <VisitMissing loading={!result.data} failed={hasFailed(result.error)} />;
  return <VisitView visit={visit} date={result.data.me.today} accountID={result.data.me.account.id} />;
}
