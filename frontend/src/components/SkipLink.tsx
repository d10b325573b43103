import type { MouseEvent } from 'react';

/**
 * govuk-skip-link: the first focusable thing on the page. Moves focus to the
 * main content without touching the URL (the router owns it).
 */
export function SkipLink({ targetId = 'main-content', children = 'Skip to main content' }: { targetId?: string; children?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView?.();
  };
  return (
    <a href={`#${targetId}`} className="govuk-skip-link" data-module="govuk-skip-link" onClick={onClick}>
      {children}
    </a>
  );
}
