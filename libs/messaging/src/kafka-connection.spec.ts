import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isConnectionError } from './kafka-connection.js';

describe('isConnectionError', () => {
  const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
  // kafkajs builds a protocol error from the broker's error code entry.
  const unknownTopic = new KafkaJSProtocolError(
    Object.assign(new Error('This server does not host this topic-partition'), { type: 'UNKNOWN_TOPIC_OR_PARTITION', code: 3 }),
  );

  it.each([
    ['a refused connection', refused, true],
    ['retries exhausted on a refused connection', new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 8, retryTime: 300 }), true],
    ['an unknown topic', unknownTopic, false],
    ['retries exhausted on an unknown topic', new KafkaJSNumberOfRetriesExceeded(unknownTopic, { retryCount: 8, retryTime: 300 }), false],
    ['a plain error', new Error('boom'), false],
    ['nothing', undefined, false],
  ])('%s: %s', (_name, error, expected) => {
    expect(isConnectionError(error)).toBe(expected);
  });
});
