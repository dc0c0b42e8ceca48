import type { EventContract } from './event-contract.js';
import { CaseAssessed, CaseDeterminationProposed, CaseDeterminedUnableUnwilling } from './events/case-assessment.v1.js';
import { CaseClosed, CaseReopened } from './events/case-closure.v1.js';
import { CaseEvidenceChecked, CaseEvidenceRegistered, CaseEvidenceTransferred } from './events/case-evidence.v1.js';
import { CaseCapacitySupportRecorded, CaseProsecutionUpdated, CaseSurvivorSupportUpdated } from './events/case-follow-up.v1.js';
import { CaseConfidentialityChanged, CaseFlaggedForReview, CaseIncidentLinked, CaseIncidentUnlinked } from './events/case-incidents.v1.js';
import { CaseOpened } from './events/case-opened.v1.js';
import { CaseReferralUpdated, CaseReferred } from './events/case-referral.v1.js';
import {
  CaseConcernedStateAdded,
  CaseProgressReported,
  CaseReportingPolicyChanged,
  CaseReportOverdue,
  CaseStateAcknowledged,
  CaseStateRequested,
} from './events/case-state-request.v1.js';
import { IncidentAmended } from './events/incident-amended.v1.js';
import { IncidentRejected } from './events/incident-rejected.v1.js';
import { IncidentReported } from './events/incident-reported.v1.js';
import { IncidentVerified } from './events/incident-verified.v1.js';
import { PartnerCasePublished, PartnerCaseWithdrawn } from './events/partner-case.v1.js';
import { PartnerIncidentPublished, PartnerIncidentWithdrawn } from './events/partner-incident.v1.js';
import { ReportGenerated } from './events/report-generated.v1.js';

/** Every event type of the contract; the AsyncAPI document and JSON Schemas are generated from it. */
export const EventCatalogue: readonly EventContract[] = [
  IncidentReported,
  IncidentAmended,
  IncidentVerified,
  IncidentRejected,
  CaseOpened,
  CaseIncidentLinked,
  CaseIncidentUnlinked,
  CaseFlaggedForReview,
  CaseConfidentialityChanged,
  CaseConcernedStateAdded,
  CaseReportingPolicyChanged,
  CaseStateRequested,
  CaseStateAcknowledged,
  CaseProgressReported,
  CaseReportOverdue,
  CaseAssessed,
  CaseDeterminationProposed,
  CaseDeterminedUnableUnwilling,
  CaseReferred,
  CaseReferralUpdated,
  CaseProsecutionUpdated,
  CaseCapacitySupportRecorded,
  CaseSurvivorSupportUpdated,
  CaseEvidenceRegistered,
  CaseEvidenceTransferred,
  CaseEvidenceChecked,
  CaseClosed,
  CaseReopened,
  ReportGenerated,
  PartnerIncidentPublished,
  PartnerIncidentWithdrawn,
  PartnerCasePublished,
  PartnerCaseWithdrawn,
];
