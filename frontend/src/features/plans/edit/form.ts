import { useState } from 'react';
import { hasErrors, noErrors, summaryOf, type FieldIds, type FormErrors } from '../../../lib/graphqlErrors';

/** The form's own checks, in the same shape as the server's errors. */
export function clientErrors(fieldIds: FieldIds, messages: Record<string, string | null | undefined>): FormErrors {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(messages)) if (message) fields[field] = message;
  return { fields, summary: summaryOf(fieldIds, fields), problem: null };
}

/** What a form's save returns: nothing when it worked, or the errors to show. */
export type SaveResult = FormErrors | null;

/**
 * A form's values and errors. Values are kept whatever happens to a save:
 * a failed save shows its errors beside the fields and nothing typed is lost.
 */
export function useForm<Values>(initial: Values, validate: (values: Values) => FormErrors, save: (values: Values) => Promise<SaveResult>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  const submit = async () => {
    if (submitting) return;
    const local = validate(values);
    if (hasErrors(local)) {
      setErrors(local);
      return;
    }
    setSubmitting(true);
    try {
      const result = await save(values);
      setErrors(result ?? noErrors);
    } finally {
      setSubmitting(false);
    }
  };

  return { values, set, setValues, errors, submitting, submit };
}

/** A trimmed text, or null when blank. */
export const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
