import { ButtonLink, Link } from '../../../components';
import type { PlanData } from '../types';

/**
 * What a practitioner can do next with this version, by its status (R2):
 * each leads to a page that shows what is still missing before the button
 * that does it.
 */
export function PlanActions({ plan }: { plan: Pick<PlanData, 'id' | 'status' | 'inProgress' | 'supersedes'> }) {
  const base = `/plans/${plan.id}`;
  // Whether the version is still in progress is the server's to say (R2).
  const live = plan.inProgress;
  const primary =
    plan.status === 'DRAFT'
      ? { href: `${base}/edit`, text: 'Edit the draft plan' }
      : plan.status === 'AGREED'
        ? { href: `${base}/commence`, text: 'Start reablement' }
        : plan.status === 'ACTIVE' || plan.status === 'UNDER_REVIEW'
          ? { href: `${base}/review`, text: 'Reviews' }
          : null;
  const links = [
    plan.status === 'DRAFT' && { href: `${base}/agree`, text: 'Agree the plan' },
    ['AGREED', 'ACTIVE', 'UNDER_REVIEW'].includes(plan.status) && { href: `${base}/amendments`, text: 'Amendments' },
    // An amendment draft is agreed once changed; it is not refused on its own (R25).
    live && !(plan.status === 'DRAFT' && plan.supersedes) && { href: `${base}/end`, text: plan.status === 'DRAFT' ? 'The person does not wish to proceed' : 'End the plan' },
    plan.status !== 'DRAFT' && { href: `${base}/share`, text: 'Share the plan' },
    plan.supersedes && { href: `${base}/compare/${plan.supersedes.id}`, text: 'Compare with the previous version' },
    plan.status !== 'DRAFT' && { href: `${base}/print`, text: 'Print a copy' },
    { href: `${base}/chronology`, text: 'Chronology' },
  ].filter((x): x is { href: string; text: string } => Boolean(x));
  return (
    <div className="govuk-button-group">
      {primary && <ButtonLink href={primary.href}>{primary.text}</ButtonLink>}
      {links.map((l) => (
        <Link key={l.href} className="govuk-link" href={l.href}>
          {l.text}
        </Link>
      ))}
    </div>
  );
}
