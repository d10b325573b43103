import type { CombinedError } from '@urql/core';

/**
 * The API's errors (README "Errors"): every error carries extensions.code.
 * SECTION_WITHHELD is not a failure: the field is null because the viewer has
 * no basis for its section, and the rest of the answer is good.
 */

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'SECTION_WITHHELD'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'QUERY_TOO_COMPLEX'
  | 'OPERATION_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export interface RuleProblem {
  field?: string;
  message: string;
  rule?: string;
}

/** One error, with the extensions the API documents read out. */
export interface ApiError {
  message: string;
  code: string | undefined;
  /** INVALID_INPUT: the input field, e.g. "input.statement". */
  field: string | undefined;
  /** SECTION_WITHHELD: the section. */
  section: string | undefined;
  /** RULE_VIOLATION: the rule, e.g. "R25". */
  rule: string | undefined;
  /** RULE_VIOLATION: each problem, field by field. */
  problems: RuleProblem[];
  /** The same request may succeed later (a busy database, a rate limit). */
  retryable: boolean;
  path: ReadonlyArray<string | number> | undefined;
}

type ErrorLike = Pick<CombinedError, 'graphQLErrors' | 'networkError'> & { response?: unknown };

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function problemsOf(value: unknown): RuleProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const record = item as Record<string, unknown>;
    const message = str(record.message);
    if (!message) return [];
    const field = str(record.field);
    const rule = str(record.rule);
    return [{ message, ...(field && { field }), ...(rule && { rule }) }];
  });
}

/** The GraphQL errors of a result, with their extensions read out. */
export function apiErrors(error: ErrorLike | null | undefined): ApiError[] {
  return (error?.graphQLErrors ?? []).map((e) => {
    const ext = (e.extensions ?? {}) as Record<string, unknown>;
    return {
      message: e.message,
      code: str(ext.code),
      field: str(ext.field),
      section: str(ext.section),
      rule: str(ext.rule),
      problems: problemsOf(ext.problems),
      retryable: ext.retryable === true,
      path: e.path ?? undefined,
    };
  });
}

/** The errors that are real failures: everything but SECTION_WITHHELD. */
export function failures(error: ErrorLike | null | undefined): ApiError[] {
  return apiErrors(error).filter((e) => e.code !== 'SECTION_WITHHELD');
}

/** The sections the answer withheld (from SECTION_WITHHELD errors). */
export function withheldSections(error: ErrorLike | null | undefined): string[] {
  return [...new Set(apiErrors(error).flatMap((e) => (e.code === 'SECTION_WITHHELD' && e.section ? [e.section] : [])))];
}

/**
 * Whether a result failed: a network error, or any GraphQL error other than
 * SECTION_WITHHELD. A result whose only errors are withheld sections did not
 * fail; its data is partial on purpose.
 */
export function hasFailed(error: ErrorLike | null | undefined): boolean {
  if (!error) return false;
  return Boolean(error.networkError) || failures(error).length > 0;
}

/** Whether any failure has this code. */
export function hasCode(error: ErrorLike | null | undefined, code: ErrorCode): boolean {
  return failures(error).some((e) => e.code === code);
}

/** The HTTP status of the answer, when there was one. */
export function httpStatus(error: ErrorLike | null | undefined): number | undefined {
  const response = error?.response;
  if (response && typeof response === 'object' && 'status' in response) {
    const status = (response as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/**
 * Whether sending the same request again later may succeed: no answer at
 * all (no signal), HTTP 429 or 503, a rate limit, or a CONFLICT the server
 * marks retryable (a lock wait or timeout, nothing was changed). Anything
 * else will fail the same way again, so it must not be resent for ever:
 * INTERNAL included.
 */
export function isRetryable(error: ErrorLike | null | undefined): boolean {
  if (!error) return false;
  const status = httpStatus(error);
  if (status === 429 || status === 503) return true;
  const errors = failures(error);
  // No readable answer: no signal is worth retrying; a server's own
  // failure (a 500 page) is not.
  if (errors.length === 0) return Boolean(error.networkError) && (status === undefined || status < 400);
  return errors.every((e) => e.code === 'RATE_LIMITED' || (e.code === 'CONFLICT' && e.retryable));
}

/** "input.statement" → "statement"; "input.steps.0.description" → "steps.0.description". */
export function inputFieldName(field: string): string {
  return field.startsWith('input.') ? field.slice('input.'.length) : field;
}

export interface FieldError {
  /** The id of the control to link to. */
  fieldId: string;
  text: string;
}

export interface FormErrors {
  /** Messages by input field name ("statement"), shown beside the field. */
  fields: Record<string, string>;
  /** The error summary: one link per field in error, in form order. */
  summary: FieldError[];
  /** What is wrong that no field can show (a conflict, a rule, the connection). */
  problem: {
    kind: 'conflict' | 'rule' | 'not-found' | 'forbidden' | 'network' | 'other';
    message: string;
    /** The rule behind a refusal (extensions.rule, e.g. "R31"), shown in small print, never as the message. */
    rule?: string;
  } | null;
}

export const noErrors: FormErrors = { fields: {}, summary: [], problem: null };

export function hasErrors(errors: FormErrors): boolean {
  return errors.summary.length > 0 || errors.problem !== null;
}

/**
 * The form's fields, in order: input field name → the id of its control.
 * Server errors on a field the form has go beside it; others become the
 * form's problem.
 */
export type FieldIds = ReadonlyArray<readonly [field: string, controlId: string]>;

const conflictMessage = 'Someone else saved this since you opened it. Your changes are still in the form but have not been saved.';
const networkMessage = 'Your changes could not be sent to the server. Check your connection and try again: nothing you typed has been lost.';
const otherMessage = 'Sorry, there is a problem with the service. Your changes have not been saved; try again.';

/**
 * Maps a failed mutation's errors to the form: INVALID_INPUT to its field
 * (extensions.field is "input.<name>"), RULE_VIOLATION's problems to their
 * fields, CONFLICT (a stale revision) and anything else to the form's
 * problem. Field messages keep the form's order so the summary reads top
 * to bottom.
 */
export function formErrorsFrom(error: ErrorLike | null | undefined, fieldIds: FieldIds): FormErrors {
  if (!error) return noErrors;
  const known = new Map(fieldIds);
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  let problem: FormErrors['problem'] = null;

  const place = (field: string | undefined, message: string) => {
    const name = field === undefined ? undefined : inputFieldName(field);
    if (name !== undefined && known.has(name)) {
      fields[name] ??= message;
    } else {
      unplaced.push(message);
    }
  };

  for (const e of failures(error)) {
    switch (e.code) {
      case 'INVALID_INPUT':
        place(e.field, e.message);
        break;
      case 'RULE_VIOLATION':
        if (e.problems.length === 0) {
          problem ??= { kind: 'rule', message: e.message, ...(e.rule && { rule: e.rule }) };
        } else {
          for (const p of e.problems) place(p.field, p.message);
          if (e.problems.every((p) => p.field === undefined || !known.has(inputFieldName(p.field)))) {
            problem ??= { kind: 'rule', message: e.message, ...(e.rule && { rule: e.rule }) };
          }
        }
        break;
      case 'CONFLICT':
        problem ??= { kind: 'conflict', message: e.field === 'expectedRevision' ? conflictMessage : e.message };
        break;
      case 'NOT_FOUND':
        problem ??= { kind: 'not-found', message: e.message };
        break;
      case 'FORBIDDEN':
        problem ??= { kind: 'forbidden', message: e.message, ...(e.rule && { rule: e.rule }) };
        break;
      default:
        problem ??= { kind: 'other', message: e.code === 'INTERNAL' ? otherMessage : e.message || otherMessage };
    }
  }
  if (error.networkError && failures(error).length === 0) problem = { kind: 'network', message: networkMessage };
  if (!problem && unplaced.length > 0) problem = { kind: 'rule', message: unplaced.join(' ') };
  else if (problem?.kind === 'rule' && unplaced.length > 0 && !unplaced.includes(problem.message)) {
    problem = { ...problem, message: [problem.message, ...unplaced].join(' ') };
  }

  return { fields, summary: summaryOf(fieldIds, fields), problem };
}

/** The error summary's links, in form order, one per control. */
export function summaryOf(fieldIds: FieldIds, fields: Record<string, string>): FieldError[] {
  const seen = new Set<string>();
  return fieldIds.flatMap(([field, controlId]) => {
    const text = fields[field];
    if (!text || seen.has(controlId)) return [];
    seen.add(controlId);
    return [{ fieldId: controlId, text }];
  });
}
