import { PartnerCasePublished, PartnerCaseWithdrawn, type PartnerCasePublishedV1 } from '#contracts';
import { canonicalJson, type PendingEvent } from '#domain';
import type { Case } from '../cases/domain/case.js';

/**
 * What partners see of a case, or nothing: never a case with a confidential incident (its
 * confidentiality is the most restrictive of its incidents'), only its country and month of
 * opening when one is restricted. No organisation, free text or protected data.
 */
export function partnerCaseView(found: Case): PartnerCasePublishedV1 | undefined {
  const { state } = found;
  if (state.confidentiality === 'confidential') return undefined;
  const restricted: PartnerCasePublishedV1 = {
    caseId: state.id,
    version: state.version,
    disclosure: 'restricted',
    countryCode: state.countryCode,
    openedIn: state.openedAt.toISOString().slice(0, 7),
  };
  if (state.confidentiality === 'restricted') return restricted;
  return {
    ...restricted,
    disclosure: 'public',
    reference: state.reference,
    stage: found.stage,
    concernedStateCodes: state.concernedStates.map((track) => track.stateCode),
    incidentIds: state.incidents.map((link) => link.incidentId),
    openedAt: state.openedAt.toISOString(),
    closedAt: state.closure?.closedAt.toISOString(),
  };
}

/**
 * The partner event one change of a case calls for, from what partners saw before it (take
 * `partnerCaseView` before changing the case; none for a new case) and the case after it.
 * Published when what partners see changed; withdrawn, under the same key, when a case they
 * saw took in a confidential incident. A case that becomes visible again is published again.
 */
export function partnerCaseEvents(before: PartnerCasePublishedV1 | undefined, after: Case, now: Date): PendingEvent[] {
  const next = partnerCaseView(after);
  if (next) {
    const unchanged = before && canonicalJson({ ...before, version: 0 }) === canonicalJson({ ...next, version: 0 });
    return unchanged ? [] : [{ contract: PartnerCasePublished, aggregateId: after.id, payload: next }];
  }
  if (!before) return [];
  return [
    {
      contract: PartnerCaseWithdrawn,
      aggregateId: after.id,
      payload: { caseId: after.id, version: after.version, countryCode: before.countryCode, withdrawnAt: now.toISOString() },
    },
  ];
}
