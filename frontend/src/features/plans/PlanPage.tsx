import { useParams } from 'react-router';
import { WarningText } from '../../components';
import { usePageTitle } from '../../lib/usePageTitle';

// SCAFFOLD: one version of a reablement plan (R1's six parts, status and history) comes next.
// Until then this page is a marked placeholder: a heading and a notice.
export function PlanPage() {
  const { planId } = useParams();
  usePageTitle('Reablement plan');
  return (
    <>
      <h1 className="govuk-heading-l">Reablement plan</h1>
      <p className="govuk-body">Record {planId}.</p>
      <WarningText>This page is coming next: it is a placeholder in this build.</WarningText>
    </>
  );
}
