import { describe, expect, it } from 'vitest';
import { formErrorsOf, recordFieldIds, recordInput, validateRecord, valuesFromInput, type RecordFormValues } from './record';
import { clockTime } from './time';
import type { TodayVisit } from './types';

const visit = {
  id: 'v1',
  revision: 4,
  plan: {
    outcomes: {
      edges: [
        {
          node: {
            id: 'o1',
            statement: 'Make lunch',
            position: 1,
            steps: [
              { id: 's1', description: 'Kettle', position: 1, status: 'DONE' },
              { id: 's2', description: 'Sandwich', position: 2, status: 'IN_PROGRESS' },
              { id: 's3', description: 'Soup', position: 3, status: 'NOT_STARTED' },
            ],
          },
        },
      ],
    },
  },
} as unknown as TodayVisit;

const values: RecordFormValues = {
  outcome: 'VISITED',
  outcomeReason: '',
  arrivedAt: '09:30',
  departedAt: '10:15',
  notes: '  Made a sandwich  ',
  handover: '',
  progress: { s3: 'IN_PROGRESS' },
  concernKind: '',
  concernDetails: '',
};

describe('a visit record', () => {
  it('becomes the input recordVisit takes: instants on the date, the changed steps only, the revision it was made from', () => {
    expect(recordInput(values, visit, '2026-07-01', 'rec-1')).toEqual({
      recordID: 'rec-1',
      visitID: 'v1',
      expectedRevision: 4,
      arrivedAt: '2026-07-01T08:30:00.000Z',
      departedAt: '2026-07-01T09:15:00.000Z',
      outcome: 'VISITED',
      notes: 'Made a sandwich',
      progress: [{ outcomeID: 'o1', stepID: 's3', stepStatus: 'IN_PROGRESS' }],
    });
    const withConcern = recordInput({ ...values, concernKind: 'SAFEGUARDING', concernDetails: ' Bruises on her arm ' }, visit, '2026-07-01', 'rec-1');
    expect(withConcern.concerns).toEqual([{ kind: 'SAFEGUARDING', details: 'Bruises on her arm' }]);
  });

  it('records a visit that did not go ahead with its reason, the time at the door, and no progress (issue 13)', () => {
    expect(recordInput({ ...values, outcome: 'CANCELLED', outcomeReason: ' In hospital ', handover: ' Ring her daughter ' }, visit, '2026-07-01', 'rec-2')).toEqual({
      recordID: 'rec-2',
      visitID: 'v1',
      expectedRevision: 4,
      outcome: 'CANCELLED',
      outcomeReason: 'In hospital',
      notes: 'Made a sandwich',
      handover: 'Ring her daughter',
    });
    expect(recordInput({ ...values, outcome: 'NO_REPLY', departedAt: '' }, visit, '2026-07-01', 'rec-3')).toMatchObject({ outcome: 'NO_REPLY', arrivedAt: '2026-07-01T08:30:00.000Z' });
    expect(validateRecord({ ...values, outcome: 'DECLINED', arrivedAt: '' })).toEqual({
      outcomeReason: 'Say why the visit did not go ahead',
      arrivedAt: 'Enter the time you were at the door',
    });
    expect(validateRecord({ ...values, outcome: 'CANCELLED', outcomeReason: 'Rang to cancel', arrivedAt: '', departedAt: '' })).toEqual({});
  });

  it('reads back into the form from a stored input', () => {
    const input = recordInput({ ...values, concernKind: 'HEALTH', concernDetails: 'Cough' }, visit, '2026-11-29', 'rec-1');
    expect(valuesFromInput(input, clockTime)).toEqual({ ...values, notes: 'Made a sandwich', concernKind: 'HEALTH', concernDetails: 'Cough' });
  });

  it('checks the times and a concern before anything is stored', () => {
    expect(validateRecord(values)).toEqual({});
    expect(validateRecord({ ...values, arrivedAt: '', departedAt: '25:00' })).toEqual({
      arrivedAt: 'Enter the time you arrived',
      departedAt: 'Enter the time you left as hours and minutes, like 10:15 or 15:20',
    });
    expect(validateRecord({ ...values, departedAt: '09:30' })).toEqual({ departedAt: 'The time you left must be after the time you arrived' });
    expect(validateRecord({ ...values, concernKind: 'OTHER' })).toEqual({ concernDetails: 'Describe what you saw or heard' });
  });

  it("shows the server's problems beside their fields and in the error summary, in form order; the rest as the form's problem", () => {
    const fieldIds = recordFieldIds(values, visit);
    const errors = formErrorsOf(
      {},
      [
        { field: 'input.progress[0]', message: 'That step is not part of this plan.' },
        { field: 'input.departedAt', message: 'The time you left must be after the time you arrived.' },
        { message: 'Something else.' },
      ],
      fieldIds,
    );
    expect(errors.fields).toEqual({ departedAt: 'The time you left must be after the time you arrived.', 'progress-s3': 'That step is not part of this plan.' });
    expect(errors.summary).toEqual([
      { fieldId: 'departedAt', text: 'The time you left must be after the time you arrived.' },
      { fieldId: 'progress-s3', text: 'That step is not part of this plan.' },
    ]);
    expect(errors.problem).toEqual({ kind: 'rule', message: 'Something else.' });
  });
});
