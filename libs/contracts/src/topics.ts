/**
 * Kafka topics of the contract. Keys are aggregate ids, so one aggregate's events stay in order.
 * The internal topics are for our own services; partners read the `partner` family, derived
 * from them with confidential records withheld (see docs/partners.md).
 */
export const Topics = {
  incidents: 'accountability.incidents.v1',
  cases: 'accountability.cases.v1',
  reports: 'accountability.reports.v1',
  partnerIncidents: 'accountability.partner.incidents.v1',
  partnerCases: 'accountability.partner.cases.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Partition counts the topics are created with (more partitions = more consumer instances). */
export const TopicPartitions: Record<Topic, number> = {
  [Topics.incidents]: 6,
  [Topics.cases]: 6,
  [Topics.reports]: 3,
  // As many as their internal topics: one partner topic follows one internal aggregate's order.
  [Topics.partnerIncidents]: 6,
  [Topics.partnerCases]: 6,
};

/** The dead-letter twin of a topic: events that can never be processed, with the reason in headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** Partners consume the partner topics outside our services, so those have no dead-letter twin. */
export function hasDeadLetterTopic(topic: Topic): boolean {
  return topic !== Topics.partnerIncidents && topic !== Topics.partnerCases;
}

export const AllTopics: readonly string[] = Object.values(Topics).flatMap((topic) =>
  hasDeadLetterTopic(topic) ? [topic, deadLetterTopicOf(topic)] : [topic],
);
