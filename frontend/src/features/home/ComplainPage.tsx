import { useQuery } from 'urql';
import { BackLink, InsetText } from '../../components';
import { usePageTitle } from '../../lib/usePageTitle';
import { ComplaintsQuery } from './documents';

const ombudsman = 'https://www.lgo.org.uk';

/**
 * /home/complain: how to complain to the council, and to the Local
 * Government and Social Care Ombudsman after that (R25: people are told of
 * their right to complain). The council's route comes from the API.
 */
export function ComplainPage() {
  const [result] = useQuery({ query: ComplaintsQuery });
  const a = result.data?.me.authority;
  usePageTitle('How to complain');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <BackLink href="/home" />
        <h1 className="govuk-heading-l">How to complain</h1>
        <p className="govuk-body">You can complain if you are not happy with your reablement, your plan or how you have been treated.</p>
        <p className="govuk-body">Complaining will not change the help you get. Someone else can complain for you if you want them to, like a carer, a friend or an advocate.</p>
        <h2 className="govuk-heading-m">1. Talk to your practitioner</h2>
        <p className="govuk-body">They may be able to sort it out quickly. Their name and phone number are on your home page.</p>
        <h2 className="govuk-heading-m">2. Complain to {a?.name ?? 'the council'}</h2>
        {a && (a.complaintsPhone || a.complaintsEmail || a.complaintsURL) ? (
          <ul className="govuk-list govuk-list--bullet">
            {a.complaintsPhone && (
              <li>
                phone <a className="govuk-link" href={`tel:${a.complaintsPhone.replaceAll(' ', '')}`}>{a.complaintsPhone}</a>
              </li>
            )}
            {a.complaintsEmail && (
              <li>
                email <a className="govuk-link" href={`mailto:${a.complaintsEmail}`}>{a.complaintsEmail}</a>
              </li>
            )}
            {a.complaintsURL && (
              <li>
                fill in the form on the <a className="govuk-link" href={a.complaintsURL} rel="noreferrer">council's complaints page</a>
              </li>
            )}
          </ul>
        ) : (
          <p className="govuk-body">{result.fetching ? 'Loading…' : `Phone the council${a?.contactPhone ? ` on ${a.contactPhone}` : ''} and say you want to make a complaint.`}</p>
        )}
        <p className="govuk-body">Say what happened, when, and what you would like to happen now. The council will tell you when to expect an answer.</p>
        <h2 className="govuk-heading-m">3. If you are still not happy</h2>
        <p className="govuk-body">
          You can ask the <a className="govuk-link" href={ombudsman} rel="noreferrer">Local Government and Social Care Ombudsman</a> to look at your complaint. It is
          free. They usually ask you to complain to the council first.
        </p>
        <InsetText>If you think someone is being hurt or neglected, phone the council now. In an emergency, call 999.</InsetText>
      </div>
    </div>
  );
}
