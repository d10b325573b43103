import { createBrowserRouter } from 'react-router';
import { HomeRedirect, NotFoundPage, RequireAuth, RouteError } from './routes';
import { Shell } from './Shell';

/**
 * The app's routes. Feature pages load on demand, so a worker's phone
 * fetches only the screens it uses.
 */
export const router = createBrowserRouter([
  {
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: 'sign-in', lazy: () => import('../features/auth/SignInPage').then((m) => ({ Component: m.SignInPage })) },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'caseload', lazy: () => import('../features/caseload/CaseloadPage').then((m) => ({ Component: m.CaseloadPage })) },
              { path: 'today', lazy: () => import('../features/today/TodayPage').then((m) => ({ Component: m.TodayPage })) },
              { path: 'people/:personId', lazy: () => import('../features/people/PersonPage').then((m) => ({ Component: m.PersonPage })) },
              { path: 'plans/:planId', lazy: () => import('../features/plans/PlanPage').then((m) => ({ Component: m.PlanPage })) },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
