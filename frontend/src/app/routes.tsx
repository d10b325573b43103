import { useSyncExternalStore } from 'react';
import { Navigate, Outlet, useLocation, useNavigate, useRouteError } from 'react-router';
import { useViewer } from '../features/auth/useViewer';
import { clearVisitRecords, unsentVisitRecords } from '../features/today/session';
import { visitQueue } from '../features/today/queue';
import { Button, ButtonGroup, Link, WarningText } from '../components';
import { signOut } from '../lib/auth';
import { plural } from '../lib/format';
import { homePathFor } from '../lib/roles';
import { useIsSignedIn } from '../lib/useSession';
import { usePageTitle } from '../lib/usePageTitle';

/** Sends anyone not signed in to the sign-in page, remembering where they were going. */
export function RequireAuth() {
  const signedIn = useIsSignedIn();
  const location = useLocation();
  if (!signedIn) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return <Outlet />;
}

/** "/": the viewer's home, by role. */
export function HomeRedirect() {
  const { viewer, error } = useViewer();
  usePageTitle('Home');
  if (viewer) return <Navigate to={homePathFor(viewer.roles)} replace />;
  if (error) return <ServiceProblem />;
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
}

function ServiceProblem() {
  usePageTitle('Sorry, there is a problem with the service');
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later.</p>
      <p className="govuk-body">Nothing you saved before the problem has been lost.</p>
    </>
  );
}

/** Shown when a page throws: GOV.UK's "problem with the service" page. */
export function RouteError() {
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return <ServiceProblem />;
}

/**
 * /sign-out: reached from "Sign out" while visit records on this phone are
 * unsent. Signing out deletes them (they hold what was seen at visits), so
 * the worker is told first and can stay signed in until they have gone.
 */
export function SignOutPage() {
  const navigate = useNavigate();
  const unsent = useSyncExternalStore(
    (listener) => visitQueue.subscribe(listener),
    () => unsentVisitRecords(),
    () => 0,
  );
  usePageTitle('Sign out');
  const signOutNow = () => {
    clearVisitRecords();
    signOut();
    navigate('/sign-in', { replace: true });
  };
  return (
    <>
      <h1 className="govuk-heading-l">Are you sure you want to sign out?</h1>
      {unsent > 0 ? (
        <WarningText>
          {plural(unsent, 'visit record has', 'visit records have')} not been sent. If you sign out now, {unsent === 1 ? 'it' : 'they'} will be deleted from this
          phone and lost.
        </WarningText>
      ) : (
        <p className="govuk-body">Every visit record on this phone has been sent.</p>
      )}
      <ButtonGroup>
        <Button type="button" onClick={() => navigate('/today')}>
          Stay signed in
        </Button>
        <Button type="button" variant="warning" onClick={signOutNow}>
          {unsent > 0 ? 'Sign out and delete unsent records' : 'Sign out'}
        </Button>
      </ButtonGroup>
    </>
  );
}
