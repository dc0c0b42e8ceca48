import { randomUUID } from 'node:crypto';
import {
  CaseOpened,
  IncidentReported,
  type CaseEventV1,
  type CaseOpenedV1,
  type EventContract,
  type IncidentSnapshotV1,
  type PersonnelHarmCount,
} from '#contracts';
import type { CloudEvent, MessageSource } from '#messaging';

export interface ScriptedEvent {
  event: CloudEvent<object>;
  source: MessageSource;
}

/**
 * Writes a history of incident and case events as the topics would carry them, each at the
 * next offset of partition 0 of its topic, for projection tests that need no broker.
 */
export class EventScript {
  readonly events: ScriptedEvent[] = [];
  private readonly offsets = new Map<string, number>();
  private readonly caseVersions = new Map<string, number>();

  emit<T extends object>(contract: EventContract<T>, data: T, subject: string): ScriptedEvent {
    const offset = this.offsets.get(contract.topic) ?? 0;
    this.offsets.set(contract.topic, offset + 1);
    const scripted = {
      event: {
        specversion: '1.0' as const,
        id: randomUUID(),
        source: '/accountability/test',
        type: contract.type,
        time: '2024-01-01T00:00:00Z',
        subject,
        datacontenttype: 'application/json' as const,
        dataschema: contract.type,
        data,
      },
      source: { topic: contract.topic, partition: 0, offset: String(offset) },
    };
    this.events.push(scripted);
    return scripted;
  }

  incident(snapshot: Partial<IncidentSnapshotV1> & { personnel: PersonnelHarmCount[] }, contract = IncidentReported): IncidentSnapshotV1 {
    const full: IncidentSnapshotV1 = {
      incidentId: randomUUID(),
      reference: `INC-2023-${String(100000 + this.events.length)}`,
      version: 1,
      status: 'reported',
      countryCode: 'SD',
      concernedStateCode: snapshot.countryCode ?? 'SD',
      occurredOn: '2023-02-10',
      occurredOnPrecision: 'day',
      locationType: 'road',
      meansOfAttack: 'shooting',
      attackContext: 'ambush',
      perpetratorCategory: 'non_state_armed_group_national',
      assets: [],
      confidentiality: 'public',
      reportedAt: '2023-02-11T08:00:00Z',
      reportingOrganisation: 'org-a',
      ...snapshot,
    };
    this.emit(contract, full, full.incidentId);
    return full;
  }

  /** Opens a case; its `next` gives the fields every later event of the case carries. */
  openCase(incident: IncidentSnapshotV1, overrides: Partial<CaseOpenedV1> = {}) {
    const opened: CaseOpenedV1 = {
      caseId: randomUUID(),
      reference: `CASE-2023-${String(200000 + this.events.length)}`,
      incidentId: incident.incidentId,
      concernedStateCode: incident.concernedStateCode,
      openedAt: '2023-02-20T09:00:00Z',
      version: 1,
      owningOrganisation: incident.reportingOrganisation,
      confidentiality: incident.confidentiality,
      countryCode: incident.countryCode,
      openedBecause: 'officer',
      ...overrides,
    };
    this.emit(CaseOpened, opened, opened.caseId);
    this.caseVersions.set(opened.caseId, 1);
    return {
      ...opened,
      /** The common fields of the case's next event, recorded on `day`. */
      next: (day: string): CaseEventV1 => {
        const version = (this.caseVersions.get(opened.caseId) ?? 1) + 1;
        this.caseVersions.set(opened.caseId, version);
        return {
          caseId: opened.caseId,
          reference: opened.reference,
          version,
          owningOrganisation: opened.owningOrganisation!,
          confidentiality: opened.confidentiality!,
          recordedAt: `${day}T10:00:00Z`,
        };
      },
    };
  }
}
