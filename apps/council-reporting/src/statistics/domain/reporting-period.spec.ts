import { InvalidPeriodError, parsePeriod, previousPeriod, rangePeriod, requestedPeriod } from './reporting-period.js';

describe('parsePeriod', () => {
  it.each([
    { text: '2023', kind: 'year', from: '2023-01-01', to: '2023-12-31' },
    { text: '2024H1', kind: 'half', from: '2024-01-01', to: '2024-06-30' },
    { text: '2024H2', kind: 'half', from: '2024-07-01', to: '2024-12-31' },
    { text: '2023+H1', kind: 'year_and_half', from: '2023-01-01', to: '2024-06-30' },
  ])('reads $text as $from to $to', ({ text, kind, from, to }) => {
    expect(parsePeriod(text)).toEqual({ kind, label: text, from, to });
  });

  it.each(['2024H3', '24', '2024-H1', '1989', '2101', '2100+H1', 'last year', ''])('refuses %j with a message naming the forms', (text) => {
    expect(() => parsePeriod(text)).toThrow(InvalidPeriodError);
  });
});

describe('rangePeriod', () => {
  it('keeps a range of days', () => {
    expect(rangePeriod('2024-03-01', '2024-05-31')).toEqual({
      kind: 'range',
      label: '2024-03-01/2024-05-31',
      from: '2024-03-01',
      to: '2024-05-31',
    });
  });

  it.each([
    { from: '2024-02-30', to: '2024-03-01' },
    { from: '2024-05-01', to: '2024-04-30' },
  ])('refuses $from to $to', ({ from, to }) => {
    expect(() => rangePeriod(from, to)).toThrow(InvalidPeriodError);
  });
});

describe('previousPeriod', () => {
  it.each([
    { text: '2023', previous: { from: '2022-01-01', to: '2022-12-31' } },
    { text: '2024H1', previous: { from: '2023-07-01', to: '2023-12-31' } },
    { text: '2024H2', previous: { from: '2024-01-01', to: '2024-06-30' } },
    { text: '2023+H1', previous: { from: '2021-07-01', to: '2022-12-31' } },
  ])('is $previous.from to $previous.to before $text', ({ text, previous }) => {
    expect(previousPeriod(parsePeriod(text))).toMatchObject(previous);
  });

  it('is the same number of days before a range', () => {
    expect(previousPeriod(rangePeriod('2024-03-01', '2024-03-31'))).toMatchObject({ from: '2024-01-30', to: '2024-02-29' });
  });
});

describe('requestedPeriod', () => {
  it.each([
    { request: {}, expected: undefined },
    { request: { year: 2022 }, expected: { from: '2022-01-01', to: '2022-12-31' } },
    { request: { period: '2022H2' }, expected: { from: '2022-07-01', to: '2022-12-31' } },
    { request: { from: '2022-02-01', to: '2022-02-10' }, expected: { from: '2022-02-01', to: '2022-02-10' } },
    { request: { period: '2022H1', year: 2022 }, expected: { from: '2022-01-01', to: '2022-06-30' } },
  ])('reads $request', ({ request, expected }) => {
    const sut = requestedPeriod(request);
    if (expected === undefined) expect(sut).toBeUndefined();
    else expect(sut).toMatchObject(expected);
  });

  it.each([{ period: '2022', from: '2022-01-01', to: '2022-01-02' }, { from: '2022-01-01' }, { to: '2022-01-01' }])(
    'refuses %j',
    (request) => {
      expect(() => requestedPeriod(request)).toThrow(InvalidPeriodError);
    },
  );
});
