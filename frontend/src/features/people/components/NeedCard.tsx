import { Link, SummaryList, Tag } from '../../../components';
import type { NeedData } from '../types';

export const needEffects: Record<string, string> = {
  PREVENT: 'Prevent it',
  REDUCE: 'Reduce it',
  DELAY: 'Delay it',
  NONE: 'Reablement will not change it',
};

function View({ heading, text, empty }: { heading: string; text: string | null | undefined; empty: string }) {
  return (
    <li className="app-views__view">
      <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{heading}</h4>
      {text ? <p className="govuk-body govuk-!-margin-bottom-0 app-views__quote">{text}</p> : <p className="govuk-hint govuk-!-margin-bottom-0">{empty}</p>}
    </li>
  );
}

/**
 * One area of need: what it is, and the person's, carer's and others' views
 * side by side (stacked on a phone), with any difference of view kept
 * visible beneath them.
 */
export function NeedCard({ need, personName, headingLevel = 3, changeHref }: { need: NeedData; personName: string; headingLevel?: 3 | 4; changeHref?: string }) {
  const Heading = `h${headingLevel}` as const;
  const title = need.area || 'Area of need';
  const differs = Boolean(need.differenceOfView?.trim());
  return (
    <div className="govuk-summary-card app-need">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">
          {title}
          {differs && (
            <>
              {' '}
              <Tag colour="yellow">Views differ</Tag>
            </>
          )}
        </Heading>
        {changeHref && (
          <div className="govuk-summary-card__actions">
            <Link className="govuk-link" href={changeHref}>
              Change<span className="govuk-visually-hidden"> the need: {title}</span>
            </Link>
          </div>
        )}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList
          rows={[
            { key: 'The need', value: need.description || 'Not recorded' },
            { key: 'What reablement can do', value: need.effect ? (needEffects[need.effect] ?? need.effect) : 'Not recorded' },
            ...(need.evidence ? [{ key: 'Evidence', value: need.evidence }] : []),
            ...(need.wellbeingImpact ? [{ key: 'Impact on wellbeing', value: need.wellbeingImpact }] : []),
          ]}
        />
        <ul className="app-views" aria-label={`Views on ${title}`}>
          <View heading={`${personName}'s view`} text={need.personView} empty="Not recorded" />
          <View heading="Carer's view" text={need.carerView} empty="No carer's view recorded" />
          <View heading="Others' views" text={need.othersView} empty="No other views recorded" />
        </ul>
        {differs && (
          <div className="govuk-inset-text app-difference govuk-!-margin-bottom-0">
            <h4 className="govuk-heading-s govuk-!-margin-bottom-1">Difference of view</h4>
            <p className="govuk-body govuk-!-margin-bottom-0">{need.differenceOfView}</p>
          </div>
        )}
      </div>
    </div>
  );
}
