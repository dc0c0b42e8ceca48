import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  CaseAssessed,
  CaseCapacitySupportRecorded,
  CaseClosed,
  CaseDeterminedUnableUnwilling,
  CaseIncidentLinked,
  CaseProgressReported,
  CaseProsecutionUpdated,
  CaseReferralUpdated,
  CaseReferred,
  CaseReportOverdue,
  CaseStateAcknowledged,
  CaseStateRequested,
  CaseSurvivorSupportUpdated,
  IncidentAmended,
  IncidentRejected,
  IncidentVerified,
  InvestigationStandards,
  type IncidentSnapshotV1,
} from '#contracts';
import type { Actor } from '#domain';
import { CaseProjection } from '../../apps/council-reporting/src/projections/infrastructure/case-projection.js';
import { IncidentProjection } from '../../apps/council-reporting/src/projections/infrastructure/incident-projection.js';
import { createProjectionTables } from '../../apps/council-reporting/src/projections/infrastructure/projection-tables.js';
import { ReadModels } from '../../apps/council-reporting/src/projections/infrastructure/read-models.js';
import type { FigureFilter } from '../../apps/council-reporting/src/statistics/application/figure-filter.js';
import { parsePeriod } from '../../apps/council-reporting/src/statistics/domain/reporting-period.js';
import { AccountabilityReader } from '../../apps/council-reporting/src/statistics/infrastructure/accountability.reader.js';
import { IncidentFiguresReader } from '../../apps/council-reporting/src/statistics/infrastructure/incident-figures.reader.js';
import { EventScript } from '../factories/reporting-events.factory.js';
import { openTestDataSource } from '../support/database.js';

const schema = 'reporting_figures_spec';
const reporting: Actor = { subject: 'r-1', role: 'reporting', organisation: 'org-a' };
const otherReporting: Actor = { subject: 'r-2', role: 'reporting', organisation: 'org-b' };
const partner: Actor = { subject: 'p-1', role: 'partner', organisation: 'partner-org' };
const admin: Actor = { subject: 'a-1', role: 'admin', organisation: 'org-z' };
const year2023: FigureFilter = { period: parsePeriod('2023'), where: {} };

/**
 * The figures SQL on a scripted history, projected into a schema of its own: a period split,
 * partial dates, an amendment arriving after a newer one, a duplicate, a rejection, a
 * confidential incident, and a case chain with every step of recommendation 6. Every
 * expectation is computed here from the fixtures, not read back from the SQL.
 */
describe('council-reporting figures on a scripted history', () => {
  let dataSource: DataSource;
  const script = new EventScript();
  const incidents = new IncidentFiguresReader(schema);
  const accountability = new AccountabilityReader(schema);

  // people: [harm, status, count]
  const fixtures: {
    name: string;
    snapshot: Partial<IncidentSnapshotV1>;
    people: [string, 'national' | 'international', number][];
    counted2023: boolean;
  }[] = [
    {
      name: 'A',
      snapshot: { countryCode: 'SD', occurredOn: '2023-02-10' },
      people: [
        ['killed', 'national', 3],
        ['killed', 'international', 1],
      ],
      counted2023: true,
    },
    {
      name: 'B',
      snapshot: { countryCode: 'SD', occurredOn: '2023-08-05', confidentiality: 'restricted' },
      people: [
        ['killed', 'national', 2],
        ['wounded', 'national', 4],
      ],
      counted2023: true,
    },
    {
      name: 'C',
      snapshot: { countryCode: 'SS', occurredOn: '2023-03', occurredOnPrecision: 'month' },
      people: [['kidnapped', 'national', 2]],
      counted2023: true,
    },
    {
      name: 'D',
      snapshot: { countryCode: 'SS', occurredOn: '2023', occurredOnPrecision: 'year' },
      people: [['wounded', 'international', 1]],
      counted2023: true,
    },
    {
      name: 'E (duplicate of A)',
      snapshot: { countryCode: 'SD', occurredOn: '2023-02-10' },
      people: [['killed', 'national', 3]],
      counted2023: false,
    },
    {
      name: 'F (rejected)',
      snapshot: { countryCode: 'AF', occurredOn: '2023-05-01' },
      people: [['killed', 'national', 5]],
      counted2023: false,
    },
    {
      name: 'G (confidential, org-b)',
      snapshot: { countryCode: 'ML', occurredOn: '2023-04-04', confidentiality: 'confidential', reportingOrganisation: 'org-b' },
      people: [['killed', 'national', 1]],
      counted2023: false,
    },
    {
      name: 'H (2022)',
      snapshot: { countryCode: 'SD', occurredOn: '2022-06-01' },
      people: [['killed', 'national', 1]],
      counted2023: false,
    },
    {
      name: 'I',
      snapshot: { countryCode: 'SD', occurredOn: '2023-11-30', assets: [{ type: 'vehicle', un: true, damage: 'destroyed' }] },
      people: [],
      counted2023: true,
    },
  ];
  const projected = new Map<string, IncidentSnapshotV1>();
  const caseRefs: Record<string, string> = {};
  const asOfDay = '2024-01-31';

  beforeAll(async () => {
    dataSource = await openTestDataSource('public');
    await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await createProjectionTables(dataSource.manager, schema);

    for (const fixture of fixtures) {
      const personnel = fixture.people.map(([harm, status, count]) => ({ harm, status, count }) as IncidentSnapshotV1['personnel'][number]);
      projected.set(fixture.name, script.incident({ ...fixture.snapshot, personnel }));
    }
    const a = projected.get('A')!;
    const b = projected.get('B')!;
    // B amended to version 3, then an older version 2 arrives: it must change nothing.
    script.emit(
      IncidentAmended,
      {
        ...b,
        version: 3,
        amendedAt: '2023-08-07T00:00:00Z',
        changedFields: ['personnel'],
        personnel: [
          { harm: 'killed', status: 'national', count: 2 },
          { harm: 'wounded', status: 'national', count: 4 },
        ],
      },
      b.incidentId,
    );
    script.emit(
      IncidentAmended,
      {
        ...b,
        version: 2,
        amendedAt: '2023-08-06T00:00:00Z',
        changedFields: ['personnel'],
        personnel: [{ harm: 'killed', status: 'national', count: 99 }],
      },
      b.incidentId,
    );
    script.emit(
      IncidentVerified,
      { incidentId: a.incidentId, reference: a.reference, version: 2, verifiedAt: '2023-02-12T00:00:00Z' },
      a.incidentId,
    );
    const f = projected.get('F (rejected)')!;
    script.emit(
      IncidentRejected,
      { incidentId: f.incidentId, reference: f.reference, version: 2, reason: 'not_credible', rejectedAt: '2023-05-03T00:00:00Z' },
      f.incidentId,
    );

    // Case 1 (SD): duplicate linked, request, acknowledgement, one report, one open overdue date,
    // an assessment, a determination without referral, a conviction, legal aid and capacity support.
    const one = script.openCase(a);
    caseRefs.one = one.reference;
    script.emit(
      CaseIncidentLinked,
      {
        ...one.next('2023-02-21'),
        incidentId: projected.get('E (duplicate of A)')!.incidentId,
        linkKind: 'duplicate',
        duplicateOfIncidentId: a.incidentId,
      },
      one.caseId,
    );
    script.emit(
      CaseStateRequested,
      {
        ...one.next('2023-03-01'),
        concernedStateCode: 'SD',
        requestedOn: '2023-03-01',
        channel: 'note_verbale',
        acknowledgementDueOn: '2023-03-15',
        firstReportDueOn: '2023-03-31',
      },
      one.caseId,
    );
    script.emit(
      CaseStateAcknowledged,
      { ...one.next('2023-03-10'), concernedStateCode: 'SD', acknowledgedOn: '2023-03-10', daysLate: 0 },
      one.caseId,
    );
    script.emit(
      CaseProgressReported,
      {
        ...one.next('2023-03-30'),
        concernedStateCode: 'SD',
        receivedOn: '2023-03-30',
        investigationStatus: 'active',
        suspectsIdentified: 1,
        preventionMeasuresReported: false,
        familiesInformed: true,
        daysLate: 0,
        nextReportDueOn: '2023-06-28',
      },
      one.caseId,
    );
    script.emit(
      CaseReportOverdue,
      {
        ...one.next('2023-06-29'),
        concernedStateCode: 'SD',
        dueDateId: randomUUID(),
        dueKind: 'progress_report',
        sequence: 2,
        dueOn: '2023-06-28',
        detectedOn: '2023-06-29',
      },
      one.caseId,
    );
    script.emit(
      CaseAssessed,
      {
        ...one.next('2023-07-01'),
        concernedStateCode: 'SD',
        assessmentId: randomUUID(),
        assessedOn: '2023-07-01',
        ratings: InvestigationStandards.map((standard) => ({
          standard,
          rating: standard === 'independent' ? ('not_met' as const) : ('partly_met' as const),
        })),
        judicialSystem: 'functioning',
        indicators: ['lack_of_independence_or_impartiality'],
      },
      one.caseId,
    );
    script.emit(
      CaseDeterminedUnableUnwilling,
      {
        ...one.next('2023-08-01'),
        concernedStateCode: 'SD',
        determinationId: randomUUID(),
        finding: 'unwilling',
        grounds: ['lack_of_independence_or_impartiality'],
        decidedOn: '2023-08-01',
        secondApproval: true,
      },
      one.caseId,
    );
    script.emit(
      CaseProsecutionUpdated,
      {
        ...one.next('2023-09-01'),
        concernedStateCode: 'SD',
        prosecutionId: randomUUID(),
        accusedCount: 2,
        charges: ['murder'],
        trialStatus: 'judgment_delivered',
        verdict: 'convicted',
        sentence: 'imprisonment_over_15_years',
        appeal: 'none',
        statusOn: '2023-09-01',
      },
      one.caseId,
    );
    script.emit(
      CaseSurvivorSupportUpdated,
      { ...one.next('2023-09-02'), kind: 'legal_aid', personsSupported: 2, status: 'ongoing' },
      one.caseId,
    );
    script.emit(
      CaseCapacitySupportRecorded,
      { ...one.next('2023-09-03'), supportId: randomUUID(), kind: 'technical_assistance', status: 'ongoing', startOn: '2023-09-03' },
      one.caseId,
    );

    // Case 2 (SS): two missed dates, one answered late; referred to the ICC, then investigated.
    const two = script.openCase(projected.get('C')!);
    caseRefs.two = two.reference;
    script.emit(
      CaseStateRequested,
      {
        ...two.next('2023-04-01'),
        concernedStateCode: 'SS',
        requestedOn: '2023-04-01',
        channel: 'letter',
        acknowledgementDueOn: '2023-04-15',
        firstReportDueOn: '2023-05-01',
      },
      two.caseId,
    );
    script.emit(
      CaseReportOverdue,
      {
        ...two.next('2023-05-02'),
        concernedStateCode: 'SS',
        dueDateId: randomUUID(),
        dueKind: 'progress_report',
        sequence: 1,
        dueOn: '2023-05-01',
        detectedOn: '2023-05-02',
      },
      two.caseId,
    );
    script.emit(
      CaseReportOverdue,
      {
        ...two.next('2023-07-31'),
        concernedStateCode: 'SS',
        dueDateId: randomUUID(),
        dueKind: 'progress_report',
        sequence: 2,
        dueOn: '2023-07-30',
        detectedOn: '2023-07-31',
      },
      two.caseId,
    );
    script.emit(
      CaseProgressReported,
      {
        ...two.next('2023-08-10'),
        concernedStateCode: 'SS',
        receivedOn: '2023-08-10',
        investigationStatus: 'preliminary',
        suspectsIdentified: 0,
        preventionMeasuresReported: false,
        familiesInformed: false,
        daysLate: 101,
        nextReportDueOn: '2023-10-29',
      },
      two.caseId,
    );
    const referralId = randomUUID();
    script.emit(
      CaseReferred,
      {
        ...two.next('2023-09-01'),
        concernedStateCode: 'SS',
        referralId,
        mechanism: 'international_criminal_court',
        status: 'submitted',
        statusOn: '2023-09-01',
      },
      two.caseId,
    );
    script.emit(
      CaseReferralUpdated,
      {
        ...two.next('2023-12-01'),
        concernedStateCode: 'SS',
        referralId,
        mechanism: 'international_criminal_court',
        status: 'investigation_opened',
        statusOn: '2023-12-01',
      },
      two.caseId,
    );

    // Case 3 (SD, on incident B): requested, missed a date, closed: nothing is awaited any more.
    const three = script.openCase(b);
    caseRefs.three = three.reference;
    script.emit(
      CaseStateRequested,
      {
        ...three.next('2023-08-10'),
        concernedStateCode: 'SD',
        requestedOn: '2023-08-10',
        channel: 'letter',
        acknowledgementDueOn: '2023-08-24',
        firstReportDueOn: '2023-09-09',
      },
      three.caseId,
    );
    script.emit(
      CaseReportOverdue,
      {
        ...three.next('2023-08-25'),
        concernedStateCode: 'SD',
        dueDateId: randomUUID(),
        dueKind: 'acknowledgement',
        sequence: 0,
        dueOn: '2023-08-24',
        detectedOn: '2023-08-25',
      },
      three.caseId,
    );
    script.emit(CaseClosed, { ...three.next('2023-10-01'), outcome: 'other' }, three.caseId);

    // Case 4: confidential, in org-b.
    const four = script.openCase(projected.get('G (confidential, org-b)')!);
    script.emit(
      CaseStateRequested,
      {
        ...four.next('2023-05-01'),
        concernedStateCode: 'ML',
        requestedOn: '2023-05-01',
        channel: 'letter',
        acknowledgementDueOn: '2023-05-15',
        firstReportDueOn: '2023-05-31',
      },
      four.caseId,
    );

    const readModels = new ReadModels(new IncidentProjection(), new CaseProjection());
    const apply = ({ event, source: { topic, partition, offset } }: (typeof script.events)[number]) =>
      dataSource.transaction((manager) => readModels.applyAll(manager, schema, topic, partition, [{ event, offset }]));
    for (const scripted of script.events) await apply(scripted);
    // Every event again, as a redelivery would: positions must absorb all of them.
    for (const scripted of script.events) expect(await apply(scripted)).toBe(0);
  });

  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource?.destroy();
  });

  const counted = (names: (name: string) => boolean = () => true) => fixtures.filter((f) => f.counted2023 && names(f.name));
  const people = (list: typeof fixtures, harm?: string, status?: string) =>
    list
      .flatMap((f) => f.people)
      .filter(([h, s]) => (!harm || h === harm) && (!status || s === status))
      .reduce((sum, [, , n]) => sum + n, 0);

  it('counts 2023 once per attack: the duplicate, the rejected, the confidential and the 2022 incident stay out', async () => {
    const [total] = await incidents.figures(dataSource.manager, reporting, year2023, []);
    expect(total).toEqual({
      group: {},
      incidents: counted().length,
      people: people(counted()),
      countries: new Set(counted().map((f) => f.snapshot.countryCode)).size,
    });
  });

  it('splits by harm and national or international status', async () => {
    const rows = await incidents.figures(dataSource.manager, reporting, year2023, ['harm', 'personnel']);
    const expected = ['killed', 'wounded', 'kidnapped'].flatMap((harm) =>
      (['international', 'national'] as const)
        .filter((status) => people(counted(), harm, status) > 0)
        .map((status) => ({ harm, personnel: status, people: people(counted(), harm, status) })),
    );
    expect(rows.map(({ group, people: n }) => ({ ...group, people: n }))).toEqual(expect.arrayContaining(expected));
    expect(rows).toHaveLength(expected.length);
  });

  it.each([
    { period: '2023H1', names: ['A', 'C'] },
    { period: '2023H2', names: ['B', 'I'] },
    // D is known only to the year: it is in 2023, and in neither half.
    { period: '2023', names: ['A', 'B', 'C', 'D', 'I'] },
  ])('keeps in $period only the incidents whose whole date falls inside', async ({ period, names }) => {
    const rows = await incidents.references(dataSource.manager, reporting, { period: parsePeriod(period), where: {} }, { limit: 50 });
    expect(rows.map((row) => row.reference).sort()).toEqual(names.map((name) => projected.get(name)!.reference).sort());
  });

  it('counts rejected incidents only when asked', async () => {
    const [withRejected] = await incidents.figures(dataSource.manager, reporting, { ...year2023, includeRejected: true }, []);
    expect(withRejected!.incidents).toBe(counted().length + 1);
    const [rejectedOnly] = await incidents.figures(dataSource.manager, reporting, { ...year2023, status: 'rejected' }, []);
    expect(rejectedOnly).toMatchObject({ incidents: 1, people: 5 });
  });

  it('lets the owning organisation and admins count the confidential incident, nobody else', async () => {
    for (const [actor, expected] of [
      [otherReporting, counted().length + 1],
      [admin, counted().length + 1],
      [reporting, counted().length],
      [partner, counted().length],
    ] as const) {
      const [total] = await incidents.figures(dataSource.manager, actor, year2023, []);
      expect({ role: actor.role, org: actor.organisation, incidents: total!.incidents }).toEqual({
        role: actor.role,
        org: actor.organisation,
        incidents: expected,
      });
    }
  });

  it('folds a partner country–year of fewer than 3 incidents into "other", exact figures for reporting staff', async () => {
    const exact = await incidents.figures(dataSource.manager, reporting, year2023, ['country']);
    expect(exact.map((row) => [row.group.country, row.incidents])).toEqual([
      ['SD', counted((name) => ['A', 'B', 'I'].includes(name)).length],
      ['SS', 2],
    ]);
    const folded = await incidents.figures(dataSource.manager, partner, year2023, ['country']);
    // SD has 3 incidents in 2023 and stays; SS has 2 and is folded.
    expect(folded.map((row) => [row.group.country, row.incidents])).toEqual([
      ['SD', 3],
      ['other', 2],
    ]);
    const filtered = await incidents.figures(dataSource.manager, partner, { ...year2023, where: { country: 'SS' } }, []);
    expect(filtered[0]!.incidents).toBe(0);
  });

  it('groups by premises and counts UN premises hit', async () => {
    const rows = await incidents.figures(dataSource.manager, reporting, year2023, ['premises']);
    expect(rows.map((row) => [row.group.premises, row.incidents])).toEqual([['vehicle', 1]]);
  });

  it('groups by quarter and month, with dates known only to the year apart', async () => {
    const rows = await incidents.figures(dataSource.manager, reporting, year2023, ['quarter']);
    expect(Object.fromEntries(rows.map((row) => [row.group.quarter, row.incidents]))).toEqual({
      '2023-Q1': 2,
      '2023-Q3': 1,
      '2023-Q4': 1,
      unknown: 1,
    });
  });

  it('pages the references behind a figure without repeating or losing one', async () => {
    const seen: string[] = [];
    let after: [string, string] | undefined;
    for (;;) {
      const page = await incidents.references(dataSource.manager, reporting, year2023, { after, limit: 2 });
      if (page.length === 0) break;
      seen.push(...page.map((row) => row.reference));
      after = [page.at(-1)!.reference, page.at(-1)!.id];
    }
    expect(seen).toEqual([...seen].sort());
    expect(seen).toHaveLength(counted().length);
  });

  describe('accountability', () => {
    const filter = { period: parsePeriod('2023'), asOfDay };
    const days = (from: string) => (Date.parse(asOfDay) - Date.parse(from)) / 86_400_000;

    it('gives each concerned State its chain of recommendation 6', async () => {
      const tracks = await accountability.tracks(dataSource.manager, reporting, filter);
      const figures = await accountability.figures(dataSource.manager, reporting, filter, tracks);
      expect(figures.byState.map(({ assessments: _, ...state }) => state)).toEqual([
        {
          stateCode: 'SD',
          stateName: 'Sudan',
          cases: 2,
          requestsMade: 2,
          requestsAcknowledged: 1,
          progressReportsReceived: 1,
          // Case 3's missed date was cancelled when it closed.
          reportsOverdue: 1,
          maxDaysOverdue: days('2023-06-28'),
          determinations: 1,
          referrals: 0,
          prosecutions: 1,
          convictions: 1,
        },
        {
          stateCode: 'SS',
          stateName: 'South Sudan',
          cases: 1,
          requestsMade: 1,
          requestsAcknowledged: 0,
          progressReportsReceived: 1,
          // The late report answered the first missed date; the second is still open.
          reportsOverdue: 1,
          maxDaysOverdue: days('2023-07-30'),
          determinations: 0,
          referrals: 1,
          prosecutions: 0,
          convictions: 0,
        },
      ]);
      expect(figures.byState[0]!.assessments.independent).toEqual({ met: 0, partly_met: 0, not_met: 1, cannot_assess: 0 });
      expect(figures.byState[0]!.assessments.prompt).toEqual({ met: 0, partly_met: 1, not_met: 0, cannot_assess: 0 });
      expect(figures.referrals).toEqual([{ mechanism: 'international_criminal_court', status: 'investigation_opened', count: 1 }]);
      expect(figures.prosecutions).toEqual([{ trialStatus: 'judgment_delivered', verdict: 'convicted', prosecutions: 1, accused: 2 }]);
      expect(figures.survivorSupport).toEqual([{ kind: 'legal_aid', status: 'ongoing', cases: 1, persons: 2 }]);
      expect(figures.capacitySupport).toEqual([{ kind: 'technical_assistance', status: 'ongoing', count: 1 }]);
    });

    it('puts each case in the annex with its stage, and flags a determination without referral', async () => {
      const tracks = await accountability.tracks(dataSource.manager, reporting, filter);
      expect(
        tracks.map(({ reference, stateCode, stage, reportsOverdue, referralStatus, determinationWithoutReferral, daysSinceRequest }) => ({
          reference,
          stateCode,
          stage,
          reportsOverdue,
          referralStatus,
          determinationWithoutReferral,
          daysSinceRequest,
        })),
      ).toEqual(
        [
          {
            reference: caseRefs.one,
            stateCode: 'SD',
            stage: 'determined_unable_unwilling',
            reportsOverdue: 1,
            referralStatus: null,
            determinationWithoutReferral: true,
            daysSinceRequest: days('2023-03-01'),
          },
          {
            reference: caseRefs.two,
            stateCode: 'SS',
            stage: 'referred',
            reportsOverdue: 1,
            referralStatus: 'investigation_opened',
            determinationWithoutReferral: false,
            daysSinceRequest: days('2023-04-01'),
          },
          {
            reference: caseRefs.three,
            stateCode: 'SD',
            stage: 'closed',
            reportsOverdue: 0,
            referralStatus: null,
            determinationWithoutReferral: false,
            daysSinceRequest: days('2023-08-10'),
          },
        ].sort((x, y) => x.reference!.localeCompare(y.reference!)),
      );
    });

    it('narrows to a concerned State, and shows the confidential case only inside its organisation', async () => {
      const onlySs = await accountability.tracks(dataSource.manager, reporting, { ...filter, stateCodes: ['SS'] });
      expect(onlySs.map((track) => track.reference)).toEqual([caseRefs.two]);
      const insideOrgB = await accountability.tracks(dataSource.manager, otherReporting, filter);
      expect(insideOrgB.map((track) => track.stateCode)).toContain('ML');
      const forPartner = await accountability.tracks(dataSource.manager, partner, filter);
      expect(forPartner.map((track) => track.stateCode)).not.toContain('ML');
    });
  });
});
