import { WarningText } from '../../components';
import { usePageTitle } from '../../lib/usePageTitle';

// SCAFFOLD: the practitioner's caseload (people allocated to them and their team, with plan status and next review) comes next, once its queries are written against the schema.
// Until then this page is a marked placeholder: a heading and a notice.
export function CaseloadPage() {
  usePageTitle('Caseload');
  return (
    <>
      <h1 className="govuk-heading-l">Your caseload</h1>
      <WarningText>This page is coming next: it is a placeholder in this build.</WarningText>
    </>
  );
}
