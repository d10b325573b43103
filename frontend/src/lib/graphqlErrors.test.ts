import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { failures, formErrorsFrom, hasCode, hasFailed, inputFieldName, withheldSections, type FieldIds } from './graphqlErrors';

const withheld = (section: string, path: string[]) => ({
  message: `Not shared with you: you have no basis to see ${section.toLowerCase()}.`,
  path,
  extensions: { code: 'SECTION_WITHHELD', section },
});

const outcomeFields: FieldIds = [
  ['statement', 'statement'],
  ['domain', 'domain'],
  ['targetDate', 'targetDate-day'],
  ['measure', 'measure'],
];

describe('telling failures from withheld sections', () => {
  it('does not count SECTION_WITHHELD as a failure: the data that arrived is good', () => {
    const error = new CombinedError({ graphQLErrors: [withheld('NEEDS', ['node', 'needs']), withheld('IDENTITY', ['node', 'legalName'])] });
    expect(hasFailed(error)).toBe(false);
    expect(failures(error)).toEqual([]);
    expect(withheldSections(error)).toEqual(['NEEDS', 'IDENTITY']);
  });

  it('counts any other error, or a network error, as a failure', () => {
    const mixed = new CombinedError({ graphQLErrors: [withheld('NEEDS', ['node', 'needs']), { message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    expect(hasFailed(mixed)).toBe(true);
    expect(hasCode(mixed, 'NOT_FOUND')).toBe(true);
    expect(hasFailed(new CombinedError({ networkError: new Error('offline') }))).toBe(true);
    expect(hasFailed(undefined)).toBe(false);
  });
});

describe('mapping a failed save to the form', () => {
  it('puts INVALID_INPUT beside its field ("input.statement" → statement) and links the summary to the control', () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: 'Statement is not valid: value is less than the required length.', extensions: { code: 'INVALID_INPUT', field: 'input.statement' } },
      ],
    });
    expect(inputFieldName('input.statement')).toBe('statement');
    expect(formErrorsFrom(error, outcomeFields)).toEqual({
      fields: { statement: 'Statement is not valid: value is less than the required length.' },
      summary: [{ fieldId: 'statement', text: 'Statement is not valid: value is less than the required length.' }],
      problem: null,
    });
  });

  it("maps a RULE_VIOLATION's problems to their fields, in the form's order", () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'The plan cannot be agreed until all six R1 items are recorded; 2 missing.',
          extensions: {
            code: 'RULE_VIOLATION',
            rule: 'R1',
            problems: [
              { field: 'measure', message: 'Say how everyone will know.', rule: 'R1' },
              { field: 'targetDate', message: 'Give a target date or steps.', rule: 'R1' },
            ],
          },
        },
      ],
    });
    const errors = formErrorsFrom(error, outcomeFields);
    expect(errors.summary).toEqual([
      { fieldId: 'targetDate-day', text: 'Give a target date or steps.' },
      { fieldId: 'measure', text: 'Say how everyone will know.' },
    ]);
    expect(errors.problem).toBeNull();
  });

  it('keeps a rule no field can show as the form problem, with its problems and the rule apart from the words (issue 12, item 7)', () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'The plan cannot be agreed yet.',
          extensions: { code: 'RULE_VIOLATION', rule: 'R1', problems: [{ field: 'reviewResponsibleID', message: '(f) Say who is responsible for reviews.', rule: 'R1' }] },
        },
      ],
    });
    expect(formErrorsFrom(error, outcomeFields).problem).toEqual({ kind: 'rule', message: 'The plan cannot be agreed yet. (f) Say who is responsible for reviews.', rule: 'R1' });
    const superseded = new CombinedError({ graphQLErrors: [{ message: 'This plan version has been superseded.', extensions: { code: 'RULE_VIOLATION', rule: 'R25' } }] });
    expect(formErrorsFrom(superseded, outcomeFields).problem).toEqual({ kind: 'rule', message: 'This plan version has been superseded.', rule: 'R25' });
  });

  it('says a stale revision (CONFLICT on expectedRevision) plainly, as the form problem', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'Someone else saved this since you opened it.', extensions: { code: 'CONFLICT', field: 'expectedRevision' } }],
    });
    const errors = formErrorsFrom(error, outcomeFields);
    expect(errors.summary).toEqual([]);
    expect(errors.problem?.kind).toBe('conflict');
    expect(errors.problem?.message).toMatch(/Someone else saved this since you opened it\. Your changes are still in the form/);
  });

  it('tells a network failure apart, and never shows an internal error’s detail', () => {
    expect(formErrorsFrom(new CombinedError({ networkError: new Error('Failed to fetch') }), outcomeFields).problem?.kind).toBe('network');
    const internal = formErrorsFrom(new CombinedError({ graphQLErrors: [{ message: 'pq: deadlock', extensions: { code: 'INTERNAL' } }] }), outcomeFields);
    expect(internal.problem?.kind).toBe('other');
    expect(internal.problem?.message).not.toContain('deadlock');
  });

  it('ignores SECTION_WITHHELD errors that come with a mutation', () => {
    const error = new CombinedError({ graphQLErrors: [withheld('RISKS', ['createRisk', 'description'])] });
    expect(formErrorsFrom(error, outcomeFields)).toEqual({ fields: {}, summary: [], problem: null });
  });
});

describe('telling what may be retried', () => {
  it('retries no answer, 429, 503, RATE_LIMITED and a retryable CONFLICT; nothing else', async () => {
    const { isRetryable } = await import('./graphqlErrors');
    const coded = (code: string, extensions: Record<string, unknown> = {}) =>
      new CombinedError({ graphQLErrors: [{ message: code, extensions: { code, ...extensions } }] });
    const status = (error: CombinedError, value: number) => Object.assign(error, { response: { status: value } });
    expect(isRetryable(new CombinedError({ networkError: new Error('Failed to fetch') }))).toBe(true);
    expect(isRetryable(status(coded('RATE_LIMITED'), 429))).toBe(true);
    expect(isRetryable(status(new CombinedError({ networkError: new Error('down') }), 503))).toBe(true);
    expect(isRetryable(coded('CONFLICT', { retryable: true }))).toBe(true);
    expect(isRetryable(coded('CONFLICT'))).toBe(false);
    expect(isRetryable(coded('INTERNAL'))).toBe(false);
    expect(isRetryable(coded('INVALID_INPUT'))).toBe(false);
    expect(isRetryable(undefined)).toBe(false);
  });
});
