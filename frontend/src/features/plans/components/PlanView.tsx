import type { ReactNode } from 'react';
import {
  GatedSection,
  Link,
  NotificationBanner,
  StatusTag,
  SummaryList,
  Table,
  Tag,
  WarningText,
  type SummaryRow,
  type TableColumn,
} from '../../../components';
import { formatDate, formatInstantDate, formatMinutes, formatVisitTime, humanise, plural, sentenceCase } from '../../../lib/format';
import { accessTo, canRead, canReadCoded, withheldReason, type SectionName } from '../../../lib/sections';
import { visitStatuses } from '../labels';
import { outcomesOf, planPersonName, type PlanData, type ReviewData, type VisitData } from '../types';
import { OutcomeCard } from './OutcomeCard';
import { PlanActions } from './PlanActions';
import { RisksByKind } from './RisksByKind';

const endReasons: Record<string, string> = {
  OUTCOMES_MET: 'outcomes met',
  MAXIMUM_PERIOD: 'maximum period reached',
  DECIDED_AT_REVIEW: 'decided at review',
  PERSON_NO_LONGER_WISHES: 'the person no longer wishes to continue',
  SERVICE_WITHDRAWN: 'service withdrawn',
  HEALTH_CHANGED: 'health changed',
};

function Withheld({ section, plan }: { section: SectionName; plan: PlanData }) {
  return (
    <>
      <strong>Not shared with you</strong>
      <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{withheldReason(section, accessTo(plan.viewerAccess, section))}</span>
    </>
  );
}

const blank = (text: string) => <span className="govuk-hint govuk-!-margin-0">{text}</span>;

/** The six things R1 says every plan records, each as the viewer may see it. */
export function R1Summary({ plan }: { plan: PlanData }) {
  const access = plan.viewerAccess;
  const gate = (section: SectionName, value: () => ReactNode, coded = false): ReactNode =>
    (coded ? canReadCoded(access, section) : canRead(access, section)) ? value() : <Withheld section={section} plan={plan} />;
  const outcomes = outcomesOf(plan);
  const needs = plan.needs ?? [];

  const rows: SummaryRow[] = [
    {
      id: 'needs',
      key: '(a) Needs addressed',
      value: gate('NEEDS', () =>
        needs.length === 0 ? (
          blank('None recorded')
        ) : (
          <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
            {needs.map((need) => (
              <li key={need.id}>{need.area || 'Need'}</li>
            ))}
          </ul>
        ),
      ),
    },
    {
      id: 'outcomes',
      key: '(b) Outcomes and targets',
      value: gate(
        'OUTCOMES',
        () =>
          outcomes.length === 0 ? (
            blank('None recorded')
          ) : (
            <>
              {plural(outcomes.length, 'outcome', 'outcomes')}, {outcomes.filter((o) => o.targetDate).length} with a target date.{' '}
              <a className="govuk-link" href="#outcomes">
                See the outcomes
              </a>
            </>
          ),
        true,
      ),
    },
    {
      id: 'visits',
      key: '(c) Visits: how often and how long',
      value: gate('VISITS', () =>
        plan.visitFrequency || plan.visitDurationMinutes ? (
          <>
            {plan.visitFrequency || blank('Frequency not recorded')}
            <span className="app-block">{plan.visitDurationMinutes ? `${formatMinutes(plan.visitDurationMinutes)} each` : blank('Length not recorded')}</span>
          </>
        ) : (
          blank('Not recorded')
        ),
      ),
    },
    {
      id: 'worker',
      key: '(d) What the worker does',
      value: gate('WORKER_SUPPORT', () => (
        <>
          {plan.workerTasks || blank('Not recorded')}
          {plan.fluctuatingNeeds && (
            <span className="app-block govuk-!-margin-top-2">
              <strong>On a bad day:</strong> {plan.fluctuatingNeeds}
            </span>
          )}
        </>
      )),
    },
    {
      id: 'other-support',
      key: '(e) Other support',
      value: gate('OTHER_SUPPORT', () => (plan.otherSupport ? plan.otherSupport : plan.noOtherSupport ? 'No other support' : blank('Not recorded'))),
    },
    {
      id: 'review',
      key: '(f) Reviews: how often and who is responsible',
      value: gate('REVIEW', () => (
        <>
          {plan.reviewFrequency || blank('Frequency not recorded')}
          <span className="app-block">
            {plan.reviewResponsible ? `Responsible: ${plan.reviewResponsible.displayName}` : blank('No one responsible recorded')}
          </span>
        </>
      )),
    },
  ];
  return <SummaryList rows={rows} />;
}

const visitColumns: ReadonlyArray<TableColumn<VisitData>> = [
  { key: 'when', header: 'When', cell: (visit) => formatVisitTime(visit.startsAt), hideInCard: true },
  { key: 'length', header: 'Length', cell: (visit) => formatMinutes(visit.durationMinutes) || 'Not set' },
  { key: 'worker', header: 'Worker', cell: (visit) => sentenceCase(visit.worker?.displayName ?? 'a reablement worker') },
  {
    key: 'status',
    header: 'Status',
    cell: (visit) => {
      const status = visitStatuses[visit.status];
      return <Tag colour={status?.colour ?? 'grey'}>{status?.text ?? humanise(visit.status)}</Tag>;
    },
  },
];

/**
 * The next few visits, a short list. Visits the server listed but did not
 * send (a null node) are counted, not silently dropped.
 */
export function UpcomingVisits({ visits, total, missing = 0 }: { visits: readonly VisitData[]; total: number; missing?: number }) {
  const missingNote = missing > 0 && (
    <p className="govuk-body">
      {missing === 1 ? '1 upcoming visit' : `${missing} upcoming visits`} could not be shown: the server listed {missing === 1 ? 'it' : 'them'} but did not send the
      details.
    </p>
  );
  if (visits.length === 0) return missingNote || <p className="govuk-body">No visits are scheduled from today.</p>;
  return (
    <>
      {missingNote}
      <Table
        caption={total > visits.length ? `The next ${visits.length} of ${total} upcoming visits` : 'Upcoming visits'}
        captionSize="s"
        columns={visitColumns}
        rows={visits}
        rowKey={(visit) => visit.id}
        firstCellIsHeader
        cardTitle={(visit) => formatVisitTime(visit.startsAt)}
      />
    </>
  );
}

const reviewColumns: ReadonlyArray<TableColumn<ReviewData>> = [
  { key: 'due', header: 'Due', cell: (review) => formatDate(review.due) || 'Not set', hideInCard: true },
  { key: 'kind', header: 'Kind', cell: (review) => humanise(review.kind) || 'Not recorded' },
  { key: 'reviewer', header: 'Reviewer', cell: (review) => review.reviewer?.displayName ?? 'Not assigned' },
  {
    key: 'held',
    header: 'Held',
    cell: (review) => (review.heldAt ? `${formatInstantDate(review.heldAt)}${review.result ? `: ${humanise(review.result).toLowerCase()}` : ''}` : 'Not yet'),
  },
];

function ReviewArrangements({ plan }: { plan: PlanData }) {
  const reviews = [...(plan.reviews ?? [])].sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
  return (
    <>
      <SummaryList
        rows={[
          { key: 'How often', value: plan.reviewFrequency || blank('Not recorded') },
          {
            key: 'Responsible for reviews',
            value: plan.reviewResponsible
              ? `${sentenceCase(plan.reviewResponsible.displayName)}${plan.reviewResponsible.jobTitle ? `, ${plan.reviewResponsible.jobTitle}` : ''}`
              : blank('No one recorded'),
          },
          { key: 'First review due', value: formatDate(plan.firstReviewDue) || blank('Set when reablement starts') },
        ]}
      />
      {reviews.length > 0 && (
        <Table
          caption="Reviews"
          captionSize="s"
          columns={reviewColumns}
          rows={reviews}
          rowKey={(review) => review.id}
          firstCellIsHeader
          cardTitle={(review) => `Review due ${formatDate(review.due) || '(no date)'}`}
        />
      )}
    </>
  );
}

export interface PlanViewProps {
  plan: PlanData;
  visits: readonly VisitData[];
  visitsTotal: number;
  /** Upcoming visits listed without their details. */
  visitsMissing?: number;
  /** The viewer may edit this draft. */
  canEdit: boolean;
}

/**
 * One plan version: status, the six R1 items, outcomes with a progress
 * picture each, risks grouped by kind with contingencies, the next visits
 * and review arrangements. Sections the viewer has no basis for say "Not
 * shared with you". Renders props only.
 */
export function PlanView({ plan, visits, visitsTotal, visitsMissing = 0, canEdit }: PlanViewProps) {
  const name = planPersonName(plan);
  const outcomes = outcomesOf(plan);
  return (
    <>
      {plan.status === 'SUPERSEDED' && (
        <NotificationBanner title="Superseded">
          <p className="govuk-notification-banner__heading">This version has been superseded and can never change again.</p>
          {plan.supersededBy && (
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" href={`/plans/${plan.supersededBy.id}`}>
                Go to version {plan.supersededBy.version}, which replaced it
              </Link>
            </p>
          )}
        </NotificationBanner>
      )}
      {plan.status === 'DRAFT' && plan.supersedes && <AmendmentDraftBanner plan={plan} />}
      <span className="govuk-caption-l">
        Reablement plan for{' '}
        <Link className="govuk-link govuk-link--no-visited-state" href={`/people/${plan.person.id}`}>
          {name ?? 'this person'}
        </Link>
      </span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-3">Reablement plan, version {plan.version}</h1>
      <p className="govuk-body">
        <StatusTag status={plan.status} />
        {plan.supersedes && (
          <>
            {' '}
            Replaces{' '}
            <Link className="govuk-link" href={`/plans/${plan.supersedes.id}`}>
              version {plan.supersedes.version}
            </Link>
            .
          </>
        )}
      </p>
      {plan.interimMeasures && <WarningText>Interim measures only, while an advocate is awaited. This is not an agreed plan (R30).</WarningText>}
      {canEdit && <PlanActions plan={plan} />}

      <SummaryList
        rows={[
          {
            key: 'Planned period',
            value:
              plan.plannedStart || plan.plannedEnd
                ? `${formatDate(plan.plannedStart) || 'Start not set'} to ${formatDate(plan.plannedEnd) || 'end not set'}`
                : blank(canReadCoded(plan.viewerAccess, 'VISITS') ? 'Not set yet' : 'Not shared with you'),
          },
          { key: 'Agreed', value: plan.agreedAt ? formatInstantDate(plan.agreedAt) : blank('Not yet') },
          { key: 'Reablement started', value: plan.commencedAt ? formatInstantDate(plan.commencedAt) : blank('Not yet') },
          ...(plan.endedAt
            ? [{ key: 'Ended', value: `${formatInstantDate(plan.endedAt)}${plan.endReason ? `: ${endReasons[plan.endReason] ?? humanise(plan.endReason)}` : ''}` }]
            : []),
          ...(plan.serviceTeam ? [{ key: 'Reablement service', value: plan.serviceTeam.name }] : []),
        ]}
      />

      <section aria-labelledby="r1-heading">
        <h2 className="govuk-heading-m" id="r1-heading">
          What the plan covers
        </h2>
        <R1Summary plan={plan} />
      </section>

      <GatedSection section="OUTCOMES" access={plan.viewerAccess} heading="Outcomes and progress" id="outcomes" coded>
        {outcomes.length === 0 ? (
          <p className="govuk-body">No outcomes recorded yet.</p>
        ) : (
          outcomes.map((outcome, index) => (
            <OutcomeCard key={outcome.id} outcome={outcome} number={index + 1}>
              {canEdit && (outcome.steps ?? []).length > 0 && (
                <p className="govuk-body govuk-!-margin-bottom-0">
                  <Link className="govuk-link" href={`/plans/${plan.id}/outcomes/${outcome.id}/progress`}>
                    Progress from visits, and correcting a step<span className="govuk-visually-hidden"> (outcome {index + 1})</span>
                  </Link>
                </p>
              )}
            </OutcomeCard>
          ))
        )}
      </GatedSection>

      <GatedSection section="RISKS" access={plan.viewerAccess} heading="Risks and contingencies" id="risks" coded>
        <RisksByKind risks={plan.risks ?? []} />
      </GatedSection>

      <GatedSection section="VISITS" access={plan.viewerAccess} heading="Upcoming visits" id="visits" coded>
        <UpcomingVisits visits={visits} total={visitsTotal} missing={visitsMissing} />
      </GatedSection>

      <GatedSection section="REVIEW" access={plan.viewerAccess} heading="Review arrangements" id="review" coded>
        <ReviewArrangements plan={plan} />
      </GatedSection>
    </>
  );
}

/**
 * An amendment draft (R25): the change asked for, and that the version it
 * amends stays in force until this one is agreed.
 */
function AmendmentDraftBanner({ plan }: { plan: PlanData }) {
  const asked = (plan.supersedes?.amendments ?? []).filter((a) => a.resultingPlan?.id === plan.id);
  return (
    <NotificationBanner title="Amendment draft">
      <p className="govuk-notification-banner__heading">
        Make the change asked for, section by section, then agree this version. Until then version {plan.supersedes?.version} stays in force.
      </p>
      {asked.map((a) => (
        <p className="govuk-body" key={a.id}>
          Asked for: {a.details ?? 'not shared with you'}
        </p>
      ))}
    </NotificationBanner>
  );
}
