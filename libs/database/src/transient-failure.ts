/**
 * Whether a failure is the infrastructure's, not the work's: the database unavailable or
 * restarting, a serialization failure or deadlock, a timeout. Such work succeeds a moment
 * later: a consumer holds its partition and retries, an import retries the row.
 */
export function isTransientFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (TransientCodes.has(code) || TransientSqlStateClasses.has(code.slice(0, 2)))) return true;
    if (typeof message === 'string' && TransientMessages.some((pattern) => pattern.test(message))) return true;
    // TypeORM wraps the driver's error; Error.cause carries it elsewhere.
    current = (current as { driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

const TransientCodes = new Set([
  // PostgreSQL SQLSTATE
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57014', // query_canceled (statement timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '53300', // too_many_connections
  // Node's network errors
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLSTATE class 08: connection exception. */
const TransientSqlStateClasses = new Set(['08']);

/** pg's own errors carry no code. */
const TransientMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /connection is not queryable/i,
  /terminating connection/i,
  // TypeORM's query runner after its connection was cut in the middle of a transaction.
  /query runner (provider )?(was )?already released|connection provided by a query runner was already released/i,
];
