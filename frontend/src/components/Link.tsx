import { createContext, useContext, type AnchorHTMLAttributes, type ComponentType, type Ref } from 'react';

/**
 * Shared components render links through this seam so that they stay free of
 * the router: the app provides a component that navigates client-side; tests
 * and anything outside the app get an ordinary <a>.
 */
export type LinkComponentProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  ref?: Ref<HTMLAnchorElement> | undefined;
};

function PlainLink(props: LinkComponentProps) {
  return <a {...props} />;
}

const LinkContext = createContext<ComponentType<LinkComponentProps>>(PlainLink);

/** Provides the component shared components render their links with. */
export const LinkProvider = LinkContext.Provider;

/** A link that navigates the way the app provides (client-side in the app). */
export function Link(props: LinkComponentProps) {
  const Component = useContext(LinkContext);
  return <Component {...props} />;
}
