import {
  PartnerIncidentPublished,
  PartnerIncidentWithdrawn,
  type IncidentSnapshotV1,
  type OrganisationType,
  type PartnerIncidentPublishedV1,
} from '#contracts';
import { canonicalJson, type PendingEvent } from '#domain';

/**
 * What partners see of an incident, or nothing: confidential incidents never, rejected ones
 * no longer (they leave every figure), restricted ones as their country and month only.
 */
export function partnerViewOf(snapshot: IncidentSnapshotV1, organisationType: OrganisationType): PartnerIncidentPublishedV1 | undefined {
  if (snapshot.confidentiality === 'confidential' || snapshot.status === 'rejected') return undefined;
  const restricted: PartnerIncidentPublishedV1 = {
    incidentId: snapshot.incidentId,
    version: snapshot.version,
    disclosure: 'restricted',
    countryCode: snapshot.countryCode,
    occurredIn: snapshot.occurredOn.slice(0, 7),
  };
  if (snapshot.confidentiality === 'restricted') return restricted;
  return {
    ...restricted,
    disclosure: 'public',
    reference: snapshot.reference,
    status: snapshot.status,
    concernedStateCode: snapshot.concernedStateCode,
    occurredOn: snapshot.occurredOn,
    occurredOnPrecision: snapshot.occurredOnPrecision,
    locationType: snapshot.locationType,
    meansOfAttack: snapshot.meansOfAttack,
    attackContext: snapshot.attackContext,
    motive: snapshot.motive,
    perpetratorCategory: snapshot.perpetratorCategory,
    personnel: snapshot.personnel,
    affiliationBreakdown: snapshot.affiliationBreakdown,
    genderBreakdown: snapshot.genderBreakdown,
    assets: snapshot.assets,
    sourceVerification: snapshot.sourceVerification,
    reportedAt: snapshot.reportedAt,
    reportingOrganisationType: organisationType,
  };
}

/**
 * The partner event one change of an incident calls for, from its state before (none for a
 * new incident) and after. Published when what partners see changed, so edits a restricted
 * record does not show stay invisible; withdrawn, under the same key, when a record partners
 * saw became confidential or was rejected. An incident lowered from confidential again is
 * published again: lowering it is an officer's decision to disclose.
 */
export function partnerIncidentEvents(
  before: IncidentSnapshotV1 | undefined,
  after: IncidentSnapshotV1,
  organisationType: OrganisationType,
  now: Date,
): PendingEvent[] {
  const seen = before && partnerViewOf(before, organisationType);
  const next = partnerViewOf(after, organisationType);
  if (next) {
    const unchanged = seen && canonicalJson({ ...seen, version: 0 }) === canonicalJson({ ...next, version: 0 });
    return unchanged ? [] : [{ contract: PartnerIncidentPublished, aggregateId: after.incidentId, payload: next }];
  }
  if (!seen) return [];
  return [
    {
      contract: PartnerIncidentWithdrawn,
      aggregateId: after.incidentId,
      payload: {
        incidentId: after.incidentId,
        version: after.version,
        countryCode: seen.countryCode,
        cause: after.status === 'rejected' ? 'rejected' : 'withheld',
        withdrawnAt: now.toISOString(),
      },
    },
  ];
}
