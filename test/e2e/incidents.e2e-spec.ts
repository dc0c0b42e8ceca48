import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Topics } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import { TopicReader } from '../support/topic-reader.js';

/** Personal data that must never leave the intake service's protected store. */
const VICTIM = 'Amina Haroun-Quessat';
const STAFF_ID = 'STAFF-99173';
const TESTIMONY = 'They stopped the convoy near the well at dusk';
const PERPETRATOR = 'Commander Yellowfin';
const protectedBody = {
  perpetratorName: PERPETRATOR,
  victims: [
    {
      name: VICTIM,
      staffId: STAFF_ID,
      contact: '+000 555 0199',
      harm: 'killed',
      status: 'national',
      gender: 'female',
      testimony: TESTIMONY,
    },
  ],
  witnesses: [{ name: 'Witness Zebulon Okapi', testimony: 'I saw two vehicles' }],
};
const secrets = [VICTIM, STAFF_ID, TESTIMONY, PERPETRATOR, 'Zebulon'];

describe('incident intake over HTTP (real PostgreSQL and Kafka)', () => {
  let intake: RunningService & { logFile: string };
  let dataSource: DataSource;
  let reader: TopicReader;
  const officer = tokenFor('officer', 'org-alpha', 'officer-alpha');
  const otherOfficer = tokenFor('officer', 'org-beta', 'officer-beta');
  const admin = tokenFor('admin', 'org-admin');
  const reporting = tokenFor('reporting', 'org-alpha');

  const report = (body: object, token = officer) =>
    request(intake.url).post('/incidents').set('Authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    // Debug logging: the strictest setting for "nothing personal in the logs".
    intake = await startService('incident-intake', { LOG_LEVEL: 'debug' }, '.stack/logs/e2e-incident-intake-debug.log');
    dataSource = await openTestDataSource('intake');
    reader = await TopicReader.open(Topics.incidents);
  });

  afterAll(async () => {
    await reader.close();
    await dataSource.destroy();
    await intake.stop();
  });

  describe('report and read', () => {
    it('records a complete incident, answers 201 with an ETag, and reads it back', async () => {
      const body = reportIncidentBody({
        countryCode: 'SS',
        concernedStateCode: 'SD',
        adminLevel1: 'Upper Nile',
        coordinates: { latitude: 9.53, longitude: 31.66, precision: 'approximate' },
        motive: 'political',
        declaredTotals: { killed: 2, national: 5, international: 1, affected: 6 },
        affiliationBreakdown: { national_ngo: 5, un: 1 },
        narrative: 'Convoy ambushed on the road to the clinic.',
      });
      const created = await report(body).expect(201);
      expect(created.headers.etag).toBe('W/"1"');
      // References count per year of recording, whatever year the test runs in.
      expect(created.body.reference.slice(4, 8)).toBe(created.body.reportedAt.slice(0, 4));
      expect(created.body).toMatchObject({
        reference: expect.stringMatching(/^INC-\d{4}-\d{6}$/),
        version: 1,
        status: 'reported',
        concernedStateCode: 'SD',
        reportedBy: 'officer-alpha',
        reportingOrganisation: 'org-alpha',
      });

      const read = await request(intake.url).get(`/incidents/${created.body.id}`).set('Authorization', `Bearer ${reporting}`).expect(200);
      expect(read.headers.etag).toBe('W/"1"');
      expect(read.body).toEqual({ ...created.body });
      expect(read.body.coordinates).toEqual({ latitude: 9.53, longitude: 31.66, precision: 'approximate' });
    });

    it('returns warnings for breakdowns kept as reported', async () => {
      const created = await report(reportIncidentBody({ genderBreakdown: { female: 1 } })).expect(201);
      expect(created.body.warnings).toEqual(['genderBreakdown adds up to 1 people, the harm counts to 6; kept as reported']);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers the same key and body with the same incident (200) and a different body with 409', async () => {
      const key = `key-${Date.now()}`;
      const first = await report(reportIncidentBody()).set('Idempotency-Key', key).expect(201);
      const again = await report(reportIncidentBody()).set('Idempotency-Key', key).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const other = await report(reportIncidentBody({ meansOfAttack: 'shelling' }))
        .set('Idempotency-Key', key)
        .expect(409);
      expect(other.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringContaining('Idempotency-Key') });
    });

    it('creates one incident for concurrent requests with the same key', async () => {
      const key = `race-${Date.now()}`;
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => report(reportIncidentBody({ countryCode: 'CD' })).set('Idempotency-Key', key)),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    });

    it('keeps keys per user: another officer may use the same key', async () => {
      const key = `shared-${Date.now()}`;
      const mine = await report(reportIncidentBody()).set('Idempotency-Key', key).expect(201);
      const theirs = await report(reportIncidentBody(), otherOfficer).set('Idempotency-Key', key).expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
    });
  });

  describe('amendments, If-Match and history', () => {
    it('amends with the current ETag, refuses a stale one with 412 and a missing one with 428, and keeps every version', async () => {
      const created = await report(reportIncidentBody({ motive: 'economic' })).expect(201);
      const url = `/incidents/${created.body.id}`;
      const amended = await request(intake.url)
        .patch(url)
        .set('Authorization', `Bearer ${officer}`)
        .set('If-Match', created.headers.etag)
        .send({ meansOfAttack: 'shelling', motive: null, reason: 'Field team report of 3 March' })
        .expect(200);
      expect(amended.headers.etag).toBe('W/"2"');
      expect(amended.body).toMatchObject({ version: 2, meansOfAttack: 'shelling' });
      expect(amended.body.motive).toBeUndefined();

      const stale = await request(intake.url)
        .patch(url)
        .set('Authorization', `Bearer ${officer}`)
        .set('If-Match', created.headers.etag)
        .send({ meansOfAttack: 'shooting', reason: 'second thoughts' })
        .expect(412);
      expect(stale.body).toMatchObject({ statusCode: 412, error: 'Precondition Failed' });
      await request(intake.url)
        .patch(url)
        .set('Authorization', `Bearer ${officer}`)
        .send({ motive: 'other', reason: 'no etag' })
        .expect(428);

      const history = await request(intake.url).get(`${url}/history`).set('Authorization', `Bearer ${officer}`).expect(200);
      expect(
        history.body.map((entry: { version: number; change: string; by: string; reason?: string }) => [
          entry.version,
          entry.change,
          entry.by,
          entry.reason,
        ]),
      ).toEqual([
        [1, 'reported', 'officer-alpha', undefined],
        [2, 'amended', 'officer-alpha', 'Field team report of 3 March'],
      ]);
      expect(history.body[0].state.details).toMatchObject({ meansOfAttack: 'shooting', motive: 'economic' });
      expect(history.body[1].changedFields).toEqual(['meansOfAttack', 'motive']);
    });

    it('lets exactly one of two concurrent amendments of the same version through', async () => {
      const created = await report(reportIncidentBody()).expect(201);
      const amend = (means: string) =>
        request(intake.url)
          .patch(`/incidents/${created.body.id}`)
          .set('Authorization', `Bearer ${officer}`)
          .set('If-Match', 'W/"1"')
          .send({ meansOfAttack: means, reason: 'concurrent edit' });
      const statuses = (await Promise.all([amend('shelling'), amend('landmine'), amend('kidnapping')])).map((response) => response.status);
      expect(statuses.sort()).toEqual([200, 412, 412]);
      const history = await request(intake.url)
        .get(`/incidents/${created.body.id}/history`)
        .set('Authorization', `Bearer ${officer}`)
        .expect(200);
      expect(history.body).toHaveLength(2);
    });

    it('verifies once, rejects as a duplicate of an existing incident, and refuses illegal transitions with 409', async () => {
      const original = await report(reportIncidentBody()).expect(201);
      const copy = await report(reportIncidentBody()).expect(201);
      const verified = await request(intake.url)
        .post(`/incidents/${copy.body.id}/verify`)
        .set('Authorization', `Bearer ${officer}`)
        .expect(200);
      expect(verified.body).toMatchObject({ status: 'verified', version: 2 });
      await request(intake.url).post(`/incidents/${copy.body.id}/verify`).set('Authorization', `Bearer ${officer}`).expect(409);

      const missing = await request(intake.url)
        .post(`/incidents/${copy.body.id}/reject`)
        .set('Authorization', `Bearer ${officer}`)
        .send({ reason: 'duplicate', explanation: 'Same event', duplicateOfIncidentId: '01a226d8-0000-7000-8000-00000000dead' })
        .expect(422);
      expect(missing.body.details).toEqual([
        { field: 'duplicateOfIncidentId', problems: ['no incident with id 01a226d8-0000-7000-8000-00000000dead'] },
      ]);

      const rejected = await request(intake.url)
        .post(`/incidents/${copy.body.id}/reject`)
        .set('Authorization', `Bearer ${officer}`)
        .set('If-Match', 'W/"2"')
        .send({ reason: 'duplicate', explanation: 'Same event reported twice', duplicateOfIncidentId: original.body.id })
        .expect(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        rejection: { reason: 'duplicate', duplicateOfIncidentId: original.body.id },
      });
      await request(intake.url)
        .patch(`/incidents/${copy.body.id}`)
        .set('Authorization', `Bearer ${officer}`)
        .set('If-Match', 'W/"3"')
        .send({ motive: 'other', reason: 'too late' })
        .expect(409);
    });
  });

  describe('lists', () => {
    it('filters, sorts and pages with a cursor without losing or repeating an incident', async () => {
      const ids: string[] = [];
      for (const day of ['01', '02', '03', '04', '05']) {
        ids.push(
          (
            await report(
              reportIncidentBody({
                countryCode: 'BF',
                occurredOn: `2026-01-${day}`,
                personnel: [{ harm: 'detained', status: 'national', count: 1 }],
              }),
            ).expect(201)
          ).body.id,
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await request(intake.url)
          .get('/incidents')
          .query({ countryCode: 'BF', harm: 'detained', sort: 'occurredOn', limit: 2, ...(cursor ? { cursor } : {}) })
          .set('Authorization', `Bearer ${reporting}`)
          .expect(200);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(ids);

      const newest = await request(intake.url)
        .get('/incidents')
        .query({ countryCode: 'BF', limit: 1 })
        .set('Authorization', `Bearer ${reporting}`)
        .expect(200);
      expect(newest.body.items[0].id).toBe(ids[4]);
      const none = await request(intake.url)
        .get('/incidents')
        .query({ countryCode: 'BF', harm: 'killed' })
        .set('Authorization', `Bearer ${reporting}`)
        .expect(200);
      expect(none.body).toEqual({ items: [], nextCursor: null });
    });

    it('narrows the list by each filter of the issue', async () => {
      // A country no other test uses, so every expectation below is exact.
      const base = { countryCode: 'GH', occurredOn: '2026-02-10' };
      const plain = (await report(reportIncidentBody(base)).expect(201)).body.id;
      const shelled = (await report(reportIncidentBody({ ...base, meansOfAttack: 'shelling', occurredOn: '2026-04-01' })).expect(201)).body
        .id;
      const byState = (await report(reportIncidentBody({ ...base, concernedStateCode: 'TG', perpetratorCategory: 'criminal' })).expect(201))
        .body.id;
      const missing = (
        await report(reportIncidentBody({ ...base, personnel: [{ harm: 'missing', status: 'international', count: 1 }] })).expect(201)
      ).body.id;
      await request(intake.url).post(`/incidents/${byState}/verify`).set('Authorization', `Bearer ${officer}`).expect(200);
      const ids = async (query: Record<string, string>) =>
        (
          await request(intake.url)
            .get('/incidents')
            .query({ countryCode: 'GH', sort: 'reportedAt', ...query })
            .set('Authorization', `Bearer ${reporting}`)
            .expect(200)
        ).body.items.map((item: { id: string }) => item.id);
      expect(await ids({})).toEqual([plain, shelled, byState, missing]);
      expect(await ids({ meansOfAttack: 'shelling' })).toEqual([shelled]);
      expect(await ids({ from: '2026-03-01' })).toEqual([shelled]);
      expect(await ids({ to: '2026-03-01' })).toEqual([plain, byState, missing]);
      expect(await ids({ concernedStateCode: 'TG' })).toEqual([byState]);
      expect(await ids({ perpetratorCategory: 'criminal' })).toEqual([byState]);
      expect(await ids({ status: 'verified' })).toEqual([byState]);
      expect(await ids({ harm: 'missing' })).toEqual([missing]);
      expect(await ids({ harm: 'killed' })).toEqual([plain, shelled, byState]);
    });

    it.each([
      [{ limit: 500 }, 'limit'],
      [{ sort: 'country' }, 'sort'],
      [{ from: '2026-13' }, 'from'],
      [{ status: 'archived' }, 'status'],
      [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    ])('refuses the list query %j naming %s', async (query, field) => {
      const response = await request(intake.url).get('/incidents').query(query).set('Authorization', `Bearer ${reporting}`).expect(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
    });
  });

  describe('confidential incidents', () => {
    it('are seen only inside the reporting organisation and by admins; to others they do not exist', async () => {
      const created = await report(reportIncidentBody({ countryCode: 'LY', confidentiality: 'confidential' })).expect(201);
      const url = `/incidents/${created.body.id}`;
      const seenBy = async (token: string) => {
        const one = await request(intake.url).get(url).set('Authorization', `Bearer ${token}`);
        const list = await request(intake.url)
          .get('/incidents')
          .query({ countryCode: 'LY' })
          .set('Authorization', `Bearer ${token}`)
          .expect(200);
        const exported = await request(intake.url)
          .get('/incidents/export')
          .query({ countryCode: 'LY', format: 'json' })
          .set('Authorization', `Bearer ${token}`)
          .expect(200);
        const history = await request(intake.url).get(`${url}/history`).set('Authorization', `Bearer ${token}`);
        return [one.status, list.body.items.length, JSON.parse(exported.text).length, history.status];
      };
      expect(await seenBy(officer)).toEqual([200, 1, 1, 200]);
      expect(await seenBy(reporting)).toEqual([200, 1, 1, 200]);
      expect(await seenBy(admin)).toEqual([200, 1, 1, 200]);
      expect(await seenBy(otherOfficer)).toEqual([404, 0, 0, 404]);
      expect(await seenBy(tokenFor('reporting', 'org-beta'))).toEqual([404, 0, 0, 404]);
      await request(intake.url)
        .patch(url)
        .set('Authorization', `Bearer ${otherOfficer}`)
        .set('If-Match', 'W/"1"')
        .send({ motive: 'other', reason: 'not mine' })
        .expect(404);
      await request(intake.url).post(`${url}/verify`).set('Authorization', `Bearer ${otherOfficer}`).expect(404);
    });
  });

  describe('writes across organisations', () => {
    it.each([
      // The audit trail records what reached the access policy; a role the route refuses never gets there.
      ['an officer of another organisation', () => otherOfficer, 403, 'refused'],
      ['reporting staff of the same organisation', () => reporting, 403, undefined],
      ['an officer of the reporting organisation', () => officer, 200, 'done'],
      ['an admin', () => admin, 200, 'done'],
    ])('%s amending, verifying, rejecting a restricted incident → %s', async (_who, token, status, audited) => {
      const ids: string[] = [];
      for (const write of ['amend', 'confidential', 'verify', 'reject'] as const) {
        // Burundi is this test's own country: GH is the list filters' and must hold only theirs, whichever runs first.
        const created = await report(reportIncidentBody({ countryCode: 'BI', confidentiality: 'restricted' })).expect(201);
        const url = `/incidents/${created.body.id}`;
        ids.push(created.body.id);
        const attempt =
          write === 'verify'
            ? request(intake.url).post(`${url}/verify`)
            : write === 'reject'
              ? request(intake.url).post(`${url}/reject`).send({ reason: 'not_credible', explanation: 'No second source' })
              : request(intake.url)
                  .patch(url)
                  .set('If-Match', created.headers.etag)
                  .send(
                    write === 'amend'
                      ? { motive: 'economic', reason: 'Corrected' }
                      : { confidentiality: 'confidential', reason: 'Hide it' },
                  );
        const response = await attempt.set('Authorization', `Bearer ${token()}`);
        expect({ write, status: response.status }).toEqual({ write, status });
        const after = await request(intake.url).get(url).set('Authorization', `Bearer ${officer}`).expect(200);
        expect(after.body.version).toBe(status === 200 ? 2 : 1);
      }
      const audit: { action: string; outcome: string }[] = await dataSource.query(
        'SELECT action, outcome FROM intake.audit_entry WHERE record_id = ANY($1) ORDER BY sequence',
        [ids],
      );
      expect(audit).toEqual(
        audited
          ? ['incident.amended', 'incident.amended', 'incident.verified', 'incident.rejected'].map((action) => ({
              action,
              outcome: audited,
            }))
          : [],
      );
    });
  });

  describe('protected data', () => {
    let incidentId: string;

    beforeAll(async () => {
      incidentId = (await report({ ...reportIncidentBody({ countryCode: 'ER' }), protected: protectedBody }).expect(201)).body.id;
    });

    it('shows it to officers of the reporting organisation and to admins, and refuses everyone else', async () => {
      const mine = await request(intake.url)
        .get(`/incidents/${incidentId}/protected-data`)
        .set('Authorization', `Bearer ${officer}`)
        .expect(200);
      expect(mine.body).toEqual(protectedBody);
      await request(intake.url).get(`/incidents/${incidentId}/protected-data`).set('Authorization', `Bearer ${admin}`).expect(200);
      const other = await request(intake.url)
        .get(`/incidents/${incidentId}/protected-data`)
        .set('Authorization', `Bearer ${otherOfficer}`)
        .expect(403);
      expect(JSON.stringify(other.body)).not.toContain(VICTIM);
      await request(intake.url).get(`/incidents/${incidentId}/protected-data`).set('Authorization', `Bearer ${reporting}`).expect(403);
      await request(intake.url)
        .put(`/incidents/${incidentId}/protected-data`)
        .set('Authorization', `Bearer ${otherOfficer}`)
        .send({ victims: [] })
        .expect(403);
    });

    it('replaces it for the reporting organisation', async () => {
      const replaced = { victims: [{ name: VICTIM, harm: 'killed', status: 'national' }], witnesses: [] };
      await request(intake.url)
        .put(`/incidents/${incidentId}/protected-data`)
        .set('Authorization', `Bearer ${officer}`)
        .send(replaced)
        .expect(204);
      const read = await request(intake.url)
        .get(`/incidents/${incidentId}/protected-data`)
        .set('Authorization', `Bearer ${officer}`)
        .expect(200);
      expect(read.body).toEqual(replaced);
      await request(intake.url)
        .put(`/incidents/${incidentId}/protected-data`)
        .set('Authorization', `Bearer ${officer}`)
        .send(protectedBody)
        .expect(204);
    });

    it('stores it encrypted: the database holds no plaintext', async () => {
      const rows: { ciphertext: Buffer }[] = await dataSource.query(
        'SELECT ciphertext FROM intake.incident_protected_data WHERE incident_id = $1',
        [incidentId],
      );
      expect(rows).toHaveLength(1);
      const [{ dump }] = await dataSource.query(
        `SELECT string_agg(row_to_json(t)::text, '') AS dump FROM (SELECT * FROM intake.incident i WHERE i.id = $1) t`,
        [incidentId],
      );
      for (const secret of secrets) {
        expect(rows[0].ciphertext.toString('latin1')).not.toContain(secret);
        expect(dump).not.toContain(secret);
      }
    });

    it('never shows it in the incident, its history, lists or exports', async () => {
      const places = [
        await request(intake.url).get(`/incidents/${incidentId}`).set('Authorization', `Bearer ${officer}`),
        await request(intake.url).get(`/incidents/${incidentId}/history`).set('Authorization', `Bearer ${officer}`),
        await request(intake.url).get('/incidents').query({ countryCode: 'ER' }).set('Authorization', `Bearer ${officer}`),
        await request(intake.url)
          .get('/incidents/export')
          .query({ countryCode: 'ER', format: 'csv' })
          .set('Authorization', `Bearer ${officer}`),
        await request(intake.url)
          .get('/incidents/export')
          .query({ countryCode: 'ER', format: 'json' })
          .set('Authorization', `Bearer ${officer}`),
      ];
      for (const response of places) {
        expect(response.status).toBe(200);
        for (const secret of secrets) expect(response.text).not.toContain(secret);
      }
    });

    it('never echoes it in an error message', async () => {
      const response = await report({
        ...reportIncidentBody({ countryCode: 'XX' }),
        protected: { ...protectedBody, victims: [{ ...protectedBody.victims[0], harm: 'eaten' }] },
      }).expect(400);
      for (const secret of secrets) expect(response.text).not.toContain(secret);
      expect(response.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
        'countryCode',
        'protected.victims.0.harm',
      ]);
    });

    it('never puts it in events', async () => {
      await eventually(async () => expect(reader.messages.some((message) => message.key === incidentId)).toBe(true));
      const stream = reader.messages.map((message) => `${message.value} ${JSON.stringify(message.headers)}`).join('\n');
      for (const secret of [...secrets, 'Convoy ambushed', 'Upper Nile']) expect(stream).not.toContain(secret);
      const keys = new Set(reader.messages.flatMap((message) => Object.keys(JSON.parse(message.value!))));
      for (const field of ['coordinates', 'adminLevel1', 'adminLevel2', 'locality', 'narrative', 'sources', 'protected', 'reportedBy']) {
        expect(keys).not.toContain(field);
      }
    });

    it('never writes it to the logs, even at debug level', async () => {
      const log = readFileSync(intake.logFile, 'utf8');
      expect(log).toContain('"service":"incident-intake"');
      for (const secret of secrets) expect(log).not.toContain(secret);
    });
  });

  describe('exports', () => {
    it('streams CSV with a header and an HXL hashtag row, and JSON, with the same filters', async () => {
      const created = await report(
        reportIncidentBody({
          countryCode: 'NG',
          occurredOn: '2026-06',
          occurredOnPrecision: 'month',
          narrative: 'Stopped at the checkpoint',
        }),
      ).expect(201);
      const csv = await request(intake.url)
        .get('/incidents/export')
        .query({ countryCode: 'NG' })
        .set('Authorization', `Bearer ${reporting}`)
        .expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const [header, hxl, row, end] = csv.text.split('\n');
      expect(header.split(',').slice(0, 4)).toEqual(['Reference', 'Incident ID', 'Status', 'Occurred on']);
      expect(hxl.split(',').slice(0, 2)).toEqual(['#event+id', '#event+id+uuid']);
      const cells = row.split(',');
      expect(cells.slice(0, 6)).toEqual([created.body.reference, created.body.id, 'reported', '2026-06', 'month', 'NG']);
      expect(cells[header.split(',').indexOf('Nationals killed')]).toBe('2');
      expect(cells[header.split(',').indexOf('Nationals kidnapped')]).toBe('3');
      expect(cells[header.split(',').indexOf('Internationals wounded')]).toBe('1');
      expect(end).toBe('');

      const json = await request(intake.url)
        .get('/incidents/export')
        .query({ countryCode: 'NG', format: 'json' })
        .set('Authorization', `Bearer ${reporting}`)
        .expect(200);
      expect(JSON.parse(json.text).map((incident: { id: string }) => incident.id)).toEqual([created.body.id]);
      // Like the CSV: no narrative, no sources, nobody's identity.
      expect(json.text).not.toContain('checkpoint');
      expect(Object.keys(JSON.parse(json.text)[0])).not.toEqual(expect.arrayContaining(['narrative']));
      expect(Object.keys(JSON.parse(json.text)[0])).not.toContain('sources');
      expect(Object.keys(JSON.parse(json.text)[0])).not.toContain('reportedBy');
    });

    it('refuses an impossible filter date with 400 before anything is streamed', async () => {
      const response = await request(intake.url)
        .get('/incidents/export')
        .query({ to: '2026-13-01', format: 'json' })
        .set('Authorization', `Bearer ${reporting}`)
        .expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
    });

    it('is closed to partners', async () => {
      await request(intake.url)
        .get('/incidents/export')
        .set('Authorization', `Bearer ${tokenFor('partner')}`)
        .expect(403);
    });
  });
});
