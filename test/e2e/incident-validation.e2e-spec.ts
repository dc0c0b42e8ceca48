import request from 'supertest';
import { encodeCursor } from '#database';
import type { DataSource } from 'typeorm';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { openTestDataSource } from '../support/database.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

const base = reportIncidentBody();
const victim = { name: 'V', harm: 'killed', status: 'national' };

/** `value` inside `depth` lists: [[[value]]]. */
function nested(depth: number, value: unknown): unknown[] {
  let list: unknown[] = [value];
  for (let level = 1; level < depth; level++) list = [list];
  return list;
}

/** [rule, body, status, fields named in details] — one line per validation rule of POST /incidents. */
const rules: [string, Record<string, unknown>, 400 | 422, string[]][] = [
  ['unknown field', { ...base, victimName: 'x' }, 400, ['victimName']],
  ['missing required field', { ...base, meansOfAttack: undefined }, 400, ['meansOfAttack']],
  ['country not ISO 3166-1', { ...base, countryCode: 'XX' }, 400, ['countryCode']],
  ['lower-case country code', { ...base, countryCode: 'sd' }, 400, ['countryCode']],
  ['concerned State not ISO 3166-1', { ...base, concernedStateCode: 'ZZ' }, 400, ['concernedStateCode']],
  ['date not in an ISO form', { ...base, occurredOn: '14/03/2026' }, 400, ['occurredOn']],
  ['unknown date precision', { ...base, occurredOnPrecision: 'week' }, 400, ['occurredOnPrecision']],
  ['date in the future', { ...base, occurredOn: '2099-01-01' }, 422, ['occurredOn']],
  ['day that does not exist', { ...base, occurredOn: '2026-02-30' }, 422, ['occurredOn']],
  ['date finer than its precision', { ...base, occurredOn: '2026-02-03', occurredOnPrecision: 'year' }, 422, ['occurredOn']],
  ['latitude out of range', { ...base, coordinates: { latitude: 91, longitude: 0, precision: 'exact' } }, 400, ['coordinates.latitude']],
  [
    'longitude out of range',
    { ...base, coordinates: { latitude: 0, longitude: -181, precision: 'exact' } },
    400,
    ['coordinates.longitude'],
  ],
  ['latitude as a string', { ...base, coordinates: { latitude: '0', longitude: 0, precision: 'exact' } }, 400, ['coordinates.latitude']],
  ['a breakdown that is a list', { ...base, affiliationBreakdown: [[{ un: 1 }]] }, 400, ['affiliationBreakdown']],
  [
    'unknown coordinate precision',
    { ...base, coordinates: { latitude: 0, longitude: 0, precision: 'gps' } },
    400,
    ['coordinates.precision'],
  ],
  ['unknown location type', { ...base, locationType: 'orbit' }, 400, ['locationType']],
  ['unknown means of attack', { ...base, meansOfAttack: 'poison' }, 400, ['meansOfAttack']],
  ['unknown attack context', { ...base, attackContext: 'duel' }, 400, ['attackContext']],
  ['unknown motive', { ...base, motive: 'boredom' }, 400, ['motive']],
  ['unknown perpetrator category', { ...base, perpetratorCategory: 'aliens' }, 400, ['perpetratorCategory']],
  ['negative count', { ...base, personnel: [{ harm: 'killed', status: 'national', count: -1 }] }, 400, ['personnel.0.count']],
  ['fractional count', { ...base, personnel: [{ harm: 'killed', status: 'national', count: 1.5 }] }, 400, ['personnel.0.count']],
  ['unknown harm', { ...base, personnel: [{ harm: 'eaten', status: 'national', count: 1 }] }, 400, ['personnel.0.harm']],
  ['unknown personnel status', { ...base, personnel: [{ harm: 'killed', status: 'local', count: 1 }] }, 400, ['personnel.0.status']],
  [
    'unknown affiliation',
    { ...base, personnel: [{ harm: 'killed', status: 'national', affiliation: 'club', count: 1 }] },
    400,
    ['personnel.0.affiliation'],
  ],
  [
    'category counted twice',
    {
      ...base,
      personnel: [
        { harm: 'killed', status: 'national', count: 1 },
        { harm: 'killed', status: 'national', count: 2 },
      ],
    },
    422,
    ['personnel.1'],
  ],
  ['declared total that does not add up', { ...base, declaredTotals: { killed: 5, national: 5 } }, 422, ['declaredTotals.killed']],
  ['negative declared total', { ...base, declaredTotals: { affected: -1 } }, 400, ['declaredTotals.affected']],
  ['negative breakdown', { ...base, genderBreakdown: { female: -2 } }, 400, ['genderBreakdown.female']],
  ['unknown asset type', { ...base, assets: [{ type: 'castle', un: true, damage: 'light' }] }, 400, ['assets.0.type']],
  ['asset UN flag not boolean', { ...base, assets: [{ type: 'vehicle', un: 'yes', damage: 'light' }] }, 400, ['assets.0.un']],
  ['unknown damage level', { ...base, assets: [{ type: 'vehicle', un: true, damage: 'total' }] }, 400, ['assets.0.damage']],
  ['unknown source reliability', { ...base, sources: [{ name: 'Media', reliability: 'gossip' }] }, 400, ['sources.0.reliability']],
  ['empty source name', { ...base, sources: [{ name: '', reliability: 'doubtful' }] }, 400, ['sources.0.name']],
  ['unknown confidentiality', { ...base, confidentiality: 'top-secret' }, 400, ['confidentiality']],
  ['unknown source verification', { ...base, sourceVerification: 'maybe' }, 400, ['sourceVerification']],
  ['narrative too long', { ...base, narrative: 'x'.repeat(20001) }, 400, ['narrative']],
  ['year 0000', { ...base, occurredOn: '0000-01-01' }, 422, ['occurredOn']],
  ['year 0001 (read as 2001 before)', { ...base, occurredOn: '0001-01-01' }, 422, ['occurredOn']],
  ['a year before 1900', { ...base, occurredOn: '1899', occurredOnPrecision: 'year' }, 422, ['occurredOn']],
  ['a personnel entry that is a list', { ...base, personnel: [[]] }, 400, ['personnel']],
  ['lists nested in personnel', { ...base, personnel: nested(40, { harm: 'killed', status: 'national', count: 1 }) }, 400, ['personnel']],
  ['protected victims nested in lists', { ...base, protected: { victims: nested(40, victim) } }, 400, ['protected.victims']],
  [
    'protected victim with unknown harm',
    { ...base, protected: { victims: [{ ...victim, harm: 'eaten' }] } },
    400,
    ['protected.victims.0.harm'],
  ],
  [
    'protected field not allowed',
    { ...base, protected: { victims: [{ ...victim, passport: 'P1' }] } },
    400,
    ['protected.victims.0.passport'],
  ],
];

describe('POST /incidents refuses bad input, naming each wrong field, and writes nothing', () => {
  let intake: RunningService;
  let dataSource: DataSource;
  const officer = tokenFor('officer');

  async function written(): Promise<number[]> {
    const [{ incidents, outbox }] = await dataSource.query(
      'SELECT (SELECT count(*)::int FROM intake.incident) AS incidents, (SELECT count(*)::int FROM intake.outbox) AS outbox',
    );
    return [incidents, outbox];
  }

  beforeAll(async () => {
    intake = await startService('incident-intake');
    dataSource = await openTestDataSource('intake');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await intake.stop();
  });

  it.each(rules)('%s → %s', async (_rule, body, status, fields) => {
    const before = await written();
    const response = await request(intake.url).post('/incidents').set('Authorization', `Bearer ${officer}`).send(body).expect(status);
    expect(response.body).toMatchObject({
      statusCode: status,
      error: status === 400 ? 'Bad Request' : 'Unprocessable Entity',
      message: expect.any(String),
    });
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual(fields);
    expect(response.body.details.every((detail: { problems: string[] }) => detail.problems.length > 0)).toBe(true);
    expect(await written()).toEqual(before);
  });

  it.each([
    ['an impossible from', { from: '2026-02-30' }, 'from'],
    ['a thirteenth month', { to: '2026-13-01' }, 'to'],
    ['a cursor with an id that is no UUID', { cursor: encodeCursor('2026-01-01', 'x') }, 'cursor'],
    [
      'a cursor with a sort value of another shape',
      { cursor: encodeCursor("1' OR '1'='1", '01a226d8-0418-731e-a930-cef436a2f0ab') },
      'cursor',
    ],
  ])('GET /incidents refuses %s with 400', async (_what, query, field) => {
    const response = await request(intake.url).get('/incidents').query(query).set('Authorization', `Bearer ${officer}`).expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
  });

  it('accepts the base body, so each refusal above is caused by its one change', async () => {
    await request(intake.url).post('/incidents').set('Authorization', `Bearer ${officer}`).send(base).expect(201);
  });
});
