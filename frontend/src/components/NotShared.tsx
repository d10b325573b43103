import type { ReactNode } from 'react';

export interface NotSharedProps {
  /** Why the section is not shown (from the viewer's access to it). */
  reason: ReactNode;
  /** The section's heading, when the section would have had one. */
  heading?: string | undefined;
  headingLevel?: 2 | 3 | 4;
  headingSize?: 's' | 'm' | 'l';
}

/**
 * A section of a record the viewer has no basis to see: said plainly, with
 * the reason, in place of the section. It is not an error: the rest of the
 * page is whole.
 */
export function NotShared({ reason, heading, headingLevel = 2, headingSize = 'm' }: NotSharedProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="app-not-shared" aria-label={heading ? undefined : 'Not shared with you'}>
      {heading && <Heading className={`govuk-heading-${headingSize}`}>{heading}</Heading>}
      <div className="govuk-inset-text app-not-shared__inset">
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Not shared with you</p>
        <p className="govuk-body govuk-!-margin-bottom-0">{reason}</p>
      </div>
    </section>
  );
}
