import { isTransientFailure } from './transient-failure.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isTransientFailure', () => {
  it.each([
    { name: 'a refused connection', error: withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432') },
    { name: 'a reset connection', error: withCode('ECONNRESET') },
    { name: 'a serialization failure', error: withCode('40001') },
    { name: 'a deadlock', error: withCode('40P01') },
    { name: 'a statement timeout', error: withCode('57014', 'canceling statement due to statement timeout') },
    { name: 'a server shutting down', error: withCode('57P01', 'terminating connection due to administrator command') },
    { name: 'a server starting up', error: withCode('57P03') },
    { name: 'a connection exception (class 08)', error: withCode('08006') },
    { name: "pg's terminated connection", error: new Error('Connection terminated unexpectedly') },
    { name: "pg's pool timeout", error: new Error('timeout exceeded when trying to connect') },
    { name: 'a driver error wrapped by TypeORM', error: Object.assign(new Error('query failed'), { driverError: withCode('40P01') }) },
    { name: 'an error with a transient cause', error: new Error('outer', { cause: withCode('ECONNREFUSED') }) },
    {
      name: "TypeORM's transaction after its connection was cut",
      error: new Error(
        'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
      ),
    },
    { name: "TypeORM's released query runner", error: new Error('Query runner already released. Cannot run queries anymore.') },
  ])('is transient: $name', ({ error }) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    { name: 'a unique violation', error: withCode('23505', 'duplicate key value') },
    { name: 'a check violation', error: withCode('23514') },
    { name: 'a syntax error', error: withCode('42601') },
    { name: 'a programming error', error: new TypeError("Cannot read properties of undefined (reading 'id')") },
    { name: 'no error at all', error: undefined },
    { name: 'a string', error: 'connection terminated' },
  ])('is not transient: $name', ({ error }) => {
    expect(isTransientFailure(error)).toBe(false);
  });
});
