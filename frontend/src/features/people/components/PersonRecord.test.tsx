import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setViewportWidth } from '../../../test/viewport';
import type { PersonData } from '../types';
import { PersonRecord } from './PersonRecord';

const sections = ['IDENTITY', 'CONTACT', 'COMMUNICATION', 'CAPACITY', 'SAFEGUARDING', 'FINANCE', 'NEEDS', 'OUTCOMES', 'VISITS', 'WORKER_SUPPORT', 'OTHER_SUPPORT', 'RISKS', 'REVIEW', 'INVOLVEMENT'];

const plans: PersonData['plans'] = {
  totalCount: 2,
  edges: [
    { node: { id: 'pl2', version: 2, status: 'ACTIVE', createdAt: '2026-11-15T09:00:00Z', commencedAt: '2026-11-16T09:00:00Z' } },
    { node: { id: 'pl1', version: 1, status: 'SUPERSEDED', createdAt: '2026-11-01T09:00:00Z', agreedAt: '2026-11-02T09:00:00Z' } },
  ],
};

const full: PersonData = {
  id: 'pe1',
  legalName: 'Patricia Lawson',
  preferredName: 'Pat',
  dateOfBirth: '1958-08-11',
  ageBand: '65-74',
  advocacy: 'REFERRAL_WAITING',
  autism: true,
  deafblind: false,
  lacksCapacityForPlanning: false,
  team: { id: 't1', name: 'Hospital Discharge Team' },
  allocatedPractitionerID: 'a1',
  allocatedPractitioner: { id: 'a1', displayName: 'Priya Shah' },
  carers: [{ id: 'c1', name: 'Graham Lawson', relationship: 'husband', livesWithPerson: true }],
  contacts: [{ id: 'k1', name: 'Dr F. Sutcliffe', kind: 'GP', organisation: 'Fellside Medical Practice' }],
  needs: [
    {
      id: 'n1',
      area: 'Being able to make use of the home safely',
      description: 'Mobilises with a frame.',
      effect: 'PREVENT',
      personView: "I can't get around my home at all.",
      carerView: 'She manages more than she thinks.',
      othersView: 'OT observed safe walking with the frame.',
      differenceOfView: "Pat's view differs from the OT's observation; both are recorded.",
    },
  ],
  viewerAccess: sections.map((section) => ({ section, allowed: true, basis: 'ALLOCATED', codedOnly: false })),
  plans,
};

/** What a carer with a share of outcomes and visits gets: gated fields null, the sections withheld. */
const carersView: PersonData = {
  id: 'pe1',
  legalName: null,
  preferredName: null,
  team: { id: 't1', name: 'Hospital Discharge Team' },
  allocatedPractitionerID: 'a1',
  allocatedPractitioner: null,
  carers: null,
  contacts: null,
  needs: null,
  viewerAccess: sections.map((section) => ({ section, allowed: section === 'OUTCOMES' || section === 'VISITS', basis: null, codedOnly: false })),
  plans,
};

describe('PersonRecord', () => {
  it("shows the record in full to the allocated practitioner: names, flags, carers, and each need's views side by side", () => {
    setViewportWidth(1024);
    render(<PersonRecord person={full} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Pat' })).toBeVisible();
    expect(screen.getByText('Legal name: Patricia Lawson')).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'Flags' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Advocate required', 'Autism']);
    expect(screen.getByRole('heading', { name: 'Graham Lawson' })).toBeVisible();
    expect(screen.queryByText('Not shared with you')).toBeNull();

    const views = screen.getByRole('list', { name: 'Views on Being able to make use of the home safely' });
    expect(within(views).getAllByRole('heading').map((h) => h.textContent)).toEqual(["Pat's view", "Carer's view", "Others' views"]);
    expect(views).toHaveTextContent("I can't get around my home at all.");
    expect(views).toHaveTextContent('She manages more than she thinks.');
    expect(screen.getByText('Views differ')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Difference of view' }).nextSibling).toHaveTextContent("Pat's view differs from the OT's observation");

    const versions = screen.getByRole('table', { name: 'Plan versions, newest first' });
    expect(within(versions).getByRole('link', { name: 'Version 2' })).toHaveAttribute('href', '/plans/pl2');
    expect(within(versions).getByText('Superseded')).toBeVisible();
  });

  it('renders what did arrive and says "Not shared with you", with the reason, for each withheld section', () => {
    setViewportWidth(1024);
    render(<PersonRecord person={carersView} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Name not shared with you' })).toBeVisible();
    // The plans arrived, so they are there.
    expect(screen.getByRole('link', { name: 'Version 2' })).toBeVisible();
    for (const [heading, reason] of [
      ['Communication', 'You have no basis to see communication needs.'],
      ['Capacity and advocacy', 'You have no basis to see capacity and advocacy.'],
      ['Visits, carers and contacts', 'You have no basis to see contact details, carers and contacts.'],
      ['Needs', 'You have no basis to see needs.'],
    ] as const) {
      const region = screen.getByRole('region', { name: heading });
      expect(region).toHaveTextContent('Not shared with you');
      expect(region).toHaveTextContent(reason);
    }
    expect(screen.getByText('Not shared with you: identity details')).toBeVisible();
    expect(screen.getByText('Allocated, but who is not shared with you')).toBeVisible();
    expect(screen.queryByRole('list', { name: 'Flags' })).toBeNull();
  });
});
