import { useParams } from 'react-router';
import { WarningText } from '../../components';
import { usePageTitle } from '../../lib/usePageTitle';

// SCAFFOLD: a person's record, section by section as the viewer may see it, comes next.
// Until then this page is a marked placeholder: a heading and a notice.
export function PersonPage() {
  const { personId } = useParams();
  usePageTitle('Person');
  return (
    <>
      <h1 className="govuk-heading-l">Person</h1>
      <p className="govuk-body">Record {personId}.</p>
      <WarningText>This page is coming next: it is a placeholder in this build.</WarningText>
    </>
  );
}
