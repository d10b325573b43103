import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomeRedirect, NotFoundPage, RequireArea, RequireAuth, RouteError, SignOutPage } from './routes';
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

type StartPages = typeof import('../features/start/StartPages');

/** One of the pages that start reablement (one chunk for all of them). */
const startPage = (name: keyof StartPages) => import('../features/start/StartPages').then((m) => ({ Component: m[name] as ComponentType }));

type HomePages = typeof import('../features/home/pages');

/** One of the homes of issue 13 (the person's, carers', managers'). */
const homePage = (name: keyof HomePages) => import('../features/home/pages').then((m) => ({ Component: m[name] as ComponentType }));

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
              { path: 'sign-out', element: <SignOutPage /> },
              {
                element: <RequireArea area="today" />,
                children: [
                  { path: 'today', lazy: () => import('../features/today/TodayPage').then((m) => ({ Component: m.TodayPage })) },
                  { path: 'today/tomorrow', lazy: () => import('../features/today/OtherDaysPage').then((m) => ({ Component: m.TomorrowPage })) },
                  { path: 'today/week', lazy: () => import('../features/today/OtherDaysPage').then((m) => ({ Component: m.WeekPage })) },
                  { path: 'today/visits/:visitId', lazy: () => import('../features/today/VisitPage').then((m) => ({ Component: m.VisitPage })) },
                ],
              },
              {
                element: <RequireArea area="home" />,
                children: [
                  { path: 'home', lazy: () => homePage('OwnHomePage') },
                  { path: 'home/plans/:planId/ask', lazy: () => homePage('AskPage') },
                  { path: 'home/plans/:planId/print', lazy: () => homePage('PrintCopyPage') },
                  { path: 'home/seen/:personId', lazy: () => homePage('SeenPage') },
                  { path: 'home/complain', lazy: () => homePage('ComplainPage') },
                ],
              },
              { element: <RequireArea area="team" />, children: [{ path: 'team', lazy: () => homePage('TeamHomePage') }] },
              { element: <RequireArea area="service" />, children: [{ path: 'service', lazy: () => homePage('ServiceHomePage') }] },
              {
                element: <RequireArea area="caseload" />,
                children: [{ path: 'caseload', lazy: () => import('../features/caseload/CaseloadPage').then((m) => ({ Component: m.CaseloadPage })) }],
              },
              {
                element: <RequireArea area="audit" />,
                children: [{ path: 'audit', lazy: () => import('../features/audit/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })) }],
              },
              {
                element: <RequireArea area="due" />,
                children: [
                  { path: 'due', lazy: () => import('../features/due/DuePage').then((m) => ({ Component: m.DuePage })) },
                  { path: 'due/concerns/:concernId', lazy: () => import('../features/due/ConcernClosePage').then((m) => ({ Component: m.ConcernClosePage })) },
                ],
              },
              {
                element: <RequireArea area="find" />,
                children: [{ path: 'people/find', lazy: () => import('../features/people/FindPersonPage').then((m) => ({ Component: m.FindPersonPage })) }],
              },
              {
                element: <RequireArea area="records" />,
                children: [
                  { path: 'people/:personId', lazy: () => import('../features/people/PersonPage').then((m) => ({ Component: m.PersonPage })) },
                  { path: 'people/new', lazy: () => import('../features/people/NewPersonPage').then((m) => ({ Component: m.NewPersonPage })) },
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
                  {
                    path: 'plans/:planId/outcomes/:outcomeId/progress',
                    lazy: () => import('../features/plans/StepProgressPage').then((m) => ({ Component: m.StepProgressPage })),
                  },
                  { path: 'plans/:planId/agree', lazy: () => lifecyclePage('AgreePage') },
                  { path: 'plans/:planId/commence', lazy: () => startPage('StartPage') },
                  { path: 'plans/:planId/start/service', lazy: () => startPage('ServicePage') },
                  { path: 'plans/:planId/start/visits', lazy: () => startPage('SchedulePage') },
                  { path: 'plans/:planId/start/visits/:visitId', lazy: () => startPage('VisitChangePage') },
                  { path: 'plans/:planId/start/risks', lazy: () => startPage('WorkerRisksPage') },
                  { path: 'plans/:planId/start/end', lazy: () => startPage('PlannedEndPage') },
                  { path: 'risks/:riskId/confirm', lazy: () => import('../features/start/ConfirmRiskPage').then((m) => ({ Component: m.ConfirmRiskPage })) },
                  { path: 'plans/:planId/end', lazy: () => lifecyclePage('EndPage') },
                  { path: 'plans/:planId/review', lazy: () => lifecyclePage('ReviewsPage') },
                  { path: 'plans/:planId/amendments', lazy: () => lifecyclePage('AmendmentsPage') },
                  { path: 'plans/:planId/compare/:otherId', lazy: () => lifecyclePage('ComparePage') },
                  { path: 'people/:personId/chronology', lazy: () => import('../features/chronology/ChronologyPage').then((m) => ({ Component: m.ChronologyPage })) },
                  { path: 'plans/:planId/chronology', lazy: () => import('../features/chronology/ChronologyPage').then((m) => ({ Component: m.ChronologyPage })) },
                  { path: 'plans/:planId/print', lazy: () => import('../features/print/PrintPlanPage').then((m) => ({ Component: m.PrintPlanPage })) },
                  { path: 'plans/:planId/letter', lazy: () => import('../features/print/LetterPage').then((m) => ({ Component: m.LetterPage })) },
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
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
