import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Topics } from '#contracts';
import { createPartner, toolKafkaCredentials, type KafkaCredentials } from '#messaging';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { createProbeTopic, testKafka } from '../support/probe-events.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import { TopicReader, type ReadMessage } from '../support/topic-reader.js';

interface Summary {
  messages: number;
  eventsByType: Record<string, number>;
  duplicatesSkipped: number;
  invalid: { at: string; type: string; id: string; reason: string }[];
}

/** Runs the built example as a partner would, against the real broker; its exit code and its summary line. */
function runExample(env: Record<string, string> = {}): Promise<{ code: number | null; output: string; summary: Summary }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/examples/partner-consumer/partner-consumer.js'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.split('\n').find((text) => text.startsWith('summary '));
      if (!line) return reject(new Error(`no summary from the example (exit ${code}):\n${output}`));
      resolve({ code, output, summary: JSON.parse(line.slice('summary '.length)) as Summary });
    });
  });
}

/** The example's SASL settings for a principal, as its README names them. */
function saslEnv(credentials: KafkaCredentials): Record<string, string> {
  return {
    KAFKA_SASL_MECHANISM: credentials.mechanism,
    KAFKA_SASL_USERNAME: credentials.username,
    KAFKA_SASL_PASSWORD: credentials.password,
  };
}

/** Mozambique is this file's own country. */
describe('the example partner consumer (examples/partner-consumer)', () => {
  let intake: RunningService;
  let reader: TopicReader;
  const organisation = 'org-partner-example';
  const officer = tokenFor('officer', organisation, 'officer-partner-example');

  beforeAll(async () => {
    intake = await startService('incident-intake', { ORGANISATION_TYPES: `${organisation}=nngo` });
    reader = await TopicReader.open(Topics.partnerIncidents, Topics.partnerCases);
  });

  afterAll(async () => {
    await reader.close();
    await intake.stop();
  });

  async function publicIncidentOnPartnerTopic(): Promise<ReadMessage> {
    const reported = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ countryCode: 'MZ', confidentiality: 'public' }))
      .expect(201);
    return eventually(async () => {
      const message = reader.messages.find((read) => read.topic === Topics.partnerIncidents && read.key === reported.body.id);
      expect(message).toBeDefined();
      return message!;
    });
  }

  it('replays both partner topics from the start as a partner, with its own SCRAM credentials, and finds our events valid', async () => {
    await publicIncidentOnPartnerTopic();
    const readBefore = reader.messages.length;
    // The same code as `npm run partner:create -- --name <name>`.
    const partner = await createPartner(`example-${randomUUID().slice(0, 8)}`, {
      brokers: process.env.KAFKA_BROKERS!.split(','),
      credentials: toolKafkaCredentials(),
      stackScript: 'docker/stack.sh',
    });

    const { code, output, summary } = await runExample({
      ...saslEnv({ mechanism: 'scram-sha-512', username: partner.username, password: partner.password }),
      KAFKA_GROUP_PREFIX: partner.groupPrefix,
    });

    // test/messaging/broker-acl.int-spec.ts writes probe events onto the real partner topic;
    // the example rightly finds no published schema for them. Every other event must be valid.
    const foreign = summary.invalid.filter((invalid) => invalid.type === 'test.probe.recorded.v1');
    expect(summary.invalid.filter((invalid) => !foreign.includes(invalid))).toEqual([]);
    expect(code).toBe(foreign.length > 0 ? 1 : 0);
    // Everything on the topics when it started, ours included; later events may be read too.
    expect(summary.messages).toBeGreaterThanOrEqual(readBefore);
    expect(summary.eventsByType['accountability.partner.incident.published.v1']).toBeGreaterThanOrEqual(1);
    expect(output).toContain('valid events by type:\n  accountability.partner.');
    expect(output).toMatch(new RegExp(`duplicates skipped: \\d+\\ninvalid events: ${foreign.length}\\n`));
  });

  it('skips a repeated event id, names an event its schema refuses and exits non-zero', async () => {
    const real = await publicIncidentOnPartnerTopic();
    // A topic of its own: a bad event on the real partner topics would stay there for good.
    const kafka = testKafka('partner-example-test');
    const topic = await createProbeTopic(kafka, 'partner-example', 1);
    const invalidId = randomUUID();
    const message = (id: string, value: string) => ({ key: real.key, value, headers: { ...real.headers, ce_id: id } });
    await kafka.sendBatch({
      topicMessages: [
        {
          topic,
          messages: [
            message(real.headers.ce_id, real.value!),
            message(real.headers.ce_id, real.value!),
            message(invalidId, JSON.stringify({ ...JSON.parse(real.value!), countryCode: 'Mozambique' })),
          ],
        },
      ],
    });
    try {
      const { code, output, summary } = await runExample({ ...saslEnv(toolKafkaCredentials()), PARTNER_TOPICS: topic });

      expect(code).toBe(1);
      expect(summary).toEqual({
        messages: 3,
        eventsByType: { 'accountability.partner.incident.published.v1': 1 },
        duplicatesSkipped: 1,
        invalid: [
          {
            at: `${topic}/0@2`,
            type: 'accountability.partner.incident.published.v1',
            id: invalidId,
            reason: '/countryCode must match pattern "^[A-Z]{2}$"',
          },
        ],
      });
      expect(output).toContain(
        `invalid events: 1\n  ${topic}/0@2 accountability.partner.incident.published.v1 ${invalidId}: /countryCode must match pattern`,
      );
    } finally {
      await kafka.close();
    }
  });
});
