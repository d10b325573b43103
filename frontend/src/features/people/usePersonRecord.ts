import { useQuery } from 'urql';
import { getFragmentData } from '../../gql';
import type { PersonQuery as PersonQueryResult } from '../../gql/graphql';
import {
  AdviceFields,
  CapacityAssessmentFields,
  CarerFields,
  ConsentFields,
  ContactFields,
  NeedFields,
  PersonDetailsFields,
  PersonQuery,
} from './documents';
import type { PersonData } from './types';

type PersonNode = Extract<NonNullable<PersonQueryResult['node']>, { __typename: 'Person' }>;

/** The person's record with each part's fragment read out, as PersonRecord renders it. */
export function personRecordOf(node: PersonNode): PersonData & { staff: ReadonlyArray<{ id: string; displayName: string; roles: readonly string[] }> } {
  const details = getFragmentData(PersonDetailsFields, node);
  return {
    ...details,
    ageBand: node.ageBand,
    team: node.team ? { id: node.team.id, name: node.team.name } : null,
    allocatedPractitionerID: node.allocatedPractitionerID,
    allocatedPractitioner: node.allocatedPractitioner,
    carers: node.carers ? getFragmentData(CarerFields, node.carers) : node.carers,
    contacts: node.contacts ? getFragmentData(ContactFields, node.contacts) : node.contacts,
    needs: node.needs ? getFragmentData(NeedFields, node.needs) : node.needs,
    capacityAssessments: node.capacityAssessments ? getFragmentData(CapacityAssessmentFields, node.capacityAssessments) : node.capacityAssessments,
    consents: node.consents ? getFragmentData(ConsentFields, node.consents) : node.consents,
    advice: node.advice ? getFragmentData(AdviceFields, node.advice) : node.advice,
    viewerAccess: node.viewerAccess,
    plans: node.plans,
    staff: node.team?.members ?? [],
  };
}

/** One person's record and the viewer, for the person page and the pages that change the record. */
export function usePersonRecord(personId: string) {
  const [result] = useQuery({ query: PersonQuery, variables: { id: personId } });
  const node = result.data?.node;
  const person = node?.__typename === 'Person' ? personRecordOf(node) : null;
  return { result, person, me: result.data?.me ?? null };
}
