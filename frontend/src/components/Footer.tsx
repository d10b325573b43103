import type { ReactNode } from 'react';
import { Link } from './Link';

export interface FooterProps {
  /** Support links: accessibility statement, privacy notice, help. */
  links?: ReadonlyArray<{ href: string; text: string }>;
  /** Free text under the links, e.g. who runs the service. */
  children?: ReactNode;
}

/**
 * govuk-footer without the crown, the Open Government Licence and Crown
 * copyright, none of which apply to a council's case records.
 */
export function Footer({ links = [], children }: FooterProps) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            {links.length > 0 && (
              <ul className="govuk-footer__inline-list">
                {links.map((link) => (
                  <li key={link.href} className="govuk-footer__inline-list-item">
                    <Link className="govuk-footer__link" href={link.href}>
                      {link.text}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {children && <div className="govuk-footer__meta-custom">{children}</div>}
          </div>
        </div>
      </div>
    </footer>
  );
}
