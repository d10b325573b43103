import { Link as ReactRouterLink } from 'react-router';
import type { LinkComponentProps } from '../components';

/** Shared components' links, navigating client-side inside the app. */
export function RouterLink({ href, ...props }: LinkComponentProps) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return <a href={href} {...props} />;
  return <ReactRouterLink to={href} {...props} />;
}
