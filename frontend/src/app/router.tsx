import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomeRedirect, NotFoundPage, RequireAuth, RouteError, SignOutPage } from './routes';
import { Shell } from './Shell';

type EditPages = typeof import('../features/plans/edit/PlanEditPages');
type LifecyclePages = typeof import('../features/lifecycle/LifecyclePages');
type RecordPages = typeof import('../features/people/RecordEditPages');

/** One of the pages that keep a person's record (one chunk for all of them). */
const recordPage = (name: keyof RecordPages) =>
  import('../features/people/RecordEditPages').then((m) => ({ Component: m[name] as ComponentType }));

/** One of the draft plan's edit pages (one chunk for all of them). */
const editPage = (name: keyof EditPages) => import('../features/plans/edit/PlanEditPages').then((m) => ({ Component: m[name] as ComponentType }));

/** One of the plan's lifecycle pages (one chunk for all of them). */
const lifecyclePage = (name: keyof LifecyclePages) =>
  import('../features/lifecycle/LifecyclePages').then((m) => ({ Component: m[name] as ComponentType }));

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
              { path: 'today/visits/:visitId', lazy: () => import('../features/today/VisitPage').then((m) => ({ Component: m.VisitPage })) },
              { path: 'sign-out', element: <SignOutPage /> },
              { path: 'people/:personId', lazy: () => import('../features/people/PersonPage').then((m) => ({ Component: m.PersonPage })) },
              { path: 'people/new', lazy: () => import('../features/people/NewPersonPage').then((m) => ({ Component: m.NewPersonPage })) },
              { path: 'people/find', lazy: () => import('../features/people/FindPersonPage').then((m) => ({ Component: m.FindPersonPage })) },
              {
                path: 'people/:personId/emergency-access',
                lazy: () => import('../features/people/EmergencyAccessPage').then((m) => ({ Component: m.EmergencyAccessPage })),
              },
              { path: 'people/:personId/change/details', lazy: () => recordPage('PersonDetailsPage') },
              { path: 'people/:personId/change/communication', lazy: () => recordPage('CommunicationPage') },
              { path: 'people/:personId/change/capacity', lazy: () => recordPage('CapacityAdvocacyPage') },
              { path: 'people/:personId/carers/new', lazy: () => recordPage('CarerFormPage') },
              { path: 'people/:personId/carers/:carerId', lazy: () => recordPage('CarerFormPage') },
              { path: 'people/:personId/contacts/new', lazy: () => recordPage('ContactFormPage') },
              { path: 'people/:personId/contacts/:contactId', lazy: () => recordPage('ContactFormPage') },
              { path: 'people/:personId/needs/:needId', lazy: () => recordPage('NeedFormPage') },
              { path: 'people/:personId/capacity/new', lazy: () => recordPage('CapacityAssessmentPage') },
              { path: 'people/:personId/capacity/:assessmentId', lazy: () => recordPage('CapacityAssessmentPage') },
              { path: 'people/:personId/best-interests/new', lazy: () => recordPage('BestInterestsPage') },
              { path: 'people/:personId/advice/new', lazy: () => recordPage('AdvicePage') },
              { path: 'people/:personId/advice/:adviceId/follow-up', lazy: () => recordPage('AdviceFollowUpPage') },
              { path: 'people/:personId/access', lazy: () => import('../features/sharing/AccessHistoryPage').then((m) => ({ Component: m.AccessHistoryPage })) },
              { path: 'plans/:planId', lazy: () => import('../features/plans/PlanPage').then((m) => ({ Component: m.PlanPage })) },
              { path: 'audit', lazy: () => import('../features/audit/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })) },
              { path: 'due', lazy: () => import('../features/due/DuePage').then((m) => ({ Component: m.DuePage })) },
              { path: 'plans/:planId/agree', lazy: () => lifecyclePage('AgreePage') },
              { path: 'plans/:planId/commence', lazy: () => lifecyclePage('CommencePage') },
              { path: 'plans/:planId/end', lazy: () => lifecyclePage('EndPage') },
              { path: 'plans/:planId/review', lazy: () => lifecyclePage('ReviewsPage') },
              { path: 'plans/:planId/amendments', lazy: () => lifecyclePage('AmendmentsPage') },
              { path: 'plans/:planId/compare/:otherId', lazy: () => lifecyclePage('ComparePage') },
              { path: 'plans/:planId/share', lazy: () => import('../features/sharing/SharePage').then((m) => ({ Component: m.SharePage })) },
              {
                path: 'plans/:planId/edit',
                children: [
                  { index: true, lazy: () => editPage('PlanEditPage') },
                  { path: 'outcomes', lazy: () => editPage('OutcomesEditPage') },
                  { path: 'outcomes/new', lazy: () => editPage('OutcomeFormPage') },
                  { path: 'outcomes/:outcomeId', lazy: () => editPage('OutcomeFormPage') },
                  { path: 'outcomes/:outcomeId/steps/new', lazy: () => editPage('StepFormPage') },
                  { path: 'steps/:stepId', lazy: () => editPage('StepFormPage') },
                  { path: 'risks', lazy: () => editPage('RisksEditPage') },
                  { path: 'risks/new', lazy: () => editPage('RiskFormPage') },
                  { path: 'risks/:riskId', lazy: () => editPage('RiskFormPage') },
                  { path: 'risks/:riskId/contingencies/new', lazy: () => editPage('ContingencyFormPage') },
                  { path: 'contingencies/:contingencyId', lazy: () => editPage('ContingencyFormPage') },
                  { path: 'delete/:kind/:id', lazy: () => editPage('DeletePage') },
                  { path: ':section', lazy: () => editPage('PlanDetailsPage') },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
