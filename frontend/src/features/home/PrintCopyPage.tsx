import { useParams } from 'react-router';
import { BackLink, Button } from '../../components';
import { formatInstantDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { PlanInWords } from './PlanInWords';
import './home.css';
import { useHomePlan, useOwnHome } from './useHomePlans';

/**
 * /home/plans/:planId/print: the holder's own copy of the plan in plain
 * words, to print or save as a PDF (R13: the person gets a written record).
 * The print stylesheet leaves out the header, navigation, footer and
 * buttons (app-no-print).
 */
export function PrintCopyPage() {
  const { planId = '' } = useParams();
  const { me, plans, fetching } = useOwnHome();
  const summary = plans.find((p) => p.id === planId);
  const { plan } = useHomePlan(summary, me?.today);
  const own = Boolean(summary?.viewerAccess.some((a) => a.basis === 'OWN_RECORD'));
  const name = plan?.person.preferredName;
  const title = own ? 'Your reablement plan' : name ? `${name}'s reablement plan` : 'Reablement plan';
  usePageTitle(title);
  if (!summary || !plan || !me) {
    return (
      <p className="govuk-body" role="status">
        {fetching || (summary && !plan) ? 'Loading…' : 'This plan is not shared with you.'}
      </p>
    );
  }
  return (
    <>
      <BackLink href="/home" />
      <span className="govuk-caption-l">{me.authority.name}</span>
      <h1 className="govuk-heading-xl">{title}</h1>
      <p className="govuk-body">
        {name && `For ${name}. `}Version {plan.version}
        {plan.agreedAt ? `, agreed on ${formatInstantDate(plan.agreedAt)}` : ''}. Printed on {formatInstantDate(new Date().toISOString())}.
      </p>
      {plan.person.allocatedPractitioner && (
        <p className="govuk-body">
          Practitioner: {plan.person.allocatedPractitioner.displayName}
          {plan.person.team ? `, ${plan.person.team.name}` : ''}
          {plan.person.team?.phone ? `, phone ${plan.person.team.phone}` : ''}.
        </p>
      )}
      {me.authority.contactPhone && (
        <p className="govuk-body">
          {me.authority.name}: phone {me.authority.contactPhone}
          {me.authority.contactEmail ? `, email ${me.authority.contactEmail}` : ''}.
        </p>
      )}
      <div className="app-no-print">
        <Button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </Button>
      </div>
      <PlanInWords plan={plan} visits={null} whose={own ? 'your' : 'their'} print />
    </>
  );
}
