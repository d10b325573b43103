import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignInForm, type DemoAccount } from './SignInForm';
import { safeNext } from '../../lib/safeNext';

const accounts: DemoAccount[] = [
  { username: 'wendy', displayName: 'Wendy Worker', roles: ['WORKER'], teamName: 'Reablement North', description: 'Visits people at home.' },
  { username: 'priya', displayName: 'Priya Practitioner', roles: ['PRACTITIONER'], teamName: 'Reablement North', description: 'Holds a caseload.' },
  { username: 'mo', displayName: 'Mo Manager', roles: ['MANAGER', 'PRACTITIONER'], teamName: 'Reablement North', description: 'Manages the team.' },
];

describe('SignInForm', () => {
  it('groups accounts by role, practitioners first', () => {
    render(<SignInForm accounts={accounts} onSubmit={() => undefined} submitting={false} />);
    const groups = screen.getAllByRole('group').slice(1);
    expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual(['Practitioners', 'Team managers', 'Reablement workers']);
    const workers = screen.getByRole('group', { name: 'Reablement workers' });
    expect(within(workers).getByRole('radio', { name: 'Wendy Worker' })).toHaveAccessibleDescription('Reablement North Visits people at home.');
    expect(screen.getByRole('radio', { name: 'Mo Manager' })).toHaveAccessibleDescription(/also practitioner/);
  });

  it('asks for an account when none is chosen, linking the error to the first option', async () => {
    const onSubmit = vi.fn();
    render(<SignInForm accounts={accounts} onSubmit={onSubmit} submitting={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const link = screen.getByRole('link', { name: 'Select the demo account you want to sign in as' });
    expect(link).toHaveAttribute('href', '#account-practitioner');
    expect(screen.getByRole('group', { name: 'Sign in with a demo account' })).toHaveAccessibleDescription(/Error: Select the demo account/);
    await userEvent.click(link);
    expect(screen.getByRole('radio', { name: 'Priya Practitioner' })).toHaveFocus();
  });

  it('signs in as the chosen account', async () => {
    const onSubmit = vi.fn();
    render(<SignInForm accounts={accounts} onSubmit={onSubmit} submitting={false} />);
    await userEvent.click(screen.getByLabelText('Wendy Worker'));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledWith(accounts[0]);
  });
});

describe('safeNext', () => {
  it('accepts paths in the app only', () => {
    expect(safeNext('/people/1')).toBe('/people/1');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });

  it('never sends whoever signs in next back to the sign-in or sign-out page', () => {
    expect(safeNext('/sign-out')).toBeNull();
    expect(safeNext('/sign-out/')).toBeNull();
    expect(safeNext('/sign-in?next=%2Fpeople')).toBeNull();
    expect(safeNext('/sign-outs')).toBe('/sign-outs');
    expect(safeNext('/people/1?tab=plan')).toBe('/people/1?tab=plan');
  });
});
