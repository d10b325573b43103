/**
 * Flags a practitioner needs to see at a glance (R30, R32): an advocate is
 * needed and not yet in place, the person lacks capacity for planning, is
 * autistic, or is deafblind. The values are coded fields of the CAPACITY and
 * COMMUNICATION sections, so a viewer without those sections sees no flags.
 */

export type FlagKey = 'advocate' | 'capacity' | 'autism' | 'deafblind';

export const flagKeys: readonly FlagKey[] = ['advocate', 'capacity', 'autism', 'deafblind'];

export const flagLabels: Record<FlagKey, string> = {
  advocate: 'Advocate required',
  capacity: 'Lacks capacity for planning',
  autism: 'Autism',
  deafblind: 'Deafblind',
};

export interface FlagFields {
  advocacy?: string | null | undefined;
  lacksCapacityForPlanning?: boolean | null | undefined;
  autism?: boolean | null | undefined;
  deafblind?: boolean | null | undefined;
}

/** The flags that apply, in a fixed order. */
export function personFlags(person: FlagFields): FlagKey[] {
  const flags: FlagKey[] = [];
  if (person.advocacy === 'REFERRAL_WAITING') flags.push('advocate');
  if (person.lacksCapacityForPlanning) flags.push('capacity');
  if (person.autism) flags.push('autism');
  if (person.deafblind) flags.push('deafblind');
  return flags;
}

export function isFlagKey(value: string): value is FlagKey {
  return (flagKeys as readonly string[]).includes(value);
}
