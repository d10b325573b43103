import type { ReactNode } from 'react';
import { Link } from './Link';

/**
 * govuk-back-link: goes to the previous page of a journey. Place it before
 * <main>, so it is not inside the content it leads away from.
 */
export function BackLink({ href, children = 'Back' }: { href: string; children?: ReactNode }) {
  return (
    <Link href={href} className="govuk-back-link">
      {children}
    </Link>
  );
}
