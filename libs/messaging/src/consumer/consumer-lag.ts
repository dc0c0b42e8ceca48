/** The end of one partition, as the broker reports it. */
export interface PartitionEnds {
  partition: number;
  /** Offset the next message will get. */
  high: string;
  /** Oldest offset still kept. */
  low: string;
}

/** A consumer group's committed offset of one partition; `-1` when it never committed one. */
export interface CommittedOffset {
  partition: number;
  offset: string;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Messages of each partition the group has not committed yet. A group without a commit, or
 * whose commit fell behind retention, starts from the oldest message kept (it subscribes
 * from the beginning), so everything kept counts as lag.
 */
export function consumerLag(
  ends: { topic: string; partitions: PartitionEnds[] }[],
  committed: { topic: string; partitions: CommittedOffset[] }[],
): PartitionLag[] {
  const committedOf = new Map(
    committed.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => [`${topic}/${partition}`, BigInt(offset)])),
  );
  return ends.flatMap(({ topic, partitions }) =>
    partitions.map(({ partition, high, low }) => {
      const oldest = BigInt(low);
      const position = committedOf.get(`${topic}/${partition}`) ?? -1n;
      const from = position < oldest ? oldest : position;
      const lag = BigInt(high) - from;
      return { topic, partition, lag: Number(lag > 0n ? lag : 0n) };
    }),
  );
}
