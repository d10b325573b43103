import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { Footer, Header, LinkProvider, ServiceNavigation, SkipLink, type ServiceNavigationItem } from '../components';
import { useViewer } from '../features/auth/useViewer';
import { SendVisitRecords, signOutVisitRecords, unsentVisitRecords } from '../features/today/session';
import { signOut } from '../lib/auth';
import { isVisitWorker } from '../lib/roles';
import { navigationAreas } from './access';
import { serviceName } from '../lib/usePageTitle';
import { RouterLink } from './RouterLink';

const defaultOrganisation = import.meta.env.VITE_ORGANISATION_NAME ?? 'Adult social care';

function navigationFor(roles: readonly string[], pathname: string): ServiceNavigationItem[] {
  // The parts of the app the roles may use (access.ts, which the router guards with too).
  const items: ServiceNavigationItem[] = navigationAreas(roles);
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
  // The worker's screens are for a phone on a doorstep: larger tap targets (styles.scss, .app-worker).
  const worker = viewer ? isVisitWorker(viewer.roles) : false;
  useEffect(() => {
    document.body.classList.toggle('app-worker', worker);
  }, [worker]);
  const signOutItem = viewer && (
    <li className="govuk-service-navigation__item">
      <button
        type="button"
        className="govuk-service-navigation__link app-service-navigation__button"
        onClick={() => {
          // Unsent visit records: send or lock them first, saying so (/sign-out).
          if (unsentVisitRecords(viewer.account.id) > 0) {
            navigate('/sign-out');
            return;
          }
          void signOutVisitRecords(viewer.account.id, viewer.recordKey, () => Promise.resolve()).then(() => {
            signOut();
            navigate('/sign-in', { replace: true });
          });
        }}
      >
        Sign out<span className="govuk-visually-hidden"> {viewer.account.displayName}</span>
      </button>
    </li>
  );

  return (
    <LinkProvider value={RouterLink}>
      <ScrollRestoration />
      {viewer?.roles.includes('WORKER') && <SendVisitRecords accountID={viewer.account.id} recordKey={viewer.recordKey} />}
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
