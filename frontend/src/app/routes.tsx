import { Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import { useViewer } from '../features/auth/useViewer';
import { Link } from '../components';
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
