import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  AssetTypes,
  AttackContexts,
  ConfidentialityLevels,
  DamageLevels,
  HarmTypes,
  IncidentReported,
  LocationTypes,
  MeansOfAttack,
  Motives,
  PerpetratorCategories,
  PersonnelStatuses,
  SourceVerificationStatuses,
} from '#contracts';
import { validatePayload } from '#messaging';
import { reportIncidentBody } from '../../../../../test/factories/incident-facts.factory.js';
import { Incident } from '../domain/incident.js';
import { ReportIncidentRequestDto } from '../http/report-incident.request.dto.js';

const clock = { now: () => new Date('2026-11-29T12:00:00Z') };

/** Requests at the edges of what POST /incidents accepts: every category, the oldest and coarsest dates, big counts, odd text. */
const accepted: [string, Record<string, unknown>][] = [
  ['the base body', {}],
  ['the earliest year', { occurredOn: '1900', occurredOnPrecision: 'year' }],
  ['the first day of 1900', { occurredOn: '1900-01-01' }],
  ['month precision', { occurredOn: '2024-02', occurredOnPrecision: 'month' }],
  ['a leap day', { occurredOn: '2024-02-29' }],
  ['today', { occurredOn: '2026-11-29' }],
  ['a large count', { personnel: [{ harm: 'killed', status: 'national', count: 100000 }] }],
  ['no personnel and no assets', { personnel: [], assets: [] }],
  ['another concerned State', { concernedStateCode: 'TD' }],
  ['non-Latin text', { narrative: 'قافلة — 車列 — конвой', sources: [{ name: 'Réseau des ONG — سودان', reliability: 'confirmed' }] }],
  ['breakdowns and totals', { declaredTotals: { killed: 2 }, affiliationBreakdown: { un: 1 }, genderBreakdown: { female: 2 } }],
  ...HarmTypes.flatMap((harm) =>
    PersonnelStatuses.map((status): [string, Record<string, unknown>] => [
      `${harm} ${status}`,
      { personnel: [{ harm, status, count: 1 }] },
    ]),
  ),
  ...MeansOfAttack.map((means): [string, Record<string, unknown>] => [`means ${means}`, { meansOfAttack: means }]),
  ...AttackContexts.map((context): [string, Record<string, unknown>] => [`context ${context}`, { attackContext: context }]),
  ...Motives.map((motive): [string, Record<string, unknown>] => [`motive ${motive}`, { motive }]),
  ...LocationTypes.map((location): [string, Record<string, unknown>] => [`location ${location}`, { locationType: location }]),
  ...PerpetratorCategories.map((category): [string, Record<string, unknown>] => [
    `perpetrator ${category}`,
    { perpetratorCategory: category },
  ]),
  ...ConfidentialityLevels.map((level): [string, Record<string, unknown>] => [`confidentiality ${level}`, { confidentiality: level }]),
  ...SourceVerificationStatuses.map((status): [string, Record<string, unknown>] => [`source ${status}`, { sourceVerification: status }]),
  ...AssetTypes.flatMap((type) =>
    DamageLevels.map((damage): [string, Record<string, unknown>] => [`${type} ${damage}`, { assets: [{ type, un: true, damage }] }]),
  ),
];

describe('whatever POST /incidents accepts, its own event contract accepts too', () => {
  it.each(accepted)('%s', async (_case, overrides) => {
    const body = plainToInstance(ReportIncidentRequestDto, reportIncidentBody(overrides));
    expect(await validate(body, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true })).toEqual([]);

    const { protected: _protected, ...details } = body;
    const { incident } = Incident.report(
      {
        id: '01a226d8-0418-731e-a930-cef436a2f0ab',
        reference: 'INC-2026-000001',
        details,
        reportedBy: 'officer-1',
        reportingOrganisation: 'org-a',
      },
      clock,
    );
    const [event] = incident.pullEvents();
    // What a consumer receives: the payload as JSON, validated by the contract class.
    await expect(validatePayload(IncidentReported, JSON.parse(JSON.stringify(event.payload)))).resolves.toBeDefined();
  });
});
