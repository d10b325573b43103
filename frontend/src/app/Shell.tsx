import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { Footer, Header, LinkProvider, ServiceNavigation, SkipLink, type ServiceNavigationItem } from '../components';
import { useViewer } from '../features/auth/useViewer';
import { clearVisitRecords, SendVisitRecords, unsentVisitRecords } from '../features/today/session';
import { signOut } from '../lib/auth';
import { isAuditorOnly, isOutsideViewer, isVisitWorker } from '../lib/roles';
import { serviceName } from '../lib/usePageTitle';
import { RouterLink } from './RouterLink';

const defaultOrganisation = import.meta.env.VITE_ORGANISATION_NAME ?? 'Adult social care';

function navigationFor(roles: readonly string[], pathname: string): ServiceNavigationItem[] {
  const items: ServiceNavigationItem[] = [];
  if (roles.includes('WORKER')) items.push({ href: '/today', text: "Today's visits" });
  if (isOutsideViewer(roles)) items.push({ href: '/home', text: 'Home' });
  if (roles.includes('REGISTERED_MANAGER')) items.push({ href: '/service', text: 'Service today' });
  if (roles.includes('MANAGER')) items.push({ href: '/team', text: 'Team' });
  if (!isVisitWorker(roles) && !isAuditorOnly(roles) && !isOutsideViewer(roles)) items.push({ href: '/caseload', text: 'Caseload' });
  if (roles.includes('AUDITOR')) items.push({ href: '/audit', text: 'Audit log' });
  if (['PRACTITIONER', 'MANAGER', 'REGISTERED_MANAGER'].some((role) => roles.includes(role))) items.push({ href: '/due', text: 'Due' });
  // Searching the whole authority is for practitioners and managers (findPeople).
  if (['PRACTITIONER', 'MANAGER'].some((role) => roles.includes(role))) items.push({ href: '/people/find', text: 'Find a person' });
  return items.map((item) => ({
    ...item,
    current: pathname === item.href,
    active: pathname !== item.href && pathname.startsWith(`${item.href}/`),
  }));
}

/**
 * Moves focus to the main content after each client-side navigation, so
 * screen-reader and keyboard users start at the new page, not at the link
 * they left.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main-content');
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [pathname]);
}

/** The page frame: skip link, council header, service navigation, main, footer. */
export function Shell() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  useFocusOnNavigation();

  const items = viewer ? navigationFor(viewer.roles, pathname) : [];
  const signOutItem = viewer && (
    <li className="govuk-service-navigation__item">
      <button
        type="button"
        className="govuk-service-navigation__link app-service-navigation__button"
        onClick={() => {
          // Unsent visit records would be lost: warn first (/sign-out).
          if (unsentVisitRecords() > 0) {
            navigate('/sign-out');
            return;
          }
          clearVisitRecords();
          signOut();
          navigate('/sign-in', { replace: true });
        }}
      >
        Sign out<span className="govuk-visually-hidden"> {viewer.account.displayName}</span>
      </button>
    </li>
  );

  return (
    <LinkProvider value={RouterLink}>
      <ScrollRestoration />
      {viewer?.roles.includes('WORKER') && <SendVisitRecords accountID={viewer.account.id} />}
      <SkipLink />
      <header className="govuk-template__header">
        <Header organisationName={viewer?.authority.name ?? defaultOrganisation} />
        <ServiceNavigation serviceName={serviceName} serviceUrl="/" items={items} navigationEnd={signOutItem} />
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <Footer>
        {viewer ? `Signed in as ${viewer.account.displayName}.` : null} Records here are confidential: use them only for the work you are doing for
        the person.
      </Footer>
    </LinkProvider>
  );
}
