import type { ReactNode } from 'react';
import { accessTo, canRead, canReadCoded, shownReason, withheldReason, type SectionAccessLike, type SectionName } from '../lib/sections';
import { NotShared } from './NotShared';

export interface GatedSectionProps {
  /** The record section the content belongs to. */
  section: SectionName;
  /** The viewer's access to the record (viewerAccess). */
  access: readonly SectionAccessLike[] | null | undefined;
  heading: string;
  headingLevel?: 2 | 3;
  headingSize?: 's' | 'm' | 'l';
  /** Shows the content to viewers who may see only coded values (a status, a date, a count). */
  coded?: boolean;
  id?: string;
  children: ReactNode;
}

/**
 * A part of a record under its heading: the content when the viewer may see
 * the section, otherwise "Not shared with you" and the reason from
 * viewerAccess. The heading stays, so the page reads the same for everyone.
 */
export function GatedSection({ section, access, heading, headingLevel = 2, headingSize = 'm', coded, id, children }: GatedSectionProps) {
  const visible = coded ? canReadCoded(access, section) : canRead(access, section);
  const Heading = `h${headingLevel}` as const;
  const entry = accessTo(access, section);
  return (
    <section className="app-record-section" aria-labelledby={id ? `${id}-heading` : undefined} id={id}>
      <Heading className={`govuk-heading-${headingSize}`} id={id ? `${id}-heading` : undefined}>
        {heading}
      </Heading>
      {visible ? children : <NotShared reason={withheldReason(section, entry)} />}
    </section>
  );
}

/** "Shown to you because you are the allocated practitioner." for one section, or null. */
export function sharedBecause(access: readonly SectionAccessLike[] | null | undefined, section: SectionName): string | null {
  const reason = shownReason(accessTo(access, section));
  return reason ? `Shown to you because ${reason}.` : null;
}
