import type { SectionAccessLike } from '../../lib/sections';

type Maybe<T> = T | null | undefined;

/** A need with the views on it (the formal record of needs). */
export interface NeedData {
  id: string;
  area?: Maybe<string>;
  description?: Maybe<string>;
  effect?: Maybe<string>;
  personView?: Maybe<string>;
  carerView?: Maybe<string>;
  othersView?: Maybe<string>;
  differenceOfView?: Maybe<string>;
  evidence?: Maybe<string>;
  wellbeingImpact?: Maybe<string>;
}

export interface CarerData {
  id: string;
  name?: Maybe<string>;
  relationship?: Maybe<string>;
  phone?: Maybe<string>;
  email?: Maybe<string>;
  livesWithPerson?: Maybe<boolean>;
  /** The carer's own view: what they are willing and able to do. */
  ownView?: Maybe<string>;
}

/** An assessment of capacity for one decision. */
export interface CapacityAssessmentData {
  id: string;
  decision?: Maybe<string>;
  hasCapacity?: Maybe<boolean>;
  assessedAt?: Maybe<string>;
  assessor?: Maybe<string>;
  notes?: Maybe<string>;
}

/** A decision by or for the person (consent or best interests). */
export interface ConsentData {
  id: string;
  purpose?: Maybe<string>;
  covers?: Maybe<string>;
  givenBy?: Maybe<string>;
  decidedByName?: Maybe<string>;
  hadCapacity?: Maybe<boolean>;
  bestInterestsRecord?: Maybe<string>;
  decidedAt?: Maybe<string>;
  withdrawnAt?: Maybe<string>;
}

/** Information and advice, and its follow-up (R34). */
export interface AdviceData {
  id: string;
  summary?: Maybe<string>;
  givenAt?: Maybe<string>;
  followUpDue?: Maybe<string>;
  followedUpAt?: Maybe<string>;
  followUpNotes?: Maybe<string>;
  followUpBy?: Maybe<{ id: string; displayName: string }>;
}

export interface ContactData {
  id: string;
  name?: Maybe<string>;
  kind?: Maybe<string>;
  organisation?: Maybe<string>;
  phone?: Maybe<string>;
  email?: Maybe<string>;
  notes?: Maybe<string>;
}

export interface PlanVersionData {
  id: string;
  /** Which plan of the person's: 1 for the first, one more after each ended (R2). */
  episode?: number;
  version: number;
  status: string;
  /** Still in progress (R2), as the server decides it. */
  inProgress?: boolean;
  createdAt: string;
  agreedAt?: Maybe<string>;
  commencedAt?: Maybe<string>;
  endedAt?: Maybe<string>;
  plannedStart?: Maybe<string>;
  plannedEnd?: Maybe<string>;
}

/** A person's record as the person page renders it; gated fields may be null. */
export interface PersonData {
  id: string;
  legalName?: Maybe<string>;
  preferredName?: Maybe<string>;
  previousSurname?: Maybe<string>;
  dateOfBirth?: Maybe<string>;
  ageBand?: Maybe<string>;
  nhsNumber?: Maybe<string>;
  niNumber?: Maybe<string>;
  address?: Maybe<string>;
  postcode?: Maybe<string>;
  phone?: Maybe<string>;
  email?: Maybe<string>;
  visitAddress?: Maybe<string>;
  accessNotes?: Maybe<string>;
  communicationNeeds?: Maybe<string>;
  preferredFormats?: Maybe<string>;
  interpreterLanguage?: Maybe<string>;
  autism?: Maybe<boolean>;
  deafblind?: Maybe<boolean>;
  lacksCapacityForPlanning?: Maybe<boolean>;
  substantialDifficulty?: Maybe<boolean>;
  appropriatePerson?: Maybe<string>;
  advocacy?: Maybe<string>;
  team?: Maybe<{ id: string; name: string }>;
  allocatedPractitionerID?: Maybe<string>;
  allocatedPractitioner?: Maybe<{ id: string; displayName: string }>;
  carers?: Maybe<readonly CarerData[]>;
  contacts?: Maybe<readonly ContactData[]>;
  needs?: Maybe<readonly NeedData[]>;
  capacityAssessments?: Maybe<readonly CapacityAssessmentData[]>;
  consents?: Maybe<readonly ConsentData[]>;
  advice?: Maybe<readonly AdviceData[]>;
  viewerAccess: readonly SectionAccessLike[];
  plans: { totalCount: number; edges?: Maybe<ReadonlyArray<Maybe<{ node?: Maybe<PlanVersionData> }>>> };
}
