import type { ConfigService } from '@nestjs/config';
import type { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import type { ImportSummary } from '../application/import-incidents.command.js';
import { ImportInterruptedError } from '../application/import-interrupted.error.js';
import { IncidentImportsController } from './incident-imports.controller.js';

const summary: ImportSummary = { rows: 3, created: 1, alreadyImported: 1, failed: 1, errors: [], errorsTruncated: false, warnings: [] };

/** Answers the import with what the command bus gives, and records the status and headers set. */
async function answer(outcome: () => Promise<unknown>) {
  const commands = { execute: outcome } as unknown as CommandBus;
  const config = { getOrThrow: () => 1000 } as unknown as ConfigService;
  const request = Object.assign(Readable.from(['Incident ID\n']), { headers: { 'content-type': 'text/csv' } }) as unknown as Request;
  const sent: { status?: number; headers: Record<string, string> } = { headers: {} };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
  } as unknown as Response;
  const sut = new IncidentImportsController(commands, config);
  const body = await sut.import(request, response, { subject: 'officer', organisation: 'org' } as never);
  return { body, ...sent };
}

describe('IncidentImportsController', () => {
  it('answers an interrupted import with 503, the summary so far and the line to resume from', async () => {
    const sut = await answer(() => Promise.reject(new ImportInterruptedError(summary, 5, { cause: new Error('57014') })));
    expect(sut).toEqual({
      status: 503,
      headers: { 'Retry-After': '30' },
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringContaining('rows before line 5 are imported'),
        resumeFromLine: 5,
        summary,
      },
    });
  });

  it('leaves a completed import and any other failure as they are', async () => {
    await expect(answer(() => Promise.resolve(summary))).resolves.toEqual({ body: summary, headers: {} });
    await expect(answer(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});
