/**
 * Where each thing Plan.readiness says is missing is put right: the page
 * that fixes it, by the item's field (the server decides what is missing;
 * the app only knows its own pages).
 */
export function readinessHref(plan: { id: string; person: { id: string } }, item: { field: string }): string | undefined {
  const plans = `/plans/${plan.id}`;
  switch (item.field) {
    case 'person.advocacy':
      return `/people/${plan.person.id}`;
    case 'needs':
      return `${plans}/edit/needs`;
    case 'outcomes':
      return `${plans}/edit/outcomes`;
    case 'visitFrequency':
    case 'visitDurationMinutes':
      return `${plans}/edit/visits`;
    case 'workerTasks':
      return `${plans}/edit/worker`;
    case 'otherSupport':
      return `${plans}/edit/other-support`;
    case 'reviewFrequency':
    case 'reviewResponsibleID':
      return `${plans}/edit/review`;
    case 'risks':
      return `${plans}/edit/risks`;
    case 'involvements':
      return `${plans}/agree#involvement-heading`;
    case 'environmentAssessment':
    case 'mitigationConfirmed':
      return `${plans}/start/risks`;
    case 'serviceTeam':
    case 'workers':
      return `${plans}/start/service`;
    case 'visits':
      return `${plans}/start/visits`;
    case 'plannedEnd':
      return `${plans}/start/end`;
    default:
      return undefined;
  }
}
