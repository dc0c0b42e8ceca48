import type { DataSource } from 'typeorm';
import { CaseProgressReported, IncidentAmended, IncidentVerified, type IncidentSnapshotV1 } from '#contracts';
import { CaseProjection } from '../../apps/council-reporting/src/projections/infrastructure/case-projection.js';
import { IncidentProjection } from '../../apps/council-reporting/src/projections/infrastructure/incident-projection.js';
import { createProjectionTables, projectionTable } from '../../apps/council-reporting/src/projections/infrastructure/projection-tables.js';
import { ReadModels } from '../../apps/council-reporting/src/projections/infrastructure/read-models.js';
import { EventScript, type ScriptedEvent } from '../factories/reporting-events.factory.js';
import { openTestDataSource } from '../support/database.js';
import { readModelRowsOf } from '../support/read-model-rows.js';

const oneByOne = 'reporting_positions_spec_single';
const batched = 'reporting_positions_spec_batched';

/**
 * `ReadModels.applyAll` on lists of events of one partition, as the rebuild hands them over,
 * against the same events applied one per transaction, as the live consumer does. Each test
 * scripts its own incidents and cases, and reads back only those.
 */
describe('read models applied a batch at a time (real PostgreSQL)', () => {
  let dataSource: DataSource;
  const readModels = new ReadModels(new IncidentProjection(), new CaseProjection());

  beforeAll(async () => {
    dataSource = await openTestDataSource('public');
    for (const schema of [oneByOne, batched]) {
      await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await dataSource.query(`CREATE SCHEMA ${schema}`);
      await createProjectionTables(dataSource.manager, schema);
    }
  });

  afterAll(async () => {
    for (const schema of [oneByOne, batched]) await dataSource?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource?.destroy();
  });

  /** The events of one topic, in one transaction; the topic is renamed so that each test has partitions of its own. */
  function applyAll(schema: string, topic: string, events: readonly ScriptedEvent[]): Promise<number> {
    return dataSource.transaction((manager) =>
      readModels.applyAll(
        manager,
        schema,
        topic,
        0,
        events.map(({ event, source }) => ({ event, offset: source.offset })),
      ),
    );
  }

  async function nextOffset(schema: string, topic: string): Promise<string | undefined> {
    const [row] = await dataSource.query(
      `SELECT next_offset::text AS next FROM ${projectionTable(schema, 'projection_position')} WHERE topic = $1 AND partition = 0`,
      [topic],
    );
    return (row as { next: string } | undefined)?.next;
  }

  const topicOf = (name: string) => `positions-spec.${name}.${Math.random().toString(36).slice(2)}`;

  it('applies only the events at or past the position in a batch that overlaps what was applied', async () => {
    const script = new EventScript();
    const incident = script.incident({ personnel: [] });
    const opened = script.openCase(incident);
    const reports = [1, 2, 3, 4].map((n) =>
      script.emit(
        CaseProgressReported,
        {
          ...opened.next(`2023-0${n}-01`),
          concernedStateCode: incident.concernedStateCode,
          receivedOn: `2023-0${n}-01`,
          investigationStatus: 'active',
          suspectsIdentified: 0,
          preventionMeasuresReported: false,
          familiesInformed: true,
          daysLate: 0,
          nextReportDueOn: '2023-12-01',
        },
        opened.caseId,
      ),
    );
    const caseEvents = script.events.filter(({ source }) => source.topic === reports[0]!.source.topic);
    const topic = topicOf('cases');

    expect(await applyAll(batched, topic, caseEvents.slice(0, 3))).toBe(3);
    expect(await nextOffset(batched, topic)).toBe(String(Number(caseEvents[2]!.source.offset) + 1));
    // Redelivered from the second event on: the two already applied must not count twice.
    expect(await applyAll(batched, topic, caseEvents.slice(1))).toBe(2);
    expect(await nextOffset(batched, topic)).toBe(String(Number(caseEvents.at(-1)!.source.offset) + 1));
    // All of it again: nothing is applied, and the position stays.
    expect(await applyAll(batched, topic, caseEvents)).toBe(0);
    expect(await nextOffset(batched, topic)).toBe(String(Number(caseEvents.at(-1)!.source.offset) + 1));

    const [state] = await dataSource.query(
      `SELECT reports_received, last_report_on::text FROM ${projectionTable(batched, 'case_state')} WHERE case_id = $1`,
      [opened.caseId],
    );
    expect(state).toEqual({ reports_received: reports.length, last_report_on: '2023-04-01' });
  });

  it('refuses events out of offset order, and applies nothing of them', async () => {
    const script = new EventScript();
    script.incident({ personnel: [] });
    script.incident({ personnel: [] });
    const topic = topicOf('incidents');
    await expect(applyAll(batched, topic, [...script.events].reverse())).rejects.toThrow(/ascending offset order/);
    expect(await nextOffset(batched, topic)).toBeUndefined();
  });

  it('builds the same rows from batches as from one event per transaction, whatever order the versions arrive in', async () => {
    const script = new EventScript();
    const killed = [{ harm: 'killed' as const, status: 'national' as const, count: 2 }];
    const a = script.incident({ personnel: killed, assets: [{ type: 'vehicle', un: true, damage: 'destroyed' }] });
    const b = script.incident({ personnel: [] });
    const c = script.incident({ personnel: killed });
    const amend = (incident: IncidentSnapshotV1, version: number, count: number) =>
      script.emit(
        IncidentAmended,
        {
          ...incident,
          version,
          amendedAt: `2023-03-0${version}T00:00:00Z`,
          changedFields: ['personnel'],
          personnel: [{ harm: 'wounded', status: 'international', count }],
          assets: [],
        },
        incident.incidentId,
      );
    // A's newer amendment, then an older one in the same batch: the newer one stands.
    amend(a, 3, 5);
    amend(a, 2, 99);
    // B verified, then amended to a later version: both in order.
    script.emit(
      IncidentVerified,
      { incidentId: b.incidentId, reference: b.reference, version: 2, verifiedAt: '2023-03-01T00:00:00Z' },
      b.incidentId,
    );
    amend(b, 3, 1);
    // C amended twice at the same version: the first one stands, as it does one by one.
    amend(c, 2, 7);
    amend(c, 2, 8);
    const ids = [a.incidentId, b.incidentId, c.incidentId];
    const topic = topicOf('incidents');

    for (const scripted of script.events) await applyAll(oneByOne, topic, [scripted]);
    // Split so that a batch also amends incidents an earlier batch reported.
    expect(await applyAll(batched, topic, script.events.slice(0, 2))).toBe(2);
    expect(await applyAll(batched, topic, script.events.slice(2))).toBe(script.events.length - 2);

    const rows = await readModelRowsOf(dataSource, batched, ids);
    expect(rows).toEqual(await readModelRowsOf(dataSource, oneByOne, ids));
    expect(await nextOffset(batched, topic)).toBe(await nextOffset(oneByOne, topic));
    // What one by one gives is the intended state, not an accident both share.
    expect(rows.personnel_figure).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ incident_id: a.incidentId, harm: 'wounded', count: 5 }),
        expect.objectContaining({ incident_id: c.incidentId, harm: 'wounded', count: 7 }),
      ]),
    );
    expect(rows.personnel_figure).toHaveLength(3);
    expect(rows.asset_figure).toEqual([]);
  });
});
