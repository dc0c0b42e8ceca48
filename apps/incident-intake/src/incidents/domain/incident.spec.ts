import { IncidentReported } from '#contracts';
import { InconsistentInputError } from '#domain';
import { incidentFacts, personnelCount } from '../../../../../test/factories/incident-facts.factory.js';
import { Incident } from './incident.js';

const clock = { now: () => new Date('2026-11-29T12:00:00Z') };

describe('Incident.report', () => {
  it('records incident.reported with ids, categories, counts and dates only', () => {
    const sut = Incident.report(incidentFacts(), clock);

    const [event] = sut.pullEvents();
    expect(event.contract).toBe(IncidentReported);
    expect(event.aggregateId).toBe(sut.id);
    expect(event.payload).toEqual({
      incidentId: sut.id,
      reference: 'INC-2026-000001',
      countryCode: 'SD',
      concernedStateCode: 'SD',
      occurredOn: '2026-03-14',
      occurredOnPrecision: 'day',
      reportedAt: '2026-11-29T12:00:00.000Z',
      reportingOrganisation: 'org-a',
      personnel: [{ harm: 'killed', status: 'national', count: 2 }],
    });
    expect(JSON.stringify(event.payload)).not.toContain('officer-1');
    expect(sut.pullEvents()).toEqual([]);
  });

  it.each([
    [undefined, 'SD'],
    ['TD', 'TD'],
  ])('takes concernedStateCode %s as %s', (given, expected) => {
    const sut = Incident.report(incidentFacts({ concernedStateCode: given }), clock);
    expect(sut.concernedStateCode).toBe(expected);
  });

  it('rejects a category counted twice, naming the repeated entry', () => {
    const personnel = [personnelCount(), personnelCount({ harm: 'killed' }), personnelCount()];
    const attempt = () => Incident.report(incidentFacts({ personnel }), clock);
    expect(attempt).toThrow(InconsistentInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as InconsistentInputError).details).toEqual([
        { field: 'personnel.2', problems: [expect.stringContaining('personnel.0')] },
      ]);
    }
  });

  it('keeps national and international counts of the same harm apart', () => {
    const personnel = [personnelCount({ status: 'national' }), personnelCount({ status: 'international' })];
    expect(Incident.report(incidentFacts({ personnel }), clock).personnel).toHaveLength(2);
  });

  it('refuses a date in the future', () => {
    expect(() => Incident.report(incidentFacts({ occurredOn: '2026-12-01' }), clock)).toThrow(/in the future/);
  });
});
