import type { CombinedError } from 'urql';
import { formErrorsFrom, type FieldIds, type FormErrors } from '../../../lib/graphqlErrors';

/** The errors of a mutation to show in the form, or null when it saved. */
export function saveErrors(result: { data?: unknown; error?: CombinedError | undefined }, fieldIds: FieldIds): FormErrors | null {
  if (result.data && !result.error) return null;
  const errors = formErrorsFrom(result.error, fieldIds);
  if (errors.summary.length === 0 && !errors.problem) {
    return { ...errors, problem: { kind: 'other', message: 'Sorry, the change was not saved. Try again.' } };
  }
  return errors;
}

/** Where a saved change returns to, with the banner it shows there. */
export interface SavedState {
  saved?: string;
}
