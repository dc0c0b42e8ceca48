import {
  addDays,
  daysBetween,
  DefaultReportingPolicy,
  ReportingCalendar,
  toCalendarDate,
  type ReportingPolicy,
} from './reporting-calendar.js';

/** Predictable ids in the order the calendar asks for them. */
function sequentialIds(): () => string {
  let next = 0;
  return () => `due-${++next}`;
}

function requestedOn2025(policy: ReportingPolicy = DefaultReportingPolicy): ReportingCalendar {
  return ReportingCalendar.afterRequest('2025-01-01', policy, sequentialIds());
}

describe('ReportingCalendar.afterRequest', () => {
  it.each([
    ['the default policy', DefaultReportingPolicy, '2025-01-01', '2025-01-31', '2025-04-01'],
    ['a custom policy', { acknowledgementDays: 14, firstReportDays: 60, reportIntervalDays: 90 }, '2024-12-20', '2025-01-03', '2025-02-18'],
  ])('schedules the acknowledgement and the first progress report under %s', (_policyName, policy, requestedOn, ackDueOn, firstDueOn) => {
    const sut = ReportingCalendar.afterRequest(requestedOn, policy, sequentialIds());

    expect(sut.dueDates).toEqual([
      { id: 'due-1', kind: 'acknowledgement', sequence: 1, anchorOn: requestedOn, dueOn: ackDueOn },
      { id: 'due-2', kind: 'progress_report', sequence: 1, anchorOn: requestedOn, dueOn: firstDueOn },
    ]);
  });
});

describe('ReportingCalendar.receiveProgressReport', () => {
  it.each([
    ['early', '2025-03-15', 0, '2025-09-11'],
    ['on the due date', '2025-04-01', 0, '2025-09-28'],
    ['40 days late', '2025-05-11', 40, '2025-11-07'],
  ])('closes the first progress report received %s and anchors the next on receipt', (_when, receivedOn, daysLate, nextDueOn) => {
    const sut = requestedOn2025().acknowledge('2025-01-20');

    const received = sut.receiveProgressReport(receivedOn, DefaultReportingPolicy, () => 'due-3');

    expect(received.dueDates.filter((dueDate) => dueDate.kind === 'progress_report')).toEqual([
      { id: 'due-2', kind: 'progress_report', sequence: 1, anchorOn: '2025-01-01', dueOn: '2025-04-01', fulfilledOn: receivedOn, daysLate },
      { id: 'due-3', kind: 'progress_report', sequence: 2, anchorOn: receivedOn, dueOn: nextDueOn },
    ]);
  });

  it.each([
    ['on time', '2025-01-25', 0],
    ['late', '2025-03-01', 29],
  ])('takes a report as the acknowledgement when none came (%s)', (_when, receivedOn, daysLate) => {
    const sut = requestedOn2025();

    const received = sut.receiveProgressReport(receivedOn, DefaultReportingPolicy, () => 'due-3');

    expect(received.dueDates[0]).toEqual({
      id: 'due-1',
      kind: 'acknowledgement',
      sequence: 1,
      anchorOn: '2025-01-01',
      dueOn: '2025-01-31',
      fulfilledOn: receivedOn,
      daysLate,
    });
  });

  it('keeps an acknowledgement already received', () => {
    const sut = requestedOn2025().acknowledge('2025-01-10');

    expect(sut.receiveProgressReport('2025-03-01', DefaultReportingPolicy, () => 'due-3').dueDates[0]).toMatchObject({
      fulfilledOn: '2025-01-10',
      daysLate: 0,
    });
  });

  it('leaves a missed date open, without a new one, until the late report closes it', () => {
    const sut = requestedOn2025().acknowledge('2025-01-10');

    expect(sut.dueDates).toHaveLength(2);
    expect(sut.next()).toMatchObject({ id: 'due-2', dueOn: '2025-04-01' });
    expect(sut.overdue('2025-06-01')).toEqual([{ dueDate: sut.dueDates[1], daysOverdue: 61 }]);
  });

  it('leaves the calendar it was called on unchanged', () => {
    const sut = requestedOn2025();

    sut.receiveProgressReport('2025-03-01', DefaultReportingPolicy, () => 'due-3');

    expect(sut.dueDates.every((dueDate) => dueDate.fulfilledOn === undefined)).toBe(true);
    expect(sut.dueDates).toHaveLength(2);
  });
});

describe('ReportingCalendar.missed and notifyOverdue', () => {
  it.each([
    ['2025-01-31', []],
    ['2025-02-01', ['due-1']],
    ['2025-04-01', ['due-1']],
    ['2025-04-02', ['due-1', 'due-2']],
  ])('on %s finds missed %j', (today, ids) => {
    const sut = requestedOn2025();

    expect(sut.missed(today).map((dueDate) => dueDate.id)).toEqual(ids);
  });

  it('announces a missed date once and not again', () => {
    const sut = requestedOn2025().notifyOverdue('due-1', '2025-02-01');

    expect(sut.missed('2025-02-10')).toEqual([]);
    expect(sut.notifyOverdue('due-1', '2025-02-10').dueDates[0].overdueNotifiedOn).toBe('2025-02-01');
  });

  it('refuses an unknown due date', () => {
    const sut = requestedOn2025();

    expect(() => sut.notifyOverdue('unknown', '2025-02-01')).toThrow('no due date unknown');
  });
});

describe('ReportingCalendar.withPolicy', () => {
  const longer = { acknowledgementDays: 60, firstReportDays: 120, reportIntervalDays: 90 };

  it('moves an open date and clears its announcement, so the new date may be missed again', () => {
    const sut = requestedOn2025().notifyOverdue('due-1', '2025-02-01');

    const changed = sut.withPolicy(longer);

    expect(changed.dueDates[0]).toEqual({ id: 'due-1', kind: 'acknowledgement', sequence: 1, anchorOn: '2025-01-01', dueOn: '2025-03-02' });
    expect(changed.missed('2025-02-05')).toEqual([]);
    expect(changed.missed('2025-03-03').map((dueDate) => dueDate.id)).toEqual(['due-1']);
  });

  it.each([
    ['the acknowledgement', 0, '2025-03-02'],
    ['the first progress report', 1, '2025-05-01'],
    ['a later progress report', 2, '2025-06-30'],
  ])('recomputes %s from its anchor', (_which, index, dueOn) => {
    const sut = ReportingCalendar.of([
      { id: 'ack', kind: 'acknowledgement', sequence: 1, anchorOn: '2025-01-01', dueOn: '2025-01-31' },
      { id: 'first', kind: 'progress_report', sequence: 1, anchorOn: '2025-01-01', dueOn: '2025-04-01' },
      { id: 'second', kind: 'progress_report', sequence: 2, anchorOn: '2025-04-01', dueOn: '2025-09-28' },
    ]);

    expect(sut.withPolicy(longer).dueDates[index].dueOn).toBe(dueOn);
  });

  it.each([
    ['a fulfilled date', requestedOn2025().acknowledge('2025-01-20'), longer],
    ['a cancelled date', requestedOn2025().cancelOpen('2025-01-20'), longer],
    [
      'a date that does not move, with its announcement',
      requestedOn2025().notifyOverdue('due-1', '2025-02-01'),
      { ...DefaultReportingPolicy, firstReportDays: 120 },
    ],
  ])('leaves %s as it was', (_which, sut, policy) => {
    expect(sut.withPolicy(policy).dueDates[0]).toEqual(sut.dueDates[0]);
  });
});

describe('ReportingCalendar.cancelOpen and resume', () => {
  it('leaves nothing to miss once the case is closed', () => {
    const sut = requestedOn2025().acknowledge('2025-01-20').cancelOpen('2025-02-01');

    expect([sut.missed('2026-01-01'), sut.overdue('2026-01-01'), sut.next()]).toEqual([[], [], undefined]);
    expect(sut.dueDates.map((dueDate) => dueDate.cancelledOn)).toEqual([undefined, '2025-02-01']);
  });

  it('schedules nothing for a report that arrives while the case is closed', () => {
    const sut = requestedOn2025().cancelOpen('2025-02-01');

    expect(sut.receiveProgressReport('2025-03-01', DefaultReportingPolicy, () => 'due-3').dueDates).toEqual(sut.dueDates);
  });

  it('on reopening, schedules the next progress report from the reopening date', () => {
    const sut = requestedOn2025().acknowledge('2025-01-20').cancelOpen('2025-02-01');

    const resumed = sut.resume('2025-02-01', DefaultReportingPolicy, () => 'due-3');

    expect(resumed.next()).toEqual({ id: 'due-3', kind: 'progress_report', sequence: 2, anchorOn: '2025-02-01', dueOn: '2025-07-31' });
  });

  it('on reopening, keeps a progress report that is still open', () => {
    const sut = requestedOn2025();

    expect(sut.resume('2025-02-01', DefaultReportingPolicy, () => 'due-3').dueDates).toEqual(sut.dueDates);
  });
});

describe('ReportingCalendar.next and overdue', () => {
  it.each([
    ['nothing received', requestedOn2025(), 'due-1'],
    ['the acknowledgement received', requestedOn2025().acknowledge('2025-01-20'), 'due-2'],
    ['the first report received', requestedOn2025().receiveProgressReport('2025-03-01', DefaultReportingPolicy, () => 'due-3'), 'due-3'],
  ])('with %s, the next due date is %s', (_state, sut, id) => {
    expect(sut.next()?.id).toBe(id);
  });

  it.each([
    ['2025-01-31', []],
    ['2025-02-01', [['due-1', 1]]],
    [
      '2025-04-11',
      [
        ['due-1', 70],
        ['due-2', 10],
      ],
    ],
  ])('on %s counts the days overdue %j', (today, expected) => {
    const sut = requestedOn2025();

    expect(sut.overdue(today).map(({ dueDate, daysOverdue }) => [dueDate.id, daysOverdue])).toEqual(expected);
  });
});

describe('calendar date helpers', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-01-31', 30, '2025-03-02'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-04-30', 0, '2025-04-30'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2024-02-01', '2024-03-01', 29],
    ['2025-02-01', '2025-03-01', 28],
    ['2025-04-01', '2025-01-01', -90],
    ['2025-01-01', '2025-01-01', 0],
  ])('daysBetween(%s, %s) is %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2025-01-01T00:00:00.000Z', '2025-01-01'],
    ['2025-01-01T23:59:59.999Z', '2025-01-01'],
    ['2025-01-01T23:30:00-01:00', '2025-01-02'],
  ])('toCalendarDate(%s) is the UTC day %s', (instant, expected) => {
    expect(toCalendarDate(new Date(instant))).toBe(expected);
  });

  it.each([
    ['a date that does not exist', () => addDays('2026-02-30', 1)],
    ['a fraction of a day', () => addDays('2026-02-01', 0.5)],
    ['a loosely written date', () => daysBetween('2026-2-1', '2026-03-01')],
  ])('refuses %s', (_what, call) => {
    expect(call).toThrow();
  });
});
