import { consumerLag } from './consumer-lag.js';

describe('consumerLag', () => {
  const ends = (partitions: [number, string, string][]) => [
    { topic: 't', partitions: partitions.map(([partition, low, high]) => ({ partition, low, high })) },
  ];
  const committed = (partitions: [number, string][]) => [
    { topic: 't', partitions: partitions.map(([partition, offset]) => ({ partition, offset })) },
  ];

  it.each([
    ['caught up', [0, '0', '10'], [0, '10'], 0],
    ['behind by three', [0, '0', '10'], [0, '7'], 3],
    ['never committed: everything kept', [0, '4', '10'], [0, '-1'], 6],
    ['commit older than retention: everything kept', [0, '5', '10'], [0, '2'], 5],
    ['empty partition, never committed', [0, '0', '0'], [0, '-1'], 0],
  ] as const)('%s', (_name, end, commit, lag) => {
    const sut = consumerLag(ends([[...end]]), committed([[...commit]]));
    expect(sut).toEqual([{ topic: 't', partition: 0, lag }]);
  });

  it('counts a partition the group has no entry for from the oldest message kept', () => {
    expect(
      consumerLag(
        ends([
          [0, '0', '3'],
          [1, '2', '9'],
        ]),
        committed([[0, '3']]),
      ),
    ).toEqual([
      { topic: 't', partition: 0, lag: 0 },
      { topic: 't', partition: 1, lag: 7 },
    ]);
  });

  it('keeps topics apart', () => {
    const sut = consumerLag(
      [
        { topic: 'a', partitions: [{ partition: 0, low: '0', high: '5' }] },
        { topic: 'b', partitions: [{ partition: 0, low: '0', high: '5' }] },
      ],
      [
        { topic: 'a', partitions: [{ partition: 0, offset: '5' }] },
        { topic: 'b', partitions: [{ partition: 0, offset: '1' }] },
      ],
    );
    expect(sut).toEqual([
      { topic: 'a', partition: 0, lag: 0 },
      { topic: 'b', partition: 0, lag: 4 },
    ]);
  });
});
