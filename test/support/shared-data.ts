import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * A file of the synthetic AWSD exports in the workplace's shared/data, which sits beside the
 * checkout (CI lays a copy there too); SHARED_DATA_DIR points elsewhere when it does not.
 */
export function sharedDataFile(name: string): string {
  return join(process.env.SHARED_DATA_DIR ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url)), name);
}
