import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Link,
  NotificationBanner,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningText,
} from '../../components';
import { formatInstantDate, humanise, sentenceCase } from '../../lib/format';
import { formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../../lib/graphqlErrors';
import { sectionLabel, sectionLabels, type SectionName } from '../../lib/sections';
import { usePageTitle } from '../../lib/usePageTitle';
import type { SavedState } from '../../lib/forms';
import { PreviewShareQuery, SharePlanMutation, SharePlanPageQuery } from './documents';
import { RecordSharingDecision, RevokeShare } from './SharingDecisions';
import {
  basisOf,
  emptyShare,
  isPersonRequest,
  needsConsent,
  otherBases,
  recipientKinds,
  shareFieldIds,
  shareInput,
  shareMethods,
  validateShare,
  type ShareFormValues,
} from './model';

interface Preview {
  recipientName: string;
  access: ReadonlyArray<{ section: string; allowed: boolean; basis?: string | null }>;
}

/**
 * /plans/:planId/share: share a plan version (R20-R24). The practitioner
 * says who and on what basis, then sees exactly which sections the recipient
 * would see, decided by the server's own rules, before anything is sent.
 */
export function SharePage() {
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const client = useClient();
  const [page, reload] = useQuery({ query: SharePlanPageQuery, variables: { id: planId } });
  const saved = (useLocation().state as SavedState | null)?.saved;
  const [, share] = useMutation(SharePlanMutation);
  const [values, setValues] = useState<ShareFormValues>(emptyShare);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [preview, setPreview] = useState<Preview | null>(null);
  // What each kind of recipient's copy rests on is the API's to say (R20-R24).
  const bases = page.data?.shareBases ?? [];
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const node = page.data?.node;
  const plan = node?.__typename === 'Plan' ? node : null;
  const name = plan?.person.preferredName ?? 'the person';
  usePageTitle(preview ? 'Check what they will see' : `Share ${name}'s plan`, hasErrors(errors));

  if (!plan) {
    return (
      <p className="govuk-body" role="status">
        {page.fetching ? 'Loading…' : 'There is no plan at this address, or none you have a basis to share.'}
      </p>
    );
  }

  const set = <K extends keyof ShareFormValues>(key: K, value: ShareFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  };
  const consents = (plan.person.consents ?? []).filter((c) => c.purpose === 'SHARING' && !c.withdrawnAt);

  const checkPreview = async () => {
    const local = validateShare(values);
    if (hasErrors(local)) return setErrors(local);
    setBusy(true);
    const result = await client.query(PreviewShareQuery, { input: shareInput(plan.id, values, bases) }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (result.data?.previewShare && !result.error) {
      setErrors(noErrors);
      setPreview(result.data.previewShare);
      window.scrollTo(0, 0);
    } else {
      setErrors(formErrorsFrom(result.error, shareFieldIds));
    }
  };

  const send = async () => {
    setBusy(true);
    const result = await share({ input: shareInput(plan.id, values, bases) });
    setBusy(false);
    if (result.data?.sharePlan && !result.error) {
      const declined = result.data.sharePlan.decision === 'DECLINED';
      navigate(`/plans/${plan.id}/share`, {
        state: { saved: declined ? `The request was declined and the decision recorded` : `Shared with ${result.data.sharePlan.recipientName}` } satisfies SavedState,
      });
      setValues(emptyShare);
      setPreview(null);
      reload({ requestPolicy: 'network-only' });
      return;
    }
    setPreview(null);
    setErrors(formErrorsFrom(result.error, shareFieldIds));
  };

  if (preview) {
    const seen = preview.access.filter((a) => a.allowed);
    const unseen = preview.access.filter((a) => !a.allowed);
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds-from-desktop">
          <span className="govuk-caption-l">
            {name}'s plan, version {plan.version}
          </span>
          <h1 className="govuk-heading-l">Check what {preview.recipientName} will see</h1>
          <SummaryList
            rows={[
              { key: 'Recipient', value: `${preview.recipientName} (${recipientKinds.find((k) => k.value === values.recipientKind)?.label ?? ''})` },
              { key: 'Basis', value: humanise(basisOf(values, bases)) },
              { key: 'How it is sent', value: shareMethods.find((m) => m.value === values.method)?.label ?? values.method },
            ]}
          />
          {seen.length === 0 ? (
            <WarningText>Nothing will be shared: this records the decision only.</WarningText>
          ) : (
            <>
              <h2 className="govuk-heading-m">They will see</h2>
              <ul className="govuk-list govuk-list--bullet" aria-label="Sections they will see">
                {seen.map((a) => (
                  <li key={a.section}>{sentenceCase(sectionLabel(a.section))}</li>
                ))}
              </ul>
            </>
          )}
          {unseen.length > 0 && (
            <>
              <h2 className="govuk-heading-m">They will not see</h2>
              <p className="govuk-body">These show to them as “Not shared with you”.</p>
              <ul className="govuk-list govuk-list--bullet" aria-label="Sections they will not see">
                {unseen.map((a) => (
                  <li key={a.section}>{sentenceCase(sectionLabel(a.section))}</li>
                ))}
              </ul>
            </>
          )}
          <div className="govuk-button-group">
            <Button type="button" onClick={send} disabled={busy} aria-disabled={busy || undefined}>
              {seen.length === 0 ? 'Record the decision' : 'Share the plan'}
            </Button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setPreview(null)}>
              Change the share
            </button>
          </div>
        </div>
      </div>
    );
  }

  const sectionItems = (Object.keys(sectionLabels) as SectionName[]).map((s) => ({ value: s, label: sentenceCase(sectionLabels[s]) }));
  const scopeChoice = (
    <Radios
      name="scope"
      legend="How much of the plan?"
      legendSize="s"
      value={values.scope}
      onChange={(v) => set('scope', v as ShareFormValues['scope'])}
      items={[
        { value: 'FULL', label: 'The full plan' },
        {
          value: 'LISTED',
          label: 'Only some sections',
          conditional: (
            <Checkboxes
              name="sections"
              legend="Sections to share"
              small
              error={errors.fields.sections}
              value={values.sections}
              onChange={(v) => set('sections', v as SectionName[])}
              items={sectionItems}
            />
          ),
        },
      ]}
    />
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        {saved && !hasErrors(errors) && <NotificationBanner type="success">{saved}</NotificationBanner>}
        <ErrorSummary errors={errors.summary} description={errors.problem?.message} rule={errors.problem?.rule} />
        <span className="govuk-caption-l">
          {name}'s plan, version {plan.version}
        </span>
        <h1 className="govuk-heading-l">Share the plan</h1>
        <p className="govuk-body">You will see exactly what they will see before anything is sent.</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void checkPreview();
          }}
        >
          <Radios
            name="recipientKind"
            legend="Who is the copy for?"
            legendSize="m"
            error={errors.fields.recipientKind}
            value={values.recipientKind || null}
            onChange={(v) => set('recipientKind', v as ShareFormValues['recipientKind'])}
            items={recipientKinds.map((k) => ({ value: k.value, label: k.label, hint: k.hint }))}
          />
          <TextInput
            id="recipientName"
            label="Their name, or the organisation's"
            labelSize="s"
            autoComplete="off"
            value={values.recipientName}
            error={errors.fields.recipientName}
            onChange={(event) => set('recipientName', event.currentTarget.value)}
          />
          {values.recipientKind === 'OTHER' && (
            <Radios
              name="otherBasis"
              legend="On what basis?"
              legendSize="s"
              error={errors.fields.basis}
              value={values.otherBasis || null}
              onChange={(v) => set('otherBasis', v as ShareFormValues['otherBasis'])}
              items={otherBases(bases).map((b) => ({ value: b.value, label: b.label }))}
            />
          )}
          {needsConsent(values) && (
            <Select
              id="consentID"
              label="The recorded decision it rests on"
              labelSize="s"
              hint={consents.length === 0 ? 'No current decision about sharing is recorded: record it below first.' : undefined}
              error={errors.fields.consentID}
              value={values.consentID}
              onChange={(event) => set('consentID', event.currentTarget.value)}
              options={[
                { value: '', text: 'Select a decision' },
                ...consents.map((c) => ({ value: c.id, text: `${humanise(c.givenBy ?? '')}, ${formatInstantDate(c.decidedAt)}: ${c.covers ?? ''}` })),
              ]}
            />
          )}
          {isPersonRequest(values) && (
            <>
              <Radios
                name="decision"
                legend="What was decided about the person's request? (R23)"
                legendSize="s"
                error={errors.fields.decision}
                value={values.decision}
                onChange={(v) => set('decision', v as ShareFormValues['decision'])}
                items={[
                  { value: 'SHARED', label: 'Share as asked' },
                  { value: 'PARTIAL', label: 'Share only some sections' },
                  { value: 'DECLINED', label: 'Decline' },
                ]}
              />
              {values.decision !== 'SHARED' && (
                <>
                  <Textarea
                    id="managerAdvice"
                    label="The manager's advice"
                    labelSize="s"
                    rows={3}
                    value={values.managerAdvice}
                    error={errors.fields.managerAdvice}
                    onChange={(event) => set('managerAdvice', event.currentTarget.value)}
                  />
                  <Textarea
                    id="decisionReason"
                    label="The reason, as it will be given to the person"
                    labelSize="s"
                    rows={3}
                    value={values.decisionReason}
                    error={errors.fields.decisionReason}
                    onChange={(event) => set('decisionReason', event.currentTarget.value)}
                  />
                </>
              )}
            </>
          )}
          {values.recipientKind === 'CARER' && (
            <Checkboxes
              name="requestedByPerson"
              legend="The person's wishes"
              legendSize="s"
              error={errors.fields.requestedByPerson}
              value={values.requestedByPerson ? ['yes'] : []}
              onChange={(v) => set('requestedByPerson', v.includes('yes'))}
              items={[{ value: 'yes', label: 'The person, having capacity, asked to share only part of the plan with their carer (R21)' }]}
            />
          )}
          {values.decision !== 'DECLINED' && scopeChoice}
          <Radios
            name="method"
            legend="How will they get it?"
            legendSize="s"
            value={values.method}
            onChange={(v) => set('method', v as ShareFormValues['method'])}
            items={shareMethods.map((m) => ({ value: m.value, label: m.label }))}
          />
          <div className="govuk-button-group">
            <Button disabled={busy} aria-disabled={busy || undefined}>
              {busy ? 'Checking…' : 'Preview what they will see'}
            </Button>
            <Link className="govuk-link" href={`/plans/${plan.id}`}>
              Cancel
            </Link>
          </div>
        </form>
        {needsConsent(values) && (
          <RecordSharingDecision
            personID={plan.person.id}
            recipientName={values.recipientName.trim()}
            onRecorded={(id) => {
              set('consentID', id);
              reload({ requestPolicy: 'network-only' });
            }}
          />
        )}
        {notice && (
          <NotificationBanner type="success" disableAutoFocus>
            {notice}
          </NotificationBanner>
        )}
        <CopiesHeld shares={plan.shares ?? []} />
        <RevokeShare
          shares={(plan.shares ?? []).filter((s) => !s.revokedAt && s.decision !== 'DECLINED')}
          onRevoked={(who) => {
            setNotice(`${who}'s copy is revoked: their access has stopped.`);
            reload({ requestPolicy: 'network-only' });
          }}
        />
      </div>
    </div>
  );
}

type ShareRow = {
  id: string;
  recipientName?: string | null;
  recipientKind?: string | null;
  basis?: string | null;
  sections?: readonly string[] | null;
  decision?: string | null;
  sharedAt?: string | null;
  revokedAt?: string | null;
  expiresAt?: string | null;
};

/** Who has a copy of this version, and what of it. */
function CopiesHeld({ shares }: { shares: readonly ShareRow[] }) {
  if (shares.length === 0) return <p className="govuk-body">No one outside the council has a copy of this version.</p>;
  return (
    <Table<ShareRow>
      caption="Who has a copy of this version"
      captionSize="m"
      rows={shares}
      rowKey={(s) => s.id}
      cardTitle={(s) => s.recipientName ?? 'Recipient'}
      columns={[
        { key: 'who', header: 'Recipient', cell: (s) => s.recipientName ?? '', hideInCard: true },
        { key: 'what', header: 'What', cell: (s) => (s.decision === 'DECLINED' ? 'Declined' : s.sections?.length ? s.sections.map(sectionLabel).join(', ') : 'The full plan') },
        { key: 'basis', header: 'Basis', cell: (s) => humanise(s.basis ?? '') },
        { key: 'when', header: 'Shared', cell: (s) => formatInstantDate(s.sharedAt) },
        {
          key: 'state',
          header: 'Status',
          cell: (s) =>
            s.revokedAt ? <Tag colour="grey">Revoked</Tag> : s.decision === 'DECLINED' ? <Tag colour="orange">Declined</Tag> : <Tag colour="green">Current</Tag>,
        },
      ]}
    />
  );
}
