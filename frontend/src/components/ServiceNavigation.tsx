import { useState, type ReactNode } from 'react';
import { cx } from './classNames';
import { Link } from './Link';
import { fromTablet, useMediaQuery } from './useMediaQuery';

export interface ServiceNavigationItem {
  href: string;
  text: string;
  /** This is the page being shown: aria-current="page". */
  current?: boolean;
  /** The page shown is inside this section: aria-current="true". */
  active?: boolean;
}

export interface ServiceNavigationProps {
  serviceName: string;
  serviceUrl?: string;
  items: readonly ServiceNavigationItem[];
  /** Extra list items after the links, e.g. a sign-out button. */
  navigationEnd?: ReactNode;
  navigationLabel?: string;
  menuButtonText?: string;
}

/**
 * govuk-service-navigation: the service's name and its main sections. On
 * small screens the links collapse behind a Menu button, as govuk-frontend's
 * script does; with a single link there is nothing to collapse.
 */
export function ServiceNavigation({ serviceName, serviceUrl, items, navigationEnd, navigationLabel = 'Menu', menuButtonText = 'Menu' }: ServiceNavigationProps) {
  const wide = useMediaQuery(fromTablet);
  const [open, setOpen] = useState(false);
  const collapsible = items.length > 1;
  const collapsed = collapsible && !wide;
  const hasNavigation = items.length > 0 || Boolean(navigationEnd);

  return (
    <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            {serviceUrl ? (
              <Link href={serviceUrl} className="govuk-service-navigation__link">
                {serviceName}
              </Link>
            ) : (
              <span className="govuk-service-navigation__text">{serviceName}</span>
            )}
          </span>
          {hasNavigation && (
            <nav aria-label={navigationLabel} className="govuk-service-navigation__wrapper">
              {collapsible && (
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  aria-expanded={collapsed ? open : undefined}
                  hidden={!collapsed}
                  aria-hidden={collapsed ? undefined : true}
                  onClick={() => setOpen(!open)}
                >
                  {menuButtonText}
                </button>
              )}
              <ul className="govuk-service-navigation__list" id="navigation" hidden={collapsed && !open}>
                {items.map((item) => {
                  const marked = item.current || item.active;
                  return (
                    <li key={item.href} className={cx('govuk-service-navigation__item', marked && 'govuk-service-navigation__item--active')}>
                      <Link
                        className="govuk-service-navigation__link"
                        href={item.href}
                        aria-current={item.current ? 'page' : item.active ? 'true' : undefined}
                        onClick={() => setOpen(false)}
                      >
                        {marked ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                      </Link>
                    </li>
                  );
                })}
                {navigationEnd}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}
