import { useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button, ButtonGroup, Link, NotificationBanner, Radios, Select } from '../../components';
import type { Section } from '../../gql/graphql';
import { actionErrors, ActionForm, useAction } from '../../lib/forms';
import { formatDate, formatInstantDate, formatMinutes, humanise } from '../../lib/format';
import { canRead, sectionLabel } from '../../lib/sections';
import { usePageTitle } from '../../lib/usePageTitle';
import { PrintPlanQuery, RecordWrittenRecordMutation } from './documents';

/** The formats this page prints, as the written record names them (R13, R4). */
const formats = { standard: 'Standard print', large: 'Large print' } as const;
type Format = keyof typeof formats;

/** A printed section: its heading and content, or that it is not in this copy. */
function PrintSection({ title, shown, children }: { title: string; shown: boolean; children: ReactNode }) {
  return (
    <section className="app-print-section">
      <h2 className="govuk-heading-m">{title}</h2>
      {shown ? children : <p className="govuk-body">Not included in this copy.</p>}
    </section>
  );
}

function orNone(value: string | null | undefined, none = 'Not recorded'): string {
  return value?.trim() ? value : none;
}

/**
 * /plans/:planId/print: the plan as a clean document to hand over (issue 12
 * item 6, R13): the person's name, the version, the date, and every section
 * the recipient may see, in standard or large print (?size=large). The
 * controls above it are for the screen only: the print stylesheet leaves
 * out the navigation, buttons and forms, so the browser's print is the
 * document alone. Recording the copy given is a separate, explicit step.
 */
export function PrintPlanPage() {
  const { planId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const size: Format = params.get('size') === 'large' ? 'large' : 'standard';
  const forShare = params.get('for');
  const [result, reload] = useQuery({ query: PrintPlanQuery, variables: { id: planId } });
  const [, record] = useMutation(RecordWrittenRecordMutation);
  const action = useAction();
  const [format, setFormat] = useState<Format>(size);
  const [printedOn] = useState(() => new Date().toISOString());
  const node = result.data?.node;
  const plan = node?.__typename === 'Plan' ? node : null;
  const name = plan?.person.legalName ?? plan?.person.preferredName ?? null;
  usePageTitle(plan ? `Print version ${plan.version}${name ? ` – ${name}` : ''}` : 'Print the plan');

  if (!plan) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading the plan…' : 'There is no plan at this address, or none you have a basis to see.'}
      </p>
    );
  }
  const shares = (plan.shares ?? []).filter((s) => s.decision !== 'DECLINED' && !s.revokedAt);
  const recipient = shares.find((s) => s.id === forShare) ?? null;
  // A recipient's copy holds the sections their share names (all when none).
  const scope: readonly Section[] | null = recipient?.sections?.length ? recipient.sections : null;
  const shows = (section: Section) => canRead(plan.viewerAccess, section) && (!scope || scope.includes(section));
  const outcomes = (plan.outcomes?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const canRecord = result.data?.me.roles.some((r) => r === 'PRACTITIONER' || r === 'MANAGER') && !recipient && plan.status !== 'DRAFT' && plan.status !== 'SUPERSEDED';
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className={`app-print-document${size === 'large' ? ' app-print-document--large' : ''}`}>
      <div className="app-no-print">
        <span className="govuk-caption-l">Print a copy</span>
        <p className="govuk-body">Print this page with your browser: only the plan below is printed, without the links, buttons or this box.</p>
        <ButtonGroup>
          <Button type="button" onClick={() => window.print()}>
            Print
          </Button>
          <Link className="govuk-link" href={`/plans/${plan.id}/print${size === 'large' ? '' : '?size=large'}${forShare ? `${size === 'large' ? '?' : '&'}for=${forShare}` : ''}`}>
            {size === 'large' ? 'Standard print version' : 'Large print version'}
          </Link>
          <Link className="govuk-link" href={`/plans/${plan.id}`}>
            Back to the plan
          </Link>
        </ButtonGroup>
        {shares.length > 0 && (
          <Select
            id="print-for"
            label="Whose copy is it?"
            hint="A recipient's copy holds only what their share gives them."
            value={recipient?.id ?? ''}
            onChange={(event) => setParam('for', event.currentTarget.value || null)}
            options={[{ value: '', text: 'The person (their own copy)' }, ...shares.map((s) => ({ value: s.id, text: `${s.recipientName ?? humanise(s.recipientKind ?? 'Recipient')}` }))]}
          />
        )}
      </div>

      <article className="app-print-plan" aria-labelledby="print-title">
        <p className="govuk-body app-print-plan__authority">{result.data?.me.authority.name}</p>
        <h1 className="govuk-heading-xl" id="print-title">
          Reablement plan{name ? ` for ${name}` : ''}
        </h1>
        <dl className="govuk-summary-list app-print-plan__facts">
          {[
            ['Version', `${plan.version}${plan.status === 'SUPERSEDED' ? ' (superseded by a later version)' : ''}`],
            ['Agreed', plan.agreedAt ? formatInstantDate(plan.agreedAt) : 'Not yet agreed'],
            ['Printed', formatInstantDate(printedOn)],
            ...(recipient ? [['Copy for', recipient.recipientName ?? humanise(recipient.recipientKind ?? '')]] : []),
          ].map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>

        <PrintSection title="Your needs" shown={shows('NEEDS')}>
          <ul className="govuk-list govuk-list--bullet">
            {(plan.needs ?? []).map((n) => (
              <li key={n.id}>
                <strong>{humanise(n.area)}</strong>
                {n.description ? `: ${n.description}` : ''}
              </li>
            ))}
          </ul>
        </PrintSection>

        <PrintSection title="What you want to achieve" shown={shows('OUTCOMES')}>
          {outcomes.length === 0 ? (
            <p className="govuk-body">No outcomes recorded.</p>
          ) : (
            <ol className="govuk-list govuk-list--number">
              {outcomes.map((o) => (
                <li key={o.id}>
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{o.statement}</p>
                  {o.targetDate && <p className="govuk-body govuk-!-margin-bottom-1">By {formatDate(o.targetDate)}</p>}
                  {o.supportRequired && <p className="govuk-body govuk-!-margin-bottom-1">Support: {o.supportRequired}</p>}
                  {o.steps && o.steps.length > 0 && (
                    <ul className="govuk-list govuk-list--bullet">
                      {[...o.steps]
                        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
                        .map((s) => (
                          <li key={s.id}>
                            {s.description}
                            {s.targetDate ? ` (by ${formatDate(s.targetDate)})` : ''}
                          </li>
                        ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </PrintSection>

        <PrintSection title="Visits" shown={shows('VISITS')}>
          <p className="govuk-body">
            {orNone(plan.visitFrequency)}
            {plan.visitDurationMinutes ? `, ${formatMinutes(plan.visitDurationMinutes)} each` : ''}.
          </p>
          {(plan.plannedStart || plan.plannedEnd) && (
            <p className="govuk-body">
              From {formatDate(plan.plannedStart) || 'a date to be agreed'} to {formatDate(plan.plannedEnd) || 'a date to be agreed'}.
            </p>
          )}
        </PrintSection>

        <PrintSection title="What your reablement worker will do" shown={shows('WORKER_SUPPORT')}>
          <p className="govuk-body">{orNone(plan.workerTasks)}</p>
          {plan.fluctuatingNeeds && <p className="govuk-body">On a bad day: {plan.fluctuatingNeeds}</p>}
        </PrintSection>

        <PrintSection title="Other support" shown={shows('OTHER_SUPPORT')}>
          <p className="govuk-body">{plan.noOtherSupport ? 'No other support.' : orNone(plan.otherSupport)}</p>
        </PrintSection>

        <PrintSection title="Risks and what we agreed" shown={shows('RISKS')}>
          {(plan.risks ?? []).length === 0 ? (
            <p className="govuk-body">No risks recorded.</p>
          ) : (
            <ul className="govuk-list">
              {(plan.risks ?? []).map((r) => (
                <li key={r.id} className="govuk-!-margin-bottom-3">
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{r.description}</p>
                  {r.strategy && <p className="govuk-body govuk-!-margin-bottom-1">{r.strategy}</p>}
                  {(r.contingencies ?? []).map((c) => (
                    <p className="govuk-body govuk-!-margin-bottom-1" key={c.id}>
                      If {c.trigger || 'it happens'}: {c.measures}
                      {c.whoActs ? ` (${c.whoActs})` : ''}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </PrintSection>

        <PrintSection title="How your plan will be reviewed" shown={shows('REVIEW')}>
          <p className="govuk-body">
            {orNone(plan.reviewFrequency)}
            {plan.firstReviewDue ? `. First review by ${formatDate(plan.firstReviewDue)}` : ''}
            {plan.reviewResponsible ? `. ${plan.reviewResponsible.displayName}${plan.reviewResponsible.jobTitle ? `, ${plan.reviewResponsible.jobTitle}` : ''}, makes sure it happens` : ''}.
          </p>
        </PrintSection>
        {scope && <p className="govuk-body">This copy holds: {scope.map(sectionLabel).join(', ')}.</p>}
      </article>

      <div className="app-no-print">
        {plan.writtenRecordAt && (
          <NotificationBanner type="success">
            Written record given on {formatInstantDate(plan.writtenRecordAt)} in {plan.writtenRecordFormat || 'an unrecorded format'}.
          </NotificationBanner>
        )}
        {canRecord && (
          <ActionForm
            heading="Record the copy given to the person (R13)"
            errors={action.errors}
            busy={action.busy}
            submitLabel="Record that the copy was given"
            onSubmit={() =>
              void action.run(async () => {
                const r = await record({ id: plan.id, expectedRevision: plan.revision, format: formats[format] });
                const errors = actionErrors(r, [['format', 'written-format']]);
                if (!errors) reload({ requestPolicy: 'network-only' });
                return errors;
              })
            }
          >
            <Radios
              name="written-format"
              legend="Format given"
              legendSize="s"
              small
              value={format}
              onChange={(v) => setFormat(v as Format)}
              items={(Object.keys(formats) as Format[]).map((f) => ({ value: f, label: formats[f] }))}
            />
          </ActionForm>
        )}
      </div>
    </div>
  );
}
