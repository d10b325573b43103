import { describe, expect, it } from 'vitest';
import { homePathFor, primaryRole, roleName, isOutsideViewer } from './roles';

describe('roles', () => {
  it('sends workers to today, managers and outside viewers to their own homes, practitioners to the caseload (issue 13)', () => {
    expect(homePathFor(['WORKER'])).toBe('/today');
    expect(homePathFor(['PRACTITIONER'])).toBe('/caseload');
    expect(homePathFor(['MANAGER', 'PRACTITIONER'])).toBe('/team');
    expect(homePathFor(['MANAGER'])).toBe('/team');
    expect(homePathFor(['WORKER', 'REGISTERED_MANAGER'])).toBe('/service');
    expect(homePathFor(['REGISTERED_MANAGER'])).toBe('/service');
    expect(homePathFor(['PERSON'])).toBe('/home');
    expect(homePathFor(['CARER'])).toBe('/home');
    expect(homePathFor(['ADVOCATE'])).toBe('/home');
    expect(homePathFor(['ANALYST'])).toBe('/caseload');
  });

  it('names an account by its most responsible role', () => {
    expect(primaryRole(['WORKER', 'PRACTITIONER'])).toBe('PRACTITIONER');
    expect(primaryRole(['PRACTITIONER', 'MANAGER'])).toBe('MANAGER');
    expect(primaryRole(['SOMETHING_NEW'])).toBe('SOMETHING_NEW');
    expect(roleName('REGISTERED_MANAGER')).toBe('Registered manager');
    expect(roleName('SOMETHING_NEW')).toBe('Something new');
  });
});

describe('outside viewers', () => {
  it('are carers, advocates, recipients and the person, never staff', () => {
    expect(isOutsideViewer(['CARER'])).toBe(true);
    expect(isOutsideViewer(['PERSON'])).toBe(true);
    expect(isOutsideViewer(['PRACTITIONER'])).toBe(false);
    expect(isOutsideViewer(['WORKER', 'CARER'])).toBe(false);
    expect(isOutsideViewer([])).toBe(false);
  });
});

describe('auditors', () => {
  it('land on the audit log; an auditor who also practises lands on the caseload', () => {
    expect(homePathFor(['AUDITOR'])).toBe('/audit');
    expect(homePathFor(['AUDITOR', 'PRACTITIONER'])).toBe('/caseload');
  });
});
