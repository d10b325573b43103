import { InsetText } from '../../../components';
import { plural } from '../../../lib/format';

/** Says when the phone is offline, and what is still to send. */
export function OfflineNotice({ online, waiting }: { online: boolean; waiting: number }) {
  if (online && waiting === 0) return null;
  return (
    <InsetText>
      {!online && <p className="govuk-body">You are offline. You are seeing your visits as they were when they last loaded.</p>}
      {waiting > 0 && (
        <p className="govuk-body">
          {plural(waiting, 'visit record is', 'visit records are')} waiting to send. {online ? 'Sending now.' : 'They are kept on this phone and sent when you have signal.'}
        </p>
      )}
    </InsetText>
  );
}
