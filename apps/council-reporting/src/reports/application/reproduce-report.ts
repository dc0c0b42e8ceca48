import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ReportFormat } from '#contracts';
import type { KafkaConnection } from '#messaging';
import { createProjectionSchemaLike, LiveProjectionSchema } from '../../projections/infrastructure/projection-tables.js';
import type { ReadModels } from '../../projections/infrastructure/read-models.js';
import { replayTargetOf, TopicReplay } from '../../projections/infrastructure/topic-replay.js';
import { renderAllFormats } from '../infrastructure/council-report.renderer.js';
import { ReportDataAssembler } from '../infrastructure/report-data.assembler.js';
import { ReportRepository } from '../infrastructure/report.repository.js';

/** Formats whose bytes a report's watermark fixes; the others differ in packaging only (Word's zip dates). */
export const ReproducibleFormats: readonly ReportFormat[] = ['json', 'md', 'csv', 'html', 'pdf'];

export interface FileComparison {
  format: ReportFormat;
  stored: string;
  reproduced: string;
  same: boolean;
}

export interface Reproduction {
  reference: string;
  /** Events replayed from offset zero up to the watermark. */
  replayed: number;
  files: FileComparison[];
  /** Every reproducible format came out byte for byte the same. */
  identical: boolean;
}

/**
 * Rebuilds the read models a completed report was generated from, in a scratch schema, by
 * replaying the topics from offset zero up to its watermark and no further; generates the
 * report again from them at its data date; and compares the SHA-256 of every format with
 * the stored ones. The live read models and the report are left untouched.
 */
export async function reproduceReport(
  dataSource: DataSource,
  kafka: KafkaConnection,
  readModels: ReadModels,
  reportId: string,
): Promise<Reproduction> {
  const report = await new ReportRepository().find(dataSource.manager, reportId);
  if (!report) throw new Error(`No report ${reportId}`);
  if (report.status !== 'completed' || !report.watermark) throw new Error(`Report ${report.reference} is ${report.status}, not completed`);
  const schema = `reporting_reproduce_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await createProjectionSchemaLike(dataSource.manager, LiveProjectionSchema, schema);
  const replay = new TopicReplay(kafka, dataSource, readModels, { schema });
  try {
    const progress = await replay.replayTo(replayTargetOf(report.watermark.positions));
    const data = await dataSource.transaction('REPEATABLE READ', (manager) =>
      new ReportDataAssembler(schema).assemble(manager, {
        reportId: report.reportId,
        reference: report.reference,
        request: report.request,
        actor: report.requester,
        asOf: new Date(report.watermark!.asOf),
      }),
    );
    const reproduced = new Map((await renderAllFormats(data)).map((file) => [file.format, file.sha256]));
    const files = report.files.map(({ format, sha256 }) => ({
      format,
      stored: sha256,
      reproduced: reproduced.get(format)!,
      same: sha256 === reproduced.get(format),
    }));
    return {
      reference: report.reference,
      replayed: Object.values(progress.applied).reduce((sum, count) => sum + count, 0),
      files,
      identical: files.every((file) => file.same || !ReproducibleFormats.includes(file.format)),
    };
  } finally {
    await replay.close();
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}
