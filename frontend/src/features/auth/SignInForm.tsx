import { useState, type FormEvent } from 'react';
import { Button, choiceId, ErrorMessage, ErrorSummary, Radios } from '../../components';
import { primaryRole, roleGroups, roleName } from '../../lib/roles';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: readonly string[];
  teamName: string | null;
  description: string;
}

export interface SignInFormProps {
  accounts: readonly DemoAccount[];
  onSubmit: (account: DemoAccount) => void;
  submitting: boolean;
  /** A sign-in the server refused. */
  serverError?: string | undefined;
}

const groupIdPrefix = (role: string) => `account-${role.toLowerCase().replaceAll('_', '-')}`;

/** Accounts by their main role, in roleGroups order (unknown roles last). */
export function groupAccounts(accounts: readonly DemoAccount[]) {
  const groups = new Map<string, DemoAccount[]>();
  for (const account of accounts) {
    const role = primaryRole(account.roles) ?? 'OTHER';
    groups.set(role, [...(groups.get(role) ?? []), account]);
  }
  const order = (role: string) => {
    const index = roleGroups.findIndex((group) => group.role === role);
    return index === -1 ? roleGroups.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([role, members]) => ({
      role,
      heading: roleGroups.find((group) => group.role === role)?.many ?? (role === 'OTHER' ? 'Other accounts' : roleName(role)),
      accounts: members,
    }));
}

/** What the hint under an account says: its team, other roles and purpose. */
function accountHint(account: DemoAccount) {
  const main = primaryRole(account.roles);
  const otherRoles = account.roles.filter((role) => role !== main).map(roleName);
  const facts = [account.teamName, otherRoles.length > 0 ? `also ${otherRoles.join(', ').toLowerCase()}` : null].filter(Boolean).join(', ');
  return (
    <>
      {facts && <span className="app-block">{facts}</span>} {account.description}
    </>
  );
}

/**
 * Choose a demo account, grouped by role, and sign in. Renders props only;
 * SignInPage fetches the accounts and signs in.
 */
export function SignInForm({ accounts, onSubmit, submitting, serverError }: SignInFormProps) {
  const [selected, setSelected] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const groups = groupAccounts(accounts);
  const firstGroup = groups[0];
  const firstOptionId = firstGroup ? choiceId(groupIdPrefix(firstGroup.role), 0) : 'account';

  const error = missing ? 'Select the demo account you want to sign in as' : serverError;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const account = accounts.find((a) => a.username === selected);
    if (!account) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmit(account);
  };

  return (
    <form onSubmit={submit} noValidate>
      {error && <ErrorSummary errors={[{ fieldId: firstOptionId, text: error }]} />}
      <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <fieldset className="govuk-fieldset" aria-describedby={error ? 'account-hint account-error' : 'account-hint'}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
            <h1 className="govuk-fieldset__heading">Sign in with a demo account</h1>
          </legend>
          <div id="account-hint" className="govuk-hint">
            Demo accounts exist only on development and test servers. Each one sees what its role allows.
          </div>
          {error && <ErrorMessage id="account-error">{error}</ErrorMessage>}
          {groups.map((group) => (
            <Radios
              key={group.role}
              name="username"
              idPrefix={groupIdPrefix(group.role)}
              legend={group.heading}
              legendSize="m"
              value={selected}
              onChange={(username) => setSelected(username)}
              items={group.accounts.map((account) => ({ value: account.username, label: account.displayName, hint: accountHint(account) }))}
            />
          ))}
        </fieldset>
      </div>
      <Button disabled={submitting} aria-disabled={submitting || undefined}>
        {submitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
