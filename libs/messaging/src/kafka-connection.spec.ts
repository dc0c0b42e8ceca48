import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { localKafkaPassword } from '#config';
import { isConnectionError, toolKafkaCredentials } from './kafka-connection.js';

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

describe('toolKafkaCredentials', () => {
  it.each([
    ['nothing given: the local admin', {}, { mechanism: 'scram-sha-512', username: 'admin', password: localKafkaPassword('admin') }],
    [
      'a user alone: its local password',
      { KAFKA_SASL_USERNAME: 'council-reporting' },
      { username: 'council-reporting', password: localKafkaPassword('council-reporting') },
    ],
    [
      'everything given',
      { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'ops', KAFKA_SASL_PASSWORD: 'p' },
      { mechanism: 'scram-sha-256', username: 'ops', password: 'p' },
    ],
  ])('%s', (_case, env, expected) => {
    expect(toolKafkaCredentials(env)).toMatchObject(expected);
  });

  it('refuses a mechanism the broker does not offer', () => {
    expect(() => toolKafkaCredentials({ KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
      'KAFKA_SASL_MECHANISM must be one of scram-sha-512, scram-sha-256, not plain',
    );
  });
});
