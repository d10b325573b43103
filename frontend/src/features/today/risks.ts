/** What ordering reads of a risk (the server may add kinds the app does not know yet). */
export interface OrderableRisk {
  kind?: string | null | undefined;
  likelihood?: string | null | undefined;
  mitigationConfirmedAt?: string | null | undefined;
}

/** The order risks are read in on a visit: the worker's own safety first (R31), then R6's order. */
const kindOrder = ['TO_WORKER', 'TO_PERSON_FROM_NEEDS', 'TO_PERSON_FROM_OUTCOME', 'TO_PLAN'];

const rank = (kind: string | null | undefined): number => {
  const index = kindOrder.indexOf(kind ?? '');
  return index === -1 ? kindOrder.length : index;
};

const likelihoodRank: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/**
 * Risks in the order a worker needs them: risks to the worker first, those
 * whose mitigation is not yet confirmed before confirmed ones; then the
 * others by kind; within a kind, the more likely first. Stable otherwise,
 * and risks of a kind the app does not know come last, so none is lost.
 */
export function orderRisks<R extends OrderableRisk>(risks: readonly R[]): R[] {
  return risks
    .map((risk, index) => ({ risk, index }))
    .sort((a, b) => {
      const byKind = rank(a.risk.kind) - rank(b.risk.kind);
      if (byKind !== 0) return byKind;
      if (a.risk.kind === 'TO_WORKER') {
        const unconfirmed = Number(Boolean(a.risk.mitigationConfirmedAt)) - Number(Boolean(b.risk.mitigationConfirmedAt));
        if (unconfirmed !== 0) return unconfirmed;
      }
      const byLikelihood = (likelihoodRank[a.risk.likelihood ?? ''] ?? 3) - (likelihoodRank[b.risk.likelihood ?? ''] ?? 3);
      return byLikelihood !== 0 ? byLikelihood : a.index - b.index;
    })
    .map(({ risk }) => risk);
}

/** Risks to the worker, and every other risk, each in reading order. */
export function splitRisks<R extends OrderableRisk>(risks: readonly R[] | null | undefined): { toWorker: R[]; other: R[] } {
  const ordered = orderRisks(risks ?? []);
  return { toWorker: ordered.filter((risk) => risk.kind === 'TO_WORKER'), other: ordered.filter((risk) => risk.kind !== 'TO_WORKER') };
}
