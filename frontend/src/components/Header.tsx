import { Link } from './Link';

export interface HeaderProps {
  /** The organisation's name (the council), shown where GOV.UK shows its logo. */
  organisationName: string;
  homeHref?: string;
}

/**
 * govuk-generic-header: the header for services that are not on GOV.UK. No
 * crown and no GOV.UK logotype: a council is not GOV.UK.
 */
export function Header({ organisationName, homeHref = '/' }: HeaderProps) {
  return (
    <div className="govuk-generic-header">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-generic-header__logo">
          <Link href={homeHref} className="govuk-generic-header__homepage-link">
            {organisationName}
          </Link>
        </div>
      </div>
    </div>
  );
}
