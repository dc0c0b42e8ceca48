// npm run reporting:reproduce -- <report id> — generates a report again from the topics up to its watermark and compares the hashes.
import { runReadModelTool } from '../read-model-tool.js';
import { reproduceReport, ReproducibleFormats } from './application/reproduce-report.js';

const reportId = process.argv[2];
if (!reportId || !/^[0-9a-f-]{36}$/i.test(reportId)) {
  console.error('Usage: npm run reporting:reproduce -- <report id (UUID)>');
  process.exit(2);
}
await runReadModelTool('reproduce', 'Reproduction failed', async ({ dataSource, kafka, readModels }) => {
  const reproduction = await reproduceReport(dataSource, kafka, readModels, reportId);
  console.log(`${reproduction.reference}: ${reproduction.replayed} events replayed up to its watermark`);
  for (const file of reproduction.files) {
    const note = file.same ? 'same' : ReproducibleFormats.includes(file.format) ? 'DIFFERENT' : 'different packaging (not byte-stable)';
    console.log(`  ${file.format.padEnd(5)} ${file.stored} ${note}`);
  }
  console.log(reproduction.identical ? 'Reproduced byte for byte.' : 'NOT REPRODUCED: see the formats marked DIFFERENT.');
  return reproduction.identical ? 0 : 1;
});
