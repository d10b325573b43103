import { Link } from '../../../components';
import { formatTime } from '../../../lib/format';
import type { QueuedRecord } from '../queue';
import { splitRisks } from '../risks';
import { personName, type TodayVisit } from '../types';
import { OtherRisks } from './OtherRisks';
import { PlanForVisit } from './PlanForVisit';
import { RecordTag } from './RecordTag';
import { VisitFacts } from './VisitFacts';
import { WorkerRisks } from './WorkerRisks';

export interface VisitCardProps {
  visit: TodayVisit;
  record: QueuedRecord | undefined;
  href: string;
}

/**
 * One visit on the Today screen, as a GOV.UK summary card: time and name
 * (linking to the visit), risks to the worker first, then when and where,
 * the outcomes and steps, what the worker does, and the other risks.
 */
export function VisitCard({ visit, record, href }: VisitCardProps) {
  const name = personName(visit.plan.person);
  const risks = splitRisks(visit.plan.risks);
  const titleId = `visit-${visit.id}-title`;
  return (
    <section className="govuk-summary-card app-visit-card" aria-labelledby={titleId}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title" id={titleId}>
          <Link className="govuk-link app-visit-card__link" href={href}>
            {formatTime(visit.startsAt)}, {name}
          </Link>
        </h2>
        <div className="app-visit-card__status">
          <RecordTag record={record} visitStatus={visit.status} />
        </div>
      </div>
      <div className="govuk-summary-card__content">
        <WorkerRisks risks={risks.toWorker} />
        <VisitFacts visit={visit} />
        <PlanForVisit plan={visit.plan} />
        <OtherRisks risks={risks.other} />
      </div>
    </section>
  );
}
