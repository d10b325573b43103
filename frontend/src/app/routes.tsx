import { useState, useSyncExternalStore } from 'react';
import { Navigate, Outlet, useLocation, useNavigate, useRouteError } from 'react-router';
import { useViewer } from '../features/auth/useViewer';
import { signOutVisitRecords, unsentVisitRecords } from '../features/today/session';
import { useFlush } from '../features/today/useVisitQueue';
import { visitQueue } from '../features/today/queue';
import { Button, ButtonGroup, Link, WarningText } from '../components';
import { signOut } from '../lib/auth';
import { plural } from '../lib/format';
import { homePathFor } from '../lib/roles';
import { safeNext } from '../lib/safeNext';
import { canUse, type Area } from './access';
import { useIsSignedIn } from '../lib/useSession';
import { usePageTitle } from '../lib/usePageTitle';

/** Sends anyone not signed in to the sign-in page, remembering where they were going. */
export function RequireAuth() {
  const signedIn = useIsSignedIn();
  const location = useLocation();
  if (!signedIn) {
    // Only where sign-in would send them back (safeNext): never /sign-out, reached here when signing out.
    const path = location.pathname + location.search;
    const next = location.pathname !== '/' && safeNext(path) ? `?next=${encodeURIComponent(path)}` : '';
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return <Outlet />;
}

/**
 * Lets through only viewers whose roles may use the area (access.ts); anyone
 * else gets "Page not available" with a link home, whatever address they
 * typed. While the viewer is loading, nothing of the page shows. If the
 * viewer cannot be loaded (no signal and nothing stored) the page shows
 * anyway: the API still decides what it answers.
 */
export function RequireArea({ area }: { area: Area }) {
  const { viewer, error } = useViewer();
  if (viewer) return canUse(area, viewer.roles) ? <Outlet /> : <NotAvailablePage />;
  if (error) return <Outlet />;
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

/** A page the signed-in role cannot use (a worker typing /due, /caseload or /audit). */
export function NotAvailablePage() {
  usePageTitle('Page not available');
  return (
    <>
      <h1 className="govuk-heading-l">Page not available</h1>
      <p className="govuk-body">This page is not part of the service for your role.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
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
 * unsent (issue 13). It tries to send them first; whatever still cannot go
 * is locked on the phone so only this worker can open it, and sent at
 * their next sign-in. Nothing is deleted unsent, and no one else who signs
 * in on the phone can read it.
 */
export function SignOutPage() {
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const flush = useFlush(viewer?.account.id);
  const [signingOut, setSigningOut] = useState(false);
  const unsent = useSyncExternalStore(
    (listener) => visitQueue.subscribe(listener),
    () => unsentVisitRecords(viewer?.account.id),
    () => 0,
  );
  usePageTitle('Sign out');
  const signOutNow = async () => {
    setSigningOut(true);
    await signOutVisitRecords(viewer?.account.id, viewer?.recordKey, flush);
    signOut();
    navigate('/sign-in', { replace: true });
  };
  return (
    <>
      <h1 className="govuk-heading-l">Are you sure you want to sign out?</h1>
      {unsent > 0 ? (
        <>
          <WarningText>{plural(unsent, 'visit record has', 'visit records have')} not been sent.</WarningText>
          <p className="govuk-body">
            If you sign out now, the phone tries to send {unsent === 1 ? 'it' : 'them'} first. Anything it cannot send stays on this phone, locked so only you
            can open it, and is sent when you next sign in.
          </p>
        </>
      ) : (
        <p className="govuk-body">Every visit record on this phone has been sent.</p>
      )}
      <ButtonGroup>
        <Button type="button" onClick={() => navigate('/today')} disabled={signingOut}>
          Stay signed in
        </Button>
        <Button type="button" variant="secondary" onClick={() => void signOutNow()} disabled={signingOut} aria-disabled={signingOut || undefined}>
          {signingOut ? 'Sending and signing out…' : 'Sign out'}
        </Button>
      </ButtonGroup>
    </>
  );
}
