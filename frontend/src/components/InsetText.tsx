import type { ReactNode } from 'react';

/** govuk-inset-text: a quote, example or note set apart from the text around it. */
export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}
