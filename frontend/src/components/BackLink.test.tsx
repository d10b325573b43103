import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BackLink } from './BackLink';
import { LinkProvider, type LinkComponentProps } from './Link';

describe('BackLink', () => {
  it('is a link called "Back" by default', () => {
    render(<BackLink href="/caseload" />);
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/caseload');
  });

  it('renders through the link the app provides', () => {
    const AppLink = (props: LinkComponentProps) => <a data-app-link="" {...props} />;
    render(
      <LinkProvider value={AppLink}>
        <BackLink href="/people/1">Back to Ada Lovelace</BackLink>
      </LinkProvider>,
    );
    expect(screen.getByRole('link', { name: 'Back to Ada Lovelace' })).toHaveAttribute('data-app-link');
  });
});
