// npm run reporting:rebuild — rebuilds council-reporting's read models from the topics from offset zero and swaps them in.
import { runReadModelTool } from '../read-model-tool.js';
import { rebuildReadModels, ReportingRebuildSchemas, type RebuildOutcome } from './application/rebuild-read-models.js';
import type { ReplayProgress } from './infrastructure/topic-replay.js';

/** One line: events applied per topic, and what was passed over. */
function describeProgress({ applied, skipped, duplicates }: Readonly<ReplayProgress>): string {
  const topics = Object.entries(applied).map(([topic, count]) => `${count} from ${topic}`);
  return `${topics.join(', ')} applied; ${skipped} skipped (not valid events), ${duplicates} duplicate(s)`;
}

function describeRebuild(outcome: RebuildOutcome): string {
  return `Rebuilt in ${outcome.seconds.toFixed(1)} s: ${describeProgress(outcome.progress)}. Swapped into schema "${outcome.swappedInto}".`;
}

let lastPrinted = 0;
await runReadModelTool('rebuild', 'Rebuild failed', async ({ dataSource, kafka, readModels }) => {
  console.log(`Rebuilding the read models of "${ReportingRebuildSchemas.live}" from offset zero…`);
  const outcome = await rebuildReadModels(dataSource, kafka, readModels, {
    onProgress: (progress) => {
      if (Date.now() - lastPrinted < 5000) return;
      lastPrinted = Date.now();
      console.log(`  ${describeProgress(progress)}`);
    },
  });
  console.log(describeRebuild(outcome));
  return 0;
});
