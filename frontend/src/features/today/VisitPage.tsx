import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { BackLink, Button, NotificationBanner, SummaryList, Tag } from '../../components';
import { formatTime } from '../../lib/format';
import { hasFailed, noErrors, type FormErrors } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { OfflineNotice } from './components/OfflineNotice';
import { OtherRisks } from './components/OtherRisks';
import { PlanForVisit } from './components/PlanForVisit';
import { RecordTag } from './components/RecordTag';
import { RecordVisitForm } from './components/RecordVisitForm';
import { VisitFacts } from './components/VisitFacts';
import { WorkerRisks } from './components/WorkerRisks';
import { MyVisitsQuery } from './documents';
import { visitQueue, type QueuedRecord } from './queue';
import { formErrorsOf, recordFieldIds, recordInput, validateRecord, valuesFromInput, type RecordFormValues } from './record';
import { splitRisks } from './risks';
import { clockTime } from './time';
import { personName, type TodayVisit } from './types';
import { useOnline } from './useOnline';
import { useFlush, useQueuedRecords } from './useVisitQueue';

/** What a record said, as a summary list (times on the authority's clock). */
function RecordSummary({ arrivedAt, departedAt, notes }: { arrivedAt: string | null | undefined; departedAt: string | null | undefined; notes: string | null | undefined }) {
  return (
    <SummaryList
      rows={[
        { key: 'Arrived', value: arrivedAt ? formatTime(arrivedAt) : 'Not recorded' },
        { key: 'Left', value: departedAt ? formatTime(departedAt) : 'Not recorded' },
        { key: 'What was done', value: notes || 'Nothing written' },
      ]}
    />
  );
}

/** Where the visit's record is, for a record that is not being changed in the form. */
function RecordState({ record, onRetry, online }: { record: QueuedRecord; onRetry: () => void; online: boolean }) {
  const summary = <RecordSummary arrivedAt={record.input.arrivedAt} departedAt={record.input.departedAt} notes={record.input.notes} />;
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

  const now = clockTime(new Date());
  const initial: RecordFormValues = record?.status === 'rejected'
    ? valuesFromInput(record.input, clockTime)
    : { arrivedAt: visit.arrivedAt ? clockTime(visit.arrivedAt) : now, departedAt: now, notes: '', progress: {}, concernKind: '', concernDetails: '' };

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
  return (
    <>
      <BackLink href="/today">Today's visits</BackLink>
      <span className="govuk-caption-l">Visit at {formatTime(visit.startsAt)}</span>
      <h1 className="govuk-heading-l">{name}</h1>
      <p className="govuk-body">
        <RecordTag record={record} visitStatus={visit.status} />{' '}
        <a className="govuk-link app-jump-link" href="#record-visit">
          Go to the record of this visit
        </a>
      </p>
      <OfflineNotice online={online} waiting={records.filter((r) => r.status === 'waiting').length} />
      <WorkerRisks risks={risks.toWorker} />
      <VisitFacts visit={visit} />
      <PlanForVisit plan={visit.plan} headingLevel={2} showFluctuating />
      <OtherRisks risks={risks.other} headingLevel={2} />
      <h2 className="govuk-heading-m" id="record-visit" tabIndex={-1}>
        Record the visit
      </h2>
      {showForm && visit.status === 'COMPLETED' && !record ? (
        <>
          <p className="govuk-body">This visit has been recorded.</p>
          <RecordSummary arrivedAt={visit.arrivedAt} departedAt={visit.departedAt} notes={visit.notes} />
        </>
      ) : showForm ? (
        <RecordVisitForm key={record?.recordID ?? 'new'} visit={visit} initial={initial} errors={errors} submitting={submitting} onSubmit={(values) => void save(values)} />
      ) : (
        <RecordState record={record} online={online} onRetry={() => void flush()} />
      )}
    </>
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
