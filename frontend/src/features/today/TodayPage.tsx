import { WarningText } from '../../components';
import { usePageTitle } from '../../lib/usePageTitle';

// SCAFFOLD: the worker's visits for today, offline-first, with the plan each visit works to, comes next.
// Until then this page is a marked placeholder: a heading and a notice.
export function TodayPage() {
  usePageTitle("Today's visits");
  return (
    <>
      <h1 className="govuk-heading-l">Today's visits</h1>
      <WarningText>This page is coming next: it is a placeholder in this build.</WarningText>
    </>
  );
}
