import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import {
  CaseCapacitySupportRecorded,
  CaseIncidentLinked,
  CaseProgressReported,
  CaseProsecutionUpdated,
  CaseReferred,
  CaseReportOverdue,
  CaseStateAcknowledged,
  CaseStateRequested,
  CaseSurvivorSupportUpdated,
  IncidentAmended,
  IncidentRejected,
  IncidentReported,
  IncidentVerified,
  Topics,
  type CaseProgressReportedV1,
  type EventContract,
} from '#contracts';
import { Transactions } from '#database';
import { EventConsumer, headersOf, Inbox, validatePayload, type KafkaConnection, type MessageSource } from '#messaging';
import { rebuildReadModels, type RebuildOutcome } from '../../apps/council-reporting/src/projections/application/rebuild-read-models.js';
import { CaseProjection } from '../../apps/council-reporting/src/projections/infrastructure/case-projection.js';
import { IncidentProjection } from '../../apps/council-reporting/src/projections/infrastructure/incident-projection.js';
import {
  createProjectionTables,
  ProjectionTables,
  projectionTable,
} from '../../apps/council-reporting/src/projections/infrastructure/projection-tables.js';
import { ReadModels } from '../../apps/council-reporting/src/projections/infrastructure/read-models.js';
import { TopicReplay, type ReplayTarget } from '../../apps/council-reporting/src/projections/infrastructure/topic-replay.js';
import { EventScript, type ScriptedEvent } from '../factories/reporting-events.factory.js';
import { openTestDataSource } from '../support/database.js';
import { readModelRowsOf } from '../support/read-model-rows.js';
import { eventually } from '../support/eventually.js';
import { testKafka } from '../support/probe-events.js';

const schemas = { live: 'reporting_live_spec', rebuild: 'reporting_rebuild_spec', retired: 'reporting_retired_spec' };
const replaySchema = 'reporting_replay_spec';

/**
 * The rebuild on the real topics, which other tests write to as well. Its "live" read models
 * are a schema of their own, fed by the real consumer path (EventConsumer, inbox,
 * ReadModels.applyAll) from offset zero, as council-reporting's are. Rows are compared for this
 * test's incidents and cases only: the live schema and the rebuild may stand at different
 * offsets of other tests' partitions, but both have applied every event of this test's history
 * before they are compared. The history is one no statistic of another test counts: Tuvalu,
 * 2011, confidential in an organisation of its own.
 */
describe('read models rebuilt from the topics and swapped in (real PostgreSQL and Kafka)', () => {
  let dataSource: DataSource;
  /** The live consumer's own connections, as another process would have. */
  let liveSide: DataSource;
  let kafka: KafkaConnection;
  let producer: Producer;
  let liveConsumer: EventConsumer;
  const liveGroup = `reporting-live-spec-${randomUUID()}`;
  const readModels = new ReadModels(new IncidentProjection(), new CaseProjection());
  const script = new EventScript();
  /** Where each scripted event really went, by event id. */
  const published = new Map<string, MessageSource>();
  const ids: string[] = [];

  const own = { reportingOrganisation: 'org-rebuild-spec', confidentiality: 'confidential' as const, countryCode: 'TV' };
  const a = script.incident({
    ...own,
    occurredOn: '2011-05-04',
    assets: [{ type: 'vehicle', un: true, damage: 'destroyed' }],
    personnel: [],
  });
  const b = script.incident({ ...own, occurredOn: '2011-06-01', personnel: [{ harm: 'killed', status: 'national', count: 2 }] });
  const amendedA = script.emit(
    IncidentAmended,
    {
      ...a,
      version: 3,
      amendedAt: '2011-05-10T00:00:00Z',
      changedFields: ['personnel'],
      personnel: [{ harm: 'wounded', status: 'international', count: 5 }],
    },
    a.incidentId,
  );
  // An older amendment arriving after a newer one changes nothing.
  script.emit(
    IncidentAmended,
    {
      ...a,
      version: 2,
      amendedAt: '2011-05-08T00:00:00Z',
      changedFields: ['personnel'],
      personnel: [{ harm: 'killed', status: 'national', count: 99 }],
    },
    a.incidentId,
  );
  script.emit(
    IncidentRejected,
    { incidentId: b.incidentId, reference: b.reference, version: 2, reason: 'not_credible', rejectedAt: '2011-06-05T00:00:00Z' },
    b.incidentId,
  );
  const x = script.openCase(a);
  const requestedX = script.emit(
    CaseStateRequested,
    {
      ...x.next('2011-06-01'),
      concernedStateCode: 'TV',
      requestedOn: '2011-06-01',
      channel: 'letter',
      acknowledgementDueOn: '2011-06-15',
      firstReportDueOn: '2011-07-01',
    },
    x.caseId,
  );
  const reportedX = script.emit(CaseProgressReported, progressReport(x.next('2011-07-01'), '2011-07-01'), x.caseId);
  script.emit(
    CaseReportOverdue,
    {
      ...x.next('2011-10-01'),
      concernedStateCode: 'TV',
      dueDateId: randomUUID(),
      dueKind: 'progress_report',
      sequence: 2,
      dueOn: '2011-09-29',
      detectedOn: '2011-10-01',
    },
    x.caseId,
  );
  script.emit(
    CaseReferred,
    {
      ...x.next('2011-11-01'),
      concernedStateCode: 'TV',
      referralId: randomUUID(),
      mechanism: 'international_criminal_court',
      status: 'submitted',
      statusOn: '2011-11-01',
    },
    x.caseId,
  );
  script.emit(
    CaseProsecutionUpdated,
    {
      ...x.next('2011-12-01'),
      concernedStateCode: 'TV',
      prosecutionId: randomUUID(),
      accusedCount: 1,
      charges: ['murder'],
      trialStatus: 'charges_filed',
      appeal: 'none',
      statusOn: '2011-12-01',
    },
    x.caseId,
  );
  script.emit(CaseSurvivorSupportUpdated, { ...x.next('2011-12-02'), kind: 'legal_aid', personsSupported: 1, status: 'ongoing' }, x.caseId);
  script.emit(
    CaseCapacitySupportRecorded,
    { ...x.next('2011-12-03'), supportId: randomUUID(), kind: 'technical_assistance', status: 'ongoing', startOn: '2011-12-03' },
    x.caseId,
  );
  const y = script.openCase(b);
  script.emit(CaseIncidentLinked, { ...y.next('2011-06-06'), incidentId: randomUUID(), linkKind: 'related' }, y.caseId);
  script.emit(
    CaseStateRequested,
    {
      ...y.next('2011-06-07'),
      concernedStateCode: 'TV',
      requestedOn: '2011-06-07',
      channel: 'letter',
      acknowledgementDueOn: '2011-06-21',
      firstReportDueOn: '2011-07-07',
    },
    y.caseId,
  );
  const firstPart = script.events.length;
  // Published after the redelivery, the poison and the unknown type: once the live consumer has
  // applied these, it has passed those on their partitions too.
  const verifiedA = script.emit(
    IncidentVerified,
    { incidentId: a.incidentId, reference: a.reference, version: 4, verifiedAt: '2011-05-12T00:00:00Z' },
    a.incidentId,
  );
  const acknowledgedX = script.emit(
    CaseStateAcknowledged,
    { ...x.next('2012-01-02'), concernedStateCode: 'TV', acknowledgedOn: '2012-01-02', daysLate: 200 },
    x.caseId,
  );
  const history = [...script.events];
  /** A progress report for case Y, published while the swap holds the lock. */
  const lateReport = script.emit(CaseProgressReported, progressReport(y.next('2012-02-01'), '2012-02-01'), y.caseId);

  function progressReport(common: ReturnType<typeof x.next>, receivedOn: string): CaseProgressReportedV1 {
    return {
      ...common,
      concernedStateCode: 'TV',
      receivedOn,
      investigationStatus: 'active',
      suspectsIdentified: 1,
      preventionMeasuresReported: false,
      familiesInformed: true,
      daysLate: 0,
      nextReportDueOn: '2011-09-29',
    };
  }

  async function send(topic: string, key: string, value: string, headers: Record<string, string>): Promise<MessageSource> {
    const [written] = await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
    return { topic, partition: written!.partition, offset: written!.baseOffset! };
  }

  /** Publishes a scripted event to its real topic, keyed by its aggregate as the outbox relay does. */
  async function publish({ event, source }: ScriptedEvent): Promise<MessageSource> {
    const { data, datacontenttype: _contentType, ...attributes } = event;
    const written = await send(source.topic, event.subject, JSON.stringify(data), headersOf(attributes));
    published.set(event.id, written);
    return written;
  }

  function contractOf(type: string): EventContract<object> {
    return readModels.contracts.find((contract) => contract.type === type)!;
  }

  function sourceOf(scripted: ScriptedEvent): MessageSource {
    return published.get(scripted.event.id)!;
  }

  async function positionsOf(schema: string): Promise<ReplayTarget> {
    const rows: { topic: string; partition: number; next_offset: string }[] = await dataSource.query(
      `SELECT topic, partition, next_offset::text FROM ${projectionTable(schema, 'projection_position')}`,
    );
    const positions: ReplayTarget = {};
    for (const row of rows) (positions[row.topic] ??= {})[row.partition] = row.next_offset;
    return positions;
  }

  /** This test's rows of every read model but the positions, each table in a stable order. */
  function rowsOf(schema: string): Promise<Record<string, unknown[]>> {
    return readModelRowsOf(dataSource, schema, ids);
  }

  async function dropSchemas(): Promise<void> {
    for (const schema of [...Object.values(schemas), replaySchema]) await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource('public');
    liveSide = await openTestDataSource('public');
    kafka = testKafka('read-model-rebuild-test');
    producer = await kafka.producer();
    await dropSchemas();
    await dataSource.query(`CREATE SCHEMA "${schemas.live}"`);
    await createProjectionTables(dataSource.manager, schemas.live);
    ids.push(a.incidentId, b.incidentId, x.caseId, y.caseId);

    // A fixture that breaks its contract would be skipped by both sides and prove nothing.
    for (const { event } of script.events) await validatePayload(contractOf(event.type), event.data);
    for (const scripted of history.slice(0, firstPart)) await publish(scripted);
    // As the outbox relay republishes after a crash: the same event id at a later offset.
    const { data, datacontenttype: _contentType, ...attributes } = reportedX.event;
    await send(Topics.cases, x.caseId, JSON.stringify(data), headersOf(attributes));
    const header = { ...attributes, id: randomUUID(), subject: a.incidentId };
    await send(
      Topics.incidents,
      a.incidentId,
      JSON.stringify({ incidentId: 'not-a-uuid' }),
      headersOf({ ...header, type: IncidentReported.type }),
    );
    await send(Topics.incidents, a.incidentId, '{}', headersOf({ ...header, type: 'accountability.incident.archived-for-test.v1' }));
    for (const scripted of history.slice(firstPart)) await publish(scripted);

    // The live consumer path of council-reporting, into the spec's schema.
    const transactions = new Transactions(liveSide);
    liveConsumer = new EventConsumer(kafka, transactions, new Inbox('reporting'), {
      groupId: liveGroup,
      topics: [Topics.incidents, Topics.cases],
      handlers: [
        {
          contracts: readModels.contracts,
          handle: async (_payload, event, { topic, partition, offset }) =>
            void (await readModels.applyAll(transactions.manager(), schemas.live, topic, partition, [{ event, offset }])),
        },
      ],
    });
    await liveConsumer.start();
    await eventually(
      async () => {
        const positions = await positionsOf(schemas.live);
        for (const scripted of history) {
          const { topic, partition, offset } = sourceOf(scripted);
          expect(BigInt(positions[topic]?.[partition] ?? '0')).toBeGreaterThan(BigInt(offset));
        }
      },
      { timeoutMs: 90000 },
    );
  });

  afterAll(async () => {
    await liveConsumer?.stop();
    await kafka?.close();
    await liveSide?.query('DELETE FROM reporting.inbox WHERE consumer_group = $1', [liveGroup]);
    await liveSide?.destroy();
    if (dataSource) await dropSchemas();
    await dataSource?.destroy();
  });

  describe('the rebuild, while the live consumer runs', () => {
    let outcome: RebuildOutcome;
    const seen: { live?: Record<string, unknown[]>; rebuilt?: Record<string, unknown[]>; rebuiltTables?: string[] } = {};
    let writer: { blocked: boolean; outcome: Promise<{ applied?: number; error?: unknown }> } | undefined;

    async function tablesIn(schema: string): Promise<string[]> {
      const rows: { oid: string }[] = await dataSource.query(
        `SELECT c.oid::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relname = ANY($2) ORDER BY c.relname`,
        [schema, [...ProjectionTables]],
      );
      return rows.map(({ oid }) => oid);
    }

    beforeAll(async () => {
      const runner = liveSide.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      let reachedLock!: () => void;
      const locked = new Promise<void>((resolve) => (reachedLock = resolve));
      try {
        const rebuilding = rebuildReadModels(dataSource, kafka, readModels, {
          schemas,
          whileLocked: async () => {
            // The live positions are locked, so the live consumer applies nothing until the swap commits.
            seen.live = await rowsOf(schemas.live);
            seen.rebuilt = await rowsOf(schemas.rebuild);
            seen.rebuiltTables = await tablesIn(schemas.rebuild);
            const source = await publish(lateReport);
            const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
            writer = {
              blocked: false,
              outcome: readModels
                .applyAll(runner.manager, schemas.live, source.topic, source.partition, [
                  { event: lateReport.event, offset: source.offset },
                ])
                .then(
                  (applied) => ({ applied }),
                  (error: unknown) => ({ error }),
                ),
            };
            await eventually(async () => {
              const [activity] = await dataSource.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]);
              expect(activity.wait_event_type).toBe('Lock');
            });
            writer.blocked = true;
            reachedLock();
          },
        });
        await Promise.race([locked, rebuilding]);
        // The writer goes on once the swap commits, and ends before the rebuild drops the old tables.
        await writer!.outcome;
        await runner.commitTransaction();
        outcome = await rebuilding;
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    });

    it('builds the same rows as the live consumer did, for every read model', async () => {
      expect(seen.rebuilt).toEqual(seen.live);
      // Every read model holds rows of this history: no table is compared empty.
      expect(Object.entries(seen.live!).filter(([, rows]) => rows.length === 0)).toEqual([]);
      expect(outcome.progress.skipped).toBeGreaterThanOrEqual(1);
      expect(outcome.progress.duplicates).toBeGreaterThanOrEqual(1);
      expect(outcome.progress.applied[Topics.incidents]).toBeGreaterThanOrEqual(5);
      expect(outcome.progress.applied[Topics.cases]).toBeGreaterThanOrEqual(12);
    });

    it('swaps the rebuilt tables in and leaves no rebuild or retired schema behind', async () => {
      const left = await dataSource.query('SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)', [[schemas.rebuild, schemas.retired]]);
      expect(left).toEqual([]);
      expect(outcome.swappedInto).toBe(schemas.live);
      expect(await tablesIn(schemas.live)).toEqual(seen.rebuiltTables);
      // Caught up with the live consumer: no partition behind where it stood at the swap.
      const positions = await positionsOf(schemas.live);
      for (const [topic, partitions] of Object.entries(outcome.livePositions)) {
        for (const [partition, nextOffset] of Object.entries(partitions)) {
          expect({ topic, partition, behind: BigInt(positions[topic]![Number(partition)]!) < BigInt(nextOffset) }).toEqual({
            topic,
            partition,
            behind: false,
          });
        }
      }
    });

    it('lets a live writer blocked by the swap apply its event once, into the new tables', async () => {
      expect(writer?.blocked).toBe(true);
      expect(await writer!.outcome).not.toHaveProperty('error');
      // The live consumer reads the same event too; the positions keep it from a second effect.
      await eventually(async () => {
        const claimed = await dataSource.query('SELECT 1 FROM reporting.inbox WHERE consumer_group = $1 AND event_id = $2', [
          liveGroup,
          lateReport.event.id,
        ]);
        expect(claimed).toHaveLength(1);
      });
      const expected = structuredClone(seen.live!);
      const stateOfY = expected.case_state!.find((row) => (row as { case_id: string }).case_id === y.caseId) as Record<string, unknown>;
      Object.assign(stateOfY, { reports_received: (stateOfY.reports_received as number) + 1, last_report_on: '2012-02-01' });
      expect(await rowsOf(schemas.live)).toEqual(expected);
    });
  });

  it('replays to given positions and applies nothing at or past them, then goes on to later ones', async () => {
    await dataSource.query(`CREATE SCHEMA "${replaySchema}"`);
    await createProjectionTables(dataSource.manager, replaySchema);
    const replay = new TopicReplay(kafka, dataSource, readModels, { schema: replaySchema });
    try {
      expect(await replay.replayTo({})).toEqual({ applied: { [Topics.incidents]: 0, [Topics.cases]: 0 }, skipped: 0, duplicates: 0 });

      // A watermark taken after A was reported and X opened, before A's amendment and X's request.
      const atA = sourceOf(amendedA);
      const atX = sourceOf(requestedX);
      await replay.replayTo({ [atA.topic]: { [atA.partition]: atA.offset }, [atX.topic]: { [atX.partition]: atX.offset } });
      const [incident] = await dataSource.query(
        `SELECT version, status FROM ${projectionTable(replaySchema, 'incident_summary')} WHERE incident_id = $1`,
        [a.incidentId],
      );
      expect(incident).toEqual({ version: 1, status: 'reported' });
      const [state] = await dataSource.query(`SELECT requested_on FROM ${projectionTable(replaySchema, 'case_state')} WHERE case_id = $1`, [
        x.caseId,
      ]);
      expect(state).toEqual({ requested_on: null });
      const positions = await positionsOf(replaySchema);
      expect(positions[atA.topic]?.[atA.partition]).toBeDefined();
      expect(positions[atX.topic]?.[atX.partition]).toBeDefined();
      // Partitions the watermark leaves out are not read at all.
      for (const [topic, partitions] of Object.entries(positions)) {
        for (const [partition, nextOffset] of Object.entries(partitions)) {
          const target = topic === atA.topic ? atA : atX;
          expect({ topic, partition: Number(partition) }).toEqual({ topic: target.topic, partition: target.partition });
          expect(BigInt(nextOffset)).toBeLessThanOrEqual(BigInt(target.offset));
        }
      }

      const afterA = sourceOf(verifiedA);
      const afterX = sourceOf(acknowledgedX);
      await replay.replayTo({
        [afterA.topic]: { [afterA.partition]: String(BigInt(afterA.offset) + 1n) },
        [afterX.topic]: { [afterX.partition]: String(BigInt(afterX.offset) + 1n) },
      });
      const [verified] = await dataSource.query(
        `SELECT version, status FROM ${projectionTable(replaySchema, 'incident_summary')} WHERE incident_id = $1`,
        [a.incidentId],
      );
      expect(verified).toEqual({ version: 4, status: 'verified' });
      const [reported] = await dataSource.query(
        `SELECT reports_received FROM ${projectionTable(replaySchema, 'case_state')} WHERE case_id = $1`,
        [x.caseId],
      );
      // Once, though the report was delivered twice.
      expect(reported).toEqual({ reports_received: 1 });
    } finally {
      await replay.close();
    }
  });
});
