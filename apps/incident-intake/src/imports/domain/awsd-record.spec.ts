import { AttackContexts, LocationTypes, MeansOfAttack, Motives, PerpetratorCategories, SourceVerificationStatuses } from '#contracts';
import type { IncidentDetails } from '../../incidents/domain/incident-details.js';
import { mapAwsdRecord, RequiredAwsdColumns, type AwsdMapping, type AwsdRecord } from './awsd-record.js';
import {
  AwsdActorTypes,
  AwsdAttackContexts,
  AwsdLocations,
  AwsdMeansOfAttack,
  AwsdMotives,
  AwsdColumns,
  AwsdDetainedColumns,
  AwsdVerification,
  type AwsdColumn,
  type AwsdLabels,
} from './awsd-vocabulary.js';

/** Record 5 of awsd-sample-hxl.csv (44 columns). */
function awsdRecord(overrides: Partial<Record<AwsdColumn, string>> = {}): AwsdRecord {
  return {
    'Incident ID': '5',
    Year: '2023',
    Month: '10',
    Day: '26',
    'Country Code': 'YE',
    Country: 'Yemen',
    Region: '',
    District: '',
    City: '',
    UN: '0',
    INGO: '0',
    ICRC: '1',
    'NRCS and IFRC': '1',
    NNGO: '0',
    Other: '1',
    'Nationals killed': '0',
    'Nationals wounded': '2',
    'Nationals kidnapped': '0',
    'Nationals detained': '1',
    'Total nationals': '3',
    'Internationals killed': '0',
    'Internationals wounded': '0',
    'Internationals kidnapped': '0',
    'Internationals detained': '0',
    'Total internationals': '0',
    'Total killed': '0',
    'Total wounded': '2',
    'Total kidnapped': '0',
    'Total detained': '1',
    'Total affected': '3',
    'Gender Male': '3',
    'Gender Female': '0',
    'Gender Unknown': '0',
    'Means of attack': 'Complex attack',
    'Attack context': 'Ambush',
    Location: 'Custody',
    Latitude: '14.65345',
    Longitude: '43.421149',
    Motive: 'Unknown',
    'Actor type': 'Host State',
    'Actor name': 'Unknown',
    Details: 'Synthetic record 5: 3 national staff affected in Yemen.',
    Verified: 'Pending',
    Source: 'Media',
    ...overrides,
  };
}

/** The 41-column layout has no detained columns at all. */
function awsdRecordWithoutDetained(overrides: Partial<Record<AwsdColumn, string>> = {}): AwsdRecord {
  const {
    'Nationals detained': _nationals,
    'Internationals detained': _internationals,
    'Total detained': _total,
    ...record
  } = awsdRecord({ 'Total nationals': '2', 'Total affected': '2', ...overrides });
  return record;
}

function detailsOf(mapping: AwsdMapping): IncidentDetails {
  if (!mapping.ok) throw new Error(`expected the record to map, got ${JSON.stringify(mapping.problems)}`);
  return mapping.details;
}

/** The field as an object, empty when the details leave it out. */
function fieldOf(details: IncidentDetails, field: keyof IncidentDetails): Partial<IncidentDetails> {
  return Object.hasOwn(details, field) ? { [field]: details[field] } : {};
}

describe('mapAwsdRecord', () => {
  it('maps a complete record', () => {
    const sut = mapAwsdRecord(awsdRecord());

    expect(sut).toStrictEqual({
      ok: true,
      externalId: '5',
      details: {
        occurredOn: '2023-10-26',
        occurredOnPrecision: 'day',
        countryCode: 'YE',
        coordinates: { latitude: 14.65345, longitude: 43.421149, precision: 'approximate' },
        locationType: 'custody',
        meansOfAttack: 'complex_attack',
        attackContext: 'ambush',
        motive: 'unknown',
        personnel: [
          { harm: 'wounded', status: 'national', count: 2 },
          { harm: 'detained', status: 'national', count: 1 },
        ],
        affiliationBreakdown: { un: 0, ingo: 0, icrc: 1, ifrc_national_society: 1, national_ngo: 0, other: 1 },
        genderBreakdown: { male: 3, female: 0, unknown: 0 },
        declaredTotals: { national: 3, international: 0, killed: 0, wounded: 2, kidnapped: 0, detained: 1, affected: 3 },
        assets: [],
        perpetratorCategory: 'host_state_forces',
        narrative: 'Synthetic record 5: 3 national staff affected in Yemen.',
        sources: [{ name: 'Media', reliability: 'cannot_be_judged' }],
        confidentiality: 'public',
        sourceVerification: 'pending',
      },
      dropped: [],
    });
  });

  it.each([
    ['2021', '12', '12', '2021-12-12', 'day'],
    ['2021', '3', '5', '2021-03-05', 'day'],
    [' 2021 ', '03 ', ' 05', '2021-03-05', 'day'],
    ['2021', '3', '', '2021-03', 'month'],
    ['2021', '', '', '2021', 'year'],
    // Impossible days and future dates are the domain's to refuse.
    ['2023', '2', '31', '2023-02-31', 'day'],
    ['2999', '1', '1', '2999-01-01', 'day'],
  ])('reads Year %j, Month %j, Day %j as %s (%s)', (Year, Month, Day, occurredOn, occurredOnPrecision) => {
    const sut = detailsOf(mapAwsdRecord(awsdRecord({ Year, Month, Day })));
    expect(sut).toMatchObject({ occurredOn, occurredOnPrecision });
  });

  it.each<[AwsdColumn, string, string]>([
    ['Incident ID', ' ', 'is required'],
    ['Incident ID', 'x'.repeat(65), 'is 65 characters long, more than 64'],
    ['Incident ID', '5\u0000', 'contains NUL (\\u0000) characters'],
    ['Year', '', 'is required'],
    ['Year', '23', "'23' is not a four-digit year"],
    ['Year', '2023a', "'2023a' is not a four-digit year"],
    ['Month', '13', '13 is not from 1 to 12'],
    ['Month', '0', '0 is not from 1 to 12'],
    ['Month', 'Oct', "'Oct' is not a whole number of 0 or more"],
    ['Day', '32', '32 is not from 1 to 31'],
    ['Country Code', 'XX', "'XX' is not an ISO 3166-1 alpha-2 code"],
    ['Country Code', 'Yemen', "'YEMEN' is not an ISO 3166-1 alpha-2 code"],
    ['Nationals killed', '-1', "'-1' is not a whole number of 0 or more"],
    ['Internationals wounded', '1.5', "'1.5' is not a whole number of 0 or more"],
    ['Nationals detained', 'two', "'two' is not a whole number of 0 or more"],
    ['Total killed', 'n/a', "'n/a' is not a whole number of 0 or more"],
    ['Total affected', '3 ppl', "'3 ppl' is not a whole number of 0 or more"],
  ])('refuses the row for a damaged required %s (%#)', (column, value, problem) => {
    const sut = mapAwsdRecord(awsdRecord({ [column]: value }));
    expect(sut).toMatchObject({ ok: false, problems: [{ field: column, problems: [problem] }] });
  });

  it.each<[AwsdColumn, string, string, keyof IncidentDetails | 'perpetratorName', unknown]>([
    ['Latitude', '11.329.444', "'11.329.444' is not a number from -90 to 90", 'coordinates', undefined],
    ['Longitude', '43.421.149', "'43.421.149' is not a number from -180 to 180", 'coordinates', undefined],
    ['Latitude', '90.5', "'90.5' is not a number from -90 to 90", 'coordinates', undefined],
    ['Latitude', 'N14', "'N14' is not a number from -90 to 90", 'coordinates', undefined],
    ['Longitude', '-180.1', "'-180.1' is not a number from -180 to 180", 'coordinates', undefined],
    ['Longitude', '', 'is blank but Latitude is given', 'coordinates', undefined],
    ['Region', 'R'.repeat(201), 'is 201 characters long, more than 200', 'adminLevel1', undefined],
    ['District', 'Ansongo\u0000', 'contains NUL (\\u0000) characters', 'adminLevel2', undefined],
    ['City', 'C'.repeat(201), 'is 201 characters long, more than 200', 'locality', undefined],
    ['Actor name', 'Group\u0000X', 'contains NUL (\\u0000) characters', 'perpetratorName', undefined],
    ['Details', 'D'.repeat(20001), 'is 20001 characters long, more than 20000', 'narrative', undefined],
    ['Source', 'S'.repeat(201), 'is 201 characters long, more than 200', 'sources', []],
    [
      'Location',
      'Street',
      "'Street' is not a known value; known: Road, Office/compound, Project site, Home, Public location, Custody, Unknown",
      'locationType',
      'unknown',
    ],
    [
      'Means of attack',
      'Drone',
      "'Drone' is not a known value; known: Shooting, Kidnapping, Bodily assault, Aerial bombardment, Shelling, Kidnap-killing, Roadside IED, Vehicle-born IED, Body-borne IED, Other Explosives, Landmine, Complex attack, Rape/sexual assault, Detention, Unknown",
      'meansOfAttack',
      'unknown',
    ],
    [
      'Attack context',
      'Siege',
      "'Siege' is not a known value; known: Ambush, Individual attack, Combat/Crossfire, Raid, Mob violence, Detention, Unknown",
      'attackContext',
      'unknown',
    ],
    [
      'Motive',
      'Revenge',
      "'Revenge' is not a known value; known: Political, Economic, Disputed, Incidental, Other, Unknown",
      'motive',
      undefined,
    ],
    [
      'Actor type',
      'Rebels',
      "'Rebels' is not a known value; known: Host State, Foreign or coalition forces, Police or paramilitary, State: unknown, Non-state armed group: Global, Non-state armed group: Regional, Non-state armed group: National, Non-state armed group: Subnational, Non-state armed group: Unknown, Criminal, Unaffiliated, Aid recipient, Staff member, Unknown",
      'perpetratorCategory',
      'unknown',
    ],
    ['Verified', 'No', "'No' is not a known value; known: Yes, Pending, Archived", 'sourceVerification', undefined],
    [
      'NRCS and IFRC',
      '?',
      "'?' is not a whole number of 0 or more",
      'affiliationBreakdown',
      { un: 0, ingo: 0, icrc: 1, national_ngo: 0, other: 1 },
    ],
    ['Gender Female', '1e2', "'1e2' is not a whole number of 0 or more", 'genderBreakdown', { male: 3, unknown: 0 }],
  ])('keeps the row without a damaged optional %s, leaving out its value (%#)', (column, value, problem, field, kept) => {
    const sut = mapAwsdRecord(awsdRecord({ [column]: value }));
    if (!sut.ok) throw new Error(`expected the record to be kept, got ${JSON.stringify(sut.problems)}`);
    expect(sut.dropped).toStrictEqual([{ field: column, problems: [problem] }]);
    const actual = field === 'perpetratorName' ? sut : sut.details;
    expect(Object.hasOwn(actual, field) ? actual[field as keyof typeof actual] : undefined).toStrictEqual(kept);
  });

  it('keeps the harm counts, date and country of a row whose coordinates a locale round-trip damaged', () => {
    const sut = mapAwsdRecord(awsdRecord({ Latitude: '11.329.444', Longitude: '43.421.149' }));
    expect(sut).toMatchObject({
      ok: true,
      details: { occurredOn: '2023-10-26', countryCode: 'YE', declaredTotals: { affected: 3 } },
      dropped: [{ field: 'Latitude' }, { field: 'Longitude' }],
    });
    expect(detailsOf(sut)).not.toHaveProperty('coordinates');
  });

  it('treats as required only the id, the date, the country and the harm counts', () => {
    const optional = [...AwsdColumns, ...AwsdDetainedColumns].filter((column) => !RequiredAwsdColumns.has(column));
    expect(optional.join(', ')).toBe(
      'Region, District, City, UN, INGO, ICRC, NRCS and IFRC, NNGO, Other, Gender Male, Gender Female, Gender Unknown, ' +
        'Means of attack, Attack context, Location, Latitude, Longitude, Motive, Actor type, Actor name, Details, Verified, Source',
    );
  });

  describe('country', () => {
    it.each<[string, string, string]>([
      ['XK', 'Kosovo', 'XK'],
      ['xk', '', 'XK'],
      ['PS', 'Occupied Palestinian Territories', 'PS'],
      ['', 'Kosovo', 'XK'],
      ['', 'Occupied Palestinian Territories', 'PS'],
      ['', 'occupied Palestinian territory', 'PS'],
      ['', ' Palestine ', 'PS'],
      ['', 'State of Palestine', 'PS'],
      ['', 'Western Sahara', 'EH'],
      ['', 'Hong Kong', 'HK'],
    ])('reads Country Code %j with Country %j as %s', (code, name, countryCode) => {
      expect(detailsOf(mapAwsdRecord(awsdRecord({ 'Country Code': code, Country: name })))).toMatchObject({ countryCode });
    });

    it.each<[string, string, AwsdColumn, string]>([
      ['', '', 'Country Code', 'is required: the row names no country'],
      [' ', ' ', 'Country Code', 'is required: the row names no country'],
      ['', 'Atlantis', 'Country', "'Atlantis' has no Country Code and is not a territory whose code is known; fill in Country Code"],
      ['XQ', 'Kosovo', 'Country Code', "'XQ' is not an ISO 3166-1 alpha-2 code"],
    ])('refuses Country Code %j with Country %j', (code, name, field, problem) => {
      expect(mapAwsdRecord(awsdRecord({ 'Country Code': code, Country: name }))).toMatchObject({
        ok: false,
        problems: [{ field, problems: [problem] }],
      });
    });
  });

  it('refuses a Day without a Month', () => {
    expect(mapAwsdRecord(awsdRecord({ Month: '', Day: '5' }))).toMatchObject({
      ok: false,
      problems: [{ field: 'Day', problems: ['is given but Month is blank'] }],
    });
  });

  it('names the record it refuses, unless its Incident ID is blank', () => {
    expect(mapAwsdRecord(awsdRecord({ Year: '' }))).toStrictEqual({ ok: false, externalId: '5', problems: [expect.anything()] });
    expect(mapAwsdRecord(awsdRecord({ 'Incident ID': '' }))).toStrictEqual({ ok: false, problems: [expect.anything()] });
  });

  it('reports every problem of a record at once', () => {
    const sut = mapAwsdRecord(
      awsdRecord({ 'Incident ID': '', Month: '13', 'Country Code': 'XX', Location: 'Street', 'Nationals killed': 'x' }),
    );
    expect(sut).toMatchObject({
      ok: false,
      problems: ['Incident ID', 'Month', 'Country Code', 'Nationals killed'].map((field) => ({ field })),
    });
  });

  it('lists every value it leaves out at once', () => {
    const sut = mapAwsdRecord(awsdRecord({ Latitude: '11.329.444', Location: 'Street', Verified: 'No' }));
    expect(sut).toMatchObject({ ok: true, dropped: ['Latitude', 'Location', 'Verified'].map((field) => ({ field })) });
  });

  it('leaves checking the totals against the counts to the domain', () => {
    const sut = detailsOf(mapAwsdRecord(awsdRecord({ 'Total killed': '9' })));
    expect(sut.declaredTotals?.killed).toBe(9);
  });

  it.each<[AwsdColumn, string, keyof IncidentDetails, unknown]>([
    ['Location', 'office/COMPOUND ', 'locationType', 'office_compound'],
    ['Location', '', 'locationType', 'unknown'],
    ['Means of attack', 'Landmine ', 'meansOfAttack', 'landmine'],
    ['Means of attack', 'Vehicle-born IED', 'meansOfAttack', 'vehicle_borne_ied'],
    ['Means of attack', 'vehicle-borne IED', 'meansOfAttack', 'vehicle_borne_ied'],
    ['Means of attack', 'Rape/sexual  assault ', 'meansOfAttack', 'rape_or_sexual_assault'],
    ['Means of attack', '', 'meansOfAttack', 'unknown'],
    ['Attack context', 'combat/crossfire', 'attackContext', 'combat_crossfire'],
    ['Attack context', '', 'attackContext', 'unknown'],
    ['Motive', 'ECONOMIC', 'motive', 'economic'],
    ['Motive', '', 'motive', undefined],
    ['Actor type', 'Host state', 'perpetratorCategory', 'host_state_forces'],
    ['Actor type', 'Non-state armed group: Global ', 'perpetratorCategory', 'non_state_armed_group_global'],
    ['Actor type', 'state:  Unknown', 'perpetratorCategory', 'state_unknown'],
    ['Actor type', 'Unaffiliated', 'perpetratorCategory', 'unaffiliated_individual'],
    ['Actor type', '', 'perpetratorCategory', 'unknown'],
    ['Verified', 'Yes', 'sourceVerification', 'verified'],
    ['Verified', 'archived', 'sourceVerification', 'archived'],
    ['Verified', 'Pen', 'sourceVerification', 'pending'],
    ['Verified', 'pen ', 'sourceVerification', 'pending'],
    ['Verified', '', 'sourceVerification', undefined],
    ['Country Code', ' ml ', 'countryCode', 'ML'],
    ['Region', ' Gao ', 'adminLevel1', 'Gao'],
    ['Region', '', 'adminLevel1', undefined],
    ['District', 'Ansongo', 'adminLevel2', 'Ansongo'],
    ['City', 'Ménaka', 'locality', 'Ménaka'],
    ['Details', '  First line.\nSecond line.\n', 'narrative', 'First line.\nSecond line.'],
    ['Details', ' ', 'narrative', undefined],
    ['Source', 'Focal Point', 'sources', [{ name: 'Focal point', reliability: 'cannot_be_judged' }]],
    ['Source', 'Official Report ', 'sources', [{ name: 'Official Report', reliability: 'cannot_be_judged' }]],
    ['Source', 'acled', 'sources', [{ name: 'ACLED', reliability: 'cannot_be_judged' }]],
    ['Source', 'UN  OCHA', 'sources', [{ name: 'UN OCHA', reliability: 'cannot_be_judged' }]],
    ['Source', '', 'sources', []],
  ])('reads %s %j as %s %j', (column, value, field, expected) => {
    const sut = detailsOf(mapAwsdRecord(awsdRecord({ [column]: value })));
    expect(fieldOf(sut, field)).toStrictEqual(expected === undefined ? {} : { [field]: expected });
  });

  it.each([
    ['both blank', '', '', undefined],
    ['both given', '-2.577047', '28.538311', { latitude: -2.577047, longitude: 28.538311, precision: 'approximate' }],
    ['at the limits', '-90', '+180', { latitude: -90, longitude: 180, precision: 'approximate' }],
  ])('reads coordinates %s', (_case, Latitude, Longitude, coordinates) => {
    const sut = detailsOf(mapAwsdRecord(awsdRecord({ Latitude, Longitude })));
    expect(fieldOf(sut, 'coordinates')).toStrictEqual(coordinates === undefined ? {} : { coordinates });
  });

  it.each<[string, AwsdLabels<string>, readonly string[]]>([
    ['LocationTypes', AwsdLocations, LocationTypes],
    ['MeansOfAttack', AwsdMeansOfAttack, MeansOfAttack],
    ['AttackContexts', AwsdAttackContexts, AttackContexts],
    ['Motives', AwsdMotives, Motives],
    ['PerpetratorCategories', AwsdActorTypes, PerpetratorCategories],
    ['SourceVerificationStatuses', AwsdVerification, SourceVerificationStatuses],
  ])('has an AWSD label for every value of %s', (_name, sut, values) => {
    expect(new Set(sut.known.map((label) => sut.find(label)))).toEqual(new Set(values));
  });

  describe('personnel counts', () => {
    it('counts each harm per status, leaving out zeros and blanks', () => {
      const sut = detailsOf(
        mapAwsdRecord(
          awsdRecord({
            'Nationals killed': '3',
            'Nationals wounded': '',
            'Nationals kidnapped': '1',
            'Nationals detained': '0',
            'Internationals killed': '0',
            'Internationals wounded': '1',
            'Internationals kidnapped': ' ',
            'Internationals detained': '2',
          }),
        ),
      );
      expect(sut.personnel).toEqual([
        { harm: 'killed', status: 'national', count: 3 },
        { harm: 'kidnapped', status: 'national', count: 1 },
        { harm: 'wounded', status: 'international', count: 1 },
        { harm: 'detained', status: 'international', count: 2 },
      ]);
    });

    it('reads the declared totals, affiliations and genders', () => {
      const sut = detailsOf(
        mapAwsdRecord(
          awsdRecord({
            ...{ 'Total nationals': '4', 'Total internationals': '1', 'Total killed': '2', 'Total wounded': '1' },
            ...{ 'Total kidnapped': '1', 'Total detained': '1', 'Total affected': '5' },
            ...{ UN: '1', INGO: '2', ICRC: '0', 'NRCS and IFRC': '0', NNGO: '1', Other: '1' },
            ...{ 'Gender Male': '2', 'Gender Female': '2', 'Gender Unknown': '1' },
          }),
        ),
      );
      expect(sut.declaredTotals).toStrictEqual({
        national: 4,
        international: 1,
        killed: 2,
        wounded: 1,
        kidnapped: 1,
        detained: 1,
        affected: 5,
      });
      expect(sut.affiliationBreakdown).toStrictEqual({ un: 1, ingo: 2, icrc: 0, ifrc_national_society: 0, national_ngo: 1, other: 1 });
      expect(sut.genderBreakdown).toStrictEqual({ male: 2, female: 2, unknown: 1 });
    });

    it('declares no detentions for the 41-column layout', () => {
      const sut = detailsOf(mapAwsdRecord(awsdRecordWithoutDetained()));
      expect(sut.personnel).toEqual([{ harm: 'wounded', status: 'national', count: 2 }]);
      expect(sut.declaredTotals).toStrictEqual({ national: 2, international: 0, killed: 0, wounded: 2, kidnapped: 0, affected: 2 });
    });

    it('declares no total, and no breakdown, that the record leaves blank', () => {
      const blank = { 'Total killed': '', 'Gender Male': '', 'Gender Female': '', 'Gender Unknown': '' };
      const sut = detailsOf(mapAwsdRecord(awsdRecord(blank)));
      expect(sut.declaredTotals).not.toHaveProperty('killed');
      expect(sut).not.toHaveProperty('genderBreakdown');
    });
  });

  describe('actor name', () => {
    it.each(['', 'Unknown', ' unknown '])('leaves out %j', (name) => {
      expect(mapAwsdRecord(awsdRecord({ 'Actor name': name }))).not.toHaveProperty('perpetratorName');
    });

    it('returns a named actor beside the details, never in them', () => {
      const sut = mapAwsdRecord(awsdRecord({ 'Actor name': ' Armed Group X ' }));
      expect(sut).toMatchObject({ ok: true, perpetratorName: 'Armed Group X' });
      expect(JSON.stringify(detailsOf(sut))).not.toContain('Armed Group X');
    });
  });
});
