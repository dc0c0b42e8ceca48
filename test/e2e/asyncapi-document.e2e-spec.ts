import { readFileSync } from 'node:fs';
import request from 'supertest';
import { startService, type RunningService } from '../support/services.js';

describe('/asyncapi.json', () => {
  let reporting: RunningService;

  beforeAll(async () => {
    reporting = await startService('council-reporting');
  });

  afterAll(async () => {
    await reporting.stop();
  });

  it('serves the published AsyncAPI document without a token, as every service does', async () => {
    const response = await request(reporting.url)
      .get('/asyncapi.json')
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(response.body).toEqual(JSON.parse(readFileSync('libs/contracts/asyncapi.json', 'utf8')));
  });
});
