import type { ReactNode } from 'react';
import { Link, Tag, type TagColour } from '../../components';
import type { ChronologyEntryFieldsFragment, ChronologyKind } from '../../gql/graphql';
import { formatInstantDate, formatTime, humanise, sentenceCase } from '../../lib/format';
import { sectionLabel } from '../../lib/sections';

/** Each kind of entry as people call it, and its colour on the timeline. */
export const chronologyKinds: Record<ChronologyKind, { label: string; plural: string; colour: TagColour }> = {
  VISIT: { label: 'Visit', plural: 'Visits', colour: 'blue' },
  CONCERN: { label: 'Concern', plural: 'Concerns', colour: 'red' },
  REVIEW: { label: 'Review', plural: 'Reviews', colour: 'yellow' },
  AMENDMENT: { label: 'Amendment', plural: 'Amendments', colour: 'purple' },
  SHARE: { label: 'Copy shared', plural: 'Copies shared', colour: 'teal' },
  DECISION: { label: 'Decision', plural: 'Decisions', colour: 'green' },
};

const decisions: Record<string, string> = {
  AGREED: 'Plan agreed',
  COMMENCED: 'Reablement commenced',
  ENDED: 'Reablement ended',
  REFUSED: 'The person did not wish to proceed',
  WITHDRAWN: 'Service withdrawn',
};

/** Shown where a gated field came back withheld. */
const notShared = <span className="govuk-hint">Not shared with you</span>;

/** A gated text field: null when withheld, empty when nothing was recorded. */
function text(value: string | null | undefined, none = 'Nothing recorded.'): ReactNode {
  if (value === null || value === undefined) return notShared;
  return value.trim() ? value : <span className="govuk-hint">{none}</span>;
}

/** What one entry says: a title, who or what, and the detail worth reading. */
function describe(e: ChronologyEntryFieldsFragment): { title: string; body: ReactNode } {
  if (e.visit) {
    const v = e.visit;
    return {
      title: `${sentenceCase(humanise(v.status))} visit${v.worker ? ` by ${v.worker.displayName}` : ''}`,
      body: (
        <>
          <p className="govuk-body">{text(v.notes, 'No notes recorded.')}</p>
          {v.progress && v.progress.length > 0 && (
            <ul className="govuk-list govuk-list--bullet">
              {v.progress.map((p) => (
                <li key={p.id}>
                  {(p.outcome?.statement ?? 'An outcome').replace(/[.!]$/, '')}
                  {p.stepStatus ? `: step ${humanise(p.stepStatus).toLowerCase()}` : ''}
                  {p.note ? ` – ${p.note}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    };
  }
  if (e.concern) {
    const c = e.concern;
    return {
      title: `${sentenceCase(humanise(c.kind ?? 'Concern'))} concern raised${c.acknowledgedAt ? ', acknowledged' : ''}`,
      body: <p className="govuk-body">{text(c.details)}</p>,
    };
  }
  if (e.review) {
    const r = e.review;
    const what = r.kind === 'UNPLANNED' ? `Review asked for${r.requestedBy ? ` by the ${humanise(r.requestedBy).toLowerCase()}` : ''}` : 'Scheduled review';
    const state = r.result ? `held: ${humanise(r.result).toLowerCase()}` : r.decision === 'DECLINED' ? 'declined' : r.decision === 'HOLD' ? 'to be held' : 'waiting for a decision';
    return {
      title: `${what}, ${state}`,
      body: (
        <>
          {r.reason && <p className="govuk-body">{r.reason}</p>}
          {r.resultNotes && <p className="govuk-body">{r.resultNotes}</p>}
          {!r.resultNotes && r.decisionReason && <p className="govuk-body">{r.decisionReason}</p>}
        </>
      ),
    };
  }
  if (e.amendment) {
    const a = e.amendment;
    return {
      title: `Amendment asked for${a.requestedBy ? ` by the ${humanise(a.requestedBy).toLowerCase()}` : ''}: ${a.decision === 'PENDING' ? 'waiting for a decision' : humanise(a.decision).toLowerCase()}`,
      body: (
        <>
          <p className="govuk-body">{text(a.details)}</p>
          {a.resultingPlan && (
            <p className="govuk-body">
              <Link className="govuk-link" href={`/plans/${a.resultingPlan.id}`}>
                Version {a.resultingPlan.version}
              </Link>{' '}
              made the change.
            </p>
          )}
        </>
      ),
    };
  }
  if (e.share) {
    const s = e.share;
    const scope = s.sections && s.sections.length > 0 ? s.sections.map(sectionLabel).join(', ') : 'the full plan';
    return {
      title: `${s.decision === 'DECLINED' ? 'Copy declined for' : 'Copy shared with'} ${s.recipientName ?? `a ${humanise(s.recipientKind ?? 'recipient').toLowerCase()}`}${s.revokedAt ? ' (since revoked)' : ''}`,
      body: <p className="govuk-body">{s.decision === 'DECLINED' ? 'Nothing was shared.' : `${sentenceCase(scope)}${s.method ? `, by ${humanise(s.method).toLowerCase()}` : ''}.`}</p>,
    };
  }
  return { title: decisions[e.decision ?? ''] ?? 'Decision', body: null };
}

/**
 * A case chronology as a timeline, newest first: each entry's kind as a
 * coloured tag, its date and time, and what happened. Renders props only.
 */
export function Timeline({ entries }: { entries: readonly ChronologyEntryFieldsFragment[] }) {
  return (
    <ol className="app-timeline" aria-label="Chronology, newest first">
      {entries.map((e, i) => {
        const { title, body } = describe(e);
        const kind = chronologyKinds[e.kind];
        return (
          <li key={`${e.kind}-${e.at}-${i}`} className={`app-timeline__item app-timeline__item--${e.kind.toLowerCase()}`}>
            <h2 className="govuk-heading-s app-timeline__title">
              <Tag colour={kind.colour} className="govuk-!-margin-right-2">
                {kind.label}
              </Tag>
              {title}
            </h2>
            <p className="govuk-body-s app-timeline__date">
              <time dateTime={e.at}>
                {formatInstantDate(e.at)} at {formatTime(e.at)}
              </time>
              {e.plan && (
                <>
                  {' · '}
                  <Link className="govuk-link" href={`/plans/${e.plan.id}`}>
                    plan version {e.plan.version}
                  </Link>
                </>
              )}
            </p>
            {body && <div className="app-timeline__description">{body}</div>}
          </li>
        );
      })}
    </ol>
  );
}
